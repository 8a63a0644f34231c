#!/usr/bin/env bash
# Stream throughput benchmark: a Syncline upload stream (frames, credit-based backpressure, TLS 1.3 over
# MINA) against a raw TLS 1.3 socket copy of the same bytes in the same run, with a 64 MiB heap so that a
# 1 GiB stream proves it never holds the payload in memory.
#   usage: releng/benchmarks/stream-throughput.sh [BYTES] [RUNS]   (build first: ./syncline build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PLUGINS="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64/plugins"
[ -d "$PLUGINS" ] || { echo "no server product: run ./syncline build" >&2; exit 1; }
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
CP=$(ls "$PLUGINS"/org.syncline.core_*.jar "$PLUGINS"/org.syncline.protocol_*.jar "$PLUGINS"/org.apache.mina.core_*.jar \
  "$PLUGINS"/slf4j.api_*.jar "$PLUGINS"/bcprov_*.jar "$PLUGINS"/bcpkix_*.jar "$PLUGINS"/bcutil_*.jar | paste -sd:)
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA" -Xmx64m -cp "$CP" "$ROOT/releng/benchmarks/StreamThroughput.java" "${1:-1073741824}" "${2:-3}"
