#!/usr/bin/env bash
# Stream throughput benchmark: a Syncline upload stream (frames, credit-based backpressure, TLS 1.3 over
# MINA) against a raw TLS 1.3 socket copy of the same bytes in the same run, with a 64 MiB heap so that a
# 1 GiB stream proves it never holds the payload in memory.
#   usage: releng/benchmarks/stream-throughput.sh [BYTES] [RUNS] [extra JVM options...]
# Takes the bundles from the server product (./syncline build) or, when there is none, from the modules'
# target/ folders and the local Maven repository (./syncline _mvn -q package -pl bundles/org.syncline.protocol -am).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PLUGINS="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64/plugins"
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
if [ -d "$PLUGINS" ]; then
  CP=$(ls "$PLUGINS"/org.syncline.core_*.jar "$PLUGINS"/org.syncline.protocol_*.jar "$PLUGINS"/org.apache.mina.core_*.jar \
    "$PLUGINS"/slf4j.api_*.jar "$PLUGINS"/com.fasterxml.jackson.*.jar "$PLUGINS"/bcprov_*.jar "$PLUGINS"/bcpkix_*.jar "$PLUGINS"/bcutil_*.jar | paste -sd:)
else
  M2="${MAVEN_REPO:-$HOME/.m2/repository}"
  CP=$(ls "$ROOT"/bundles/org.syncline.core/target/org.syncline.core-*.jar "$ROOT"/bundles/org.syncline.protocol/target/org.syncline.protocol-*.jar \
    "$M2"/org/apache/mina/mina-core/2.2.10/mina-core-2.2.10.jar "$M2"/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar \
    "$M2"/org/bouncycastle/bc{prov,pkix,util}-jdk18on/1.86/*-1.86.jar \
    "$M2"/com/fasterxml/jackson/core/jackson-{annotations,core,databind}/2.22*/*.jar \
    "$M2"/com/fasterxml/jackson/datatype/jackson-datatype-jsr310/2.22*/*.jar 2>/dev/null | paste -sd:) \
    || { echo "no bundles: run ./syncline build or package the protocol module" >&2; exit 1; }
fi
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
BYTES=${1:-1073741824}; RUNS=${2:-3}; shift $(( $# < 2 ? $# : 2 ))
exec "$JAVA" -Xmx64m "$@" -cp "$CP" "$ROOT/releng/benchmarks/StreamThroughput.java" "$BYTES" "$RUNS"
