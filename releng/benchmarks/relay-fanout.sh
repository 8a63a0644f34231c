#!/usr/bin/env bash
# Window sharing relay fan-out: one host sends synthetic 1280x720 updates (every tile changes every frame) at a
# fixed rate to VIEWERS viewers on loopback through a real relay (the server product, role relay); prints per
# viewer the updates per second, how fast its picture advanced and the latency from the host stamping an update
# to the viewer holding it. Runs twice: all viewers at full speed, then the first one throttled.
#   usage: releng/benchmarks/relay-fanout.sh [SECONDS] [FPS] [VIEWERS] [THROTTLE_MS] [TILE_BYTES]
# Needs the server product (./syncline build, or ./syncline _mvn -o verify -pl server/org.syncline.server.product -am).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/releng/benchmarks/relay-lib.sh"
SECONDS_RUN=${1:-20}; FPS=${2:-30}; VIEWERS=${3:-5}; THROTTLE=${4:-200}; TILE_BYTES=${5:-16384}
sharing_classpath
start_relay
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   relay on port $PORT"
echo "== $VIEWERS viewers, none throttled"
"$JAVA" -cp "$CP" "$ROOT/releng/benchmarks/RelayFanout.java" "$PORT" bench-admin-1 "$SECONDS_RUN" "$FPS" "$VIEWERS" 0 "$TILE_BYTES"
echo "== $VIEWERS viewers, the first throttled to one update per $THROTTLE ms"
"$JAVA" -cp "$CP" "$ROOT/releng/benchmarks/RelayFanout.java" "$PORT" bench-admin-1 "$SECONDS_RUN" "$FPS" "$VIEWERS" "$THROTTLE" "$TILE_BYTES"
