#!/usr/bin/env bash
# CPU per step of one whole-file hop (issue #13's fan-out: where a hop's CPU goes), in one JVM against the core
# bundle of a server product (HopCpu.java): delta encoder, patch, spool file, pipe. TLS: tls-cost.sh.
#   usage: releng/benchmarks/hop-cpu.sh        (SYNCLINE_PRODUCT=DIR: another build's server product)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRODUCT="${SYNCLINE_PRODUCT:-$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64}"
CORE=$(ls "$PRODUCT"/plugins/org.syncline.core_*.jar 2>/dev/null | head -n 1)
[ -n "$CORE" ] || { echo "no server product at $PRODUCT: run ./syncline build" >&2; exit 1; }
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   $(basename "$CORE")"
"$JAVA" -cp "$CORE" "$ROOT/releng/benchmarks/HopCpu.java"
