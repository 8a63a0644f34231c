#!/usr/bin/env bash
# Window sharing relay fan-out: one host sends synthetic 1280x720 updates (every tile changes every frame) at a
# fixed rate to VIEWERS viewers on loopback through a real relay (the server product, role relay); prints per
# viewer the updates per second, how fast its picture advanced and the latency from the host stamping an update
# to the viewer holding it. Runs twice: all viewers at full speed, then the first one throttled.
#   usage: releng/benchmarks/relay-fanout.sh [SECONDS] [FPS] [VIEWERS] [THROTTLE_MS] [TILE_BYTES]
# Needs the server product (./syncline build, or ./syncline _mvn -o verify -pl server/org.syncline.server.product -am).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
INSTALL="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64"
PLUGINS="$INSTALL/plugins"
[ -d "$PLUGINS" ] || { echo "no server product at $INSTALL: build it first" >&2; exit 1; }
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
SECONDS_RUN=${1:-20}; FPS=${2:-30}; VIEWERS=${3:-5}; THROTTLE=${4:-200}; TILE_BYTES=${5:-16384}
CP=$(ls "$PLUGINS"/org.syncline.core_*.jar "$PLUGINS"/org.syncline.protocol_*.jar "$PLUGINS"/org.syncline.admin_*.jar \
  "$PLUGINS"/org.syncline.sharing_*.jar "$PLUGINS"/org.apache.mina.core_*.jar "$PLUGINS"/slf4j.api_*.jar \
  "$PLUGINS"/com.fasterxml.jackson.*.jar "$PLUGINS"/bcprov_*.jar "$PLUGINS"/bcpkix_*.jar "$PLUGINS"/bcutil_*.jar | paste -sd:)
WORK=$(mktemp -d)
cleanup() { [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
printf 'bench-admin-1\n' > "$WORK/admin.pw"
(umask 077; mkdir -p "$WORK/data")
"$INSTALL/syncline" server --data "$WORK/data" --port 0 --bind 127.0.0.1 --roles relay \
  --admin-password-file "$WORK/admin.pw" > "$WORK/server.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do grep -qs "listening on" "$WORK/server.out" && break; sleep 0.1; done
PORT=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/server.out" | head -n 1)
[ -n "$PORT" ] || { cat "$WORK/server.out" >&2; exit 1; }
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   relay on port $PORT"
echo "== $VIEWERS viewers, none throttled"
"$JAVA" -cp "$CP" "$ROOT/releng/benchmarks/RelayFanout.java" "$PORT" bench-admin-1 "$SECONDS_RUN" "$FPS" "$VIEWERS" 0 "$TILE_BYTES"
echo "== $VIEWERS viewers, the first throttled to one update per $THROTTLE ms"
"$JAVA" -cp "$CP" "$ROOT/releng/benchmarks/RelayFanout.java" "$PORT" bench-admin-1 "$SECONDS_RUN" "$FPS" "$VIEWERS" "$THROTTLE" "$TILE_BYTES"
