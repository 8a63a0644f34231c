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
INSTALL="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64"
PLUGINS="$INSTALL/plugins"
[ -d "$PLUGINS" ] || { echo "no server product at $INSTALL: build it first" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run (see usage)" >&2; exit 1; }
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
SECONDS_RUN=${1:-15}; FPS=${2:-30}; VIEWERS=${3:-5}; THROTTLE=${4:-256}; WORKLOAD=${5:-scroll}
CP=$(ls "$PLUGINS"/org.syncline.core_*.jar "$PLUGINS"/org.syncline.protocol_*.jar "$PLUGINS"/org.syncline.admin_*.jar \
  "$PLUGINS"/org.syncline.sharing_*.jar "$PLUGINS"/org.apache.mina.core_*.jar "$PLUGINS"/slf4j.api_*.jar \
  "$PLUGINS"/com.fasterxml.jackson.*.jar "$PLUGINS"/bcprov_*.jar "$PLUGINS"/bcpkix_*.jar "$PLUGINS"/bcutil_*.jar \
  "$PLUGINS"/com.sun.jna_*.jar "$PLUGINS"/com.sun.jna.platform_*.jar | paste -sd:)
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
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   relay on port $PORT   workload $WORKLOAD"
echo "== $VIEWERS viewers, none throttled"
"$JAVA" ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -cp "$CP" "$ROOT/releng/benchmarks/ShareE2e.java" \
  "$PORT" bench-admin-1 "$SECONDS_RUN" "$FPS" "$VIEWERS" 0 "$WORKLOAD"
echo "== $VIEWERS viewers, the first behind a link of $THROTTLE KB/s"
"$JAVA" ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true -cp "$CP" "$ROOT/releng/benchmarks/ShareE2e.java" \
  "$PORT" bench-admin-1 "$SECONDS_RUN" "$FPS" "$VIEWERS" "$THROTTLE" "$WORKLOAD"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
