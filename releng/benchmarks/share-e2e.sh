#!/usr/bin/env bash
# Window sharing end to end (issue #12: ">= 30 fps at every viewer, capture-to-paint p50 <= 40 ms; one throttled
# viewer does not lower the others' rate"): a 1280x720 X window whose content changes every frame, shared by the
# real host engine (HostSession: X11 capture -> TileEncoder -> relay) through a real relay (the server product,
# --roles relay) to VIEWERS headless viewers on loopback (SharingClient watch -> TileDecoder -> painted into an
# image). Runs the workload twice: every viewer at full speed, then the first one behind a slow link of
# THROTTLE_KBPS KB/s; then times capture, encode and decode alone.
#   usage: xvfb-run -a -s "-screen 0 1600x1000x24" releng/benchmarks/share-e2e.sh [SECONDS] [HOST_FPS] [VIEWERS] [THROTTLE_KBPS] [WORKLOAD]
#   WORKLOAD: scroll (default; every tile changes every frame) or box (a block moves, a few tiles change)
# JAVA_OPTS=-Dsyncline.sharing.xshm=false reads frames with XGetImage instead of MIT-SHM (to compare).
# Needs the server product (./syncline build, or ./syncline _mvn -o verify -pl server/org.syncline.server.product -am).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/releng/benchmarks/relay-lib.sh"
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run (see usage)" >&2; exit 1; }
SECONDS_RUN=${1:-15}; FPS=${2:-30}; VIEWERS=${3:-5}; THROTTLE=${4:-256}; WORKLOAD=${5:-scroll}
sharing_classpath "com.sun.jna_*.jar" "com.sun.jna.platform_*.jar"
start_relay
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   relay on port $PORT   workload $WORKLOAD"
echo "== $VIEWERS viewers, none throttled"
"$JAVA" ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -cp "$CP" "$ROOT/releng/benchmarks/ShareE2e.java" \
  "$PORT" bench-admin-1 "$SECONDS_RUN" "$FPS" "$VIEWERS" 0 "$WORKLOAD"
echo "== $VIEWERS viewers, the first behind a link of $THROTTLE KB/s"
"$JAVA" ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -cp "$CP" "$ROOT/releng/benchmarks/ShareE2e.java" \
  "$PORT" bench-admin-1 "$SECONDS_RUN" "$FPS" "$VIEWERS" "$THROTTLE" "$WORKLOAD"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
