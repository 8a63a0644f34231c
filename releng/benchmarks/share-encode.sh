#!/usr/bin/env bash
# Window sharing encoder benchmark (issue #12): bytes per frame for a typing and a scrolling workload in a
# 1280x720 X window, the sharing engine (X11 capture + TileEncoder) against x11vnc -id sharing the same window,
# both counted by the same driver; then encode time per 1280x720 frame in which every tile changed.
#   usage: xvfb-run -a -s "-screen 0 1600x1000x24" releng/benchmarks/share-encode.sh [STEPS]
# Needs the Debian package x11vnc. Takes the bundles' classes from the modules' target/ folders and JNA from the
# local Maven repository (build first: ./syncline _mvn -o -q compile -pl bundles/org.syncline.sharing -am).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
command -v x11vnc >/dev/null || { echo "x11vnc is missing: apt-get install x11vnc" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run (see usage)" >&2; exit 1; }
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
for d in core sharing; do
  [ -d "$ROOT/bundles/org.syncline.$d/target/classes" ] || { echo "no classes in bundles/org.syncline.$d: build first (see above)" >&2; exit 1; }
done
CP="$ROOT/bundles/org.syncline.core/target/classes:$ROOT/bundles/org.syncline.sharing/target/classes"
CP="$CP:$M2/net/java/dev/jna/jna/5.19.1/jna-5.19.1.jar:$M2/net/java/dev/jna/jna-platform/5.19.1/jna-platform-5.19.1.jar"
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   x11vnc: $(x11vnc -version 2>/dev/null | head -n 1)"
exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" "$ROOT/releng/benchmarks/ShareEncode.java" "${1:-200}"
