#!/usr/bin/env bash
# Topology editor repaint benchmark (issue #11: "a repaint with 1,000 servers under 16 ms"): the editor's own
# painter draws 1,000 servers in 50 groups into an off-screen image, N times per zoom, and prints p50/p99.
#   usage: xvfb-run -a releng/benchmarks/topology-repaint.sh [N]
# Takes the bundles from the modules' target/ folders and SWT and EMF from the local Maven repository
# (build first: ./syncline _mvn -q package -pl bundles/org.syncline.distribution.ui -am -DskipTests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
CP=$(ls "$ROOT"/bundles/org.syncline.core/target/org.syncline.core-*.jar "$ROOT"/bundles/org.syncline.model/target/org.syncline.model-*.jar \
  "$ROOT"/bundles/org.syncline.distribution.ui/target/org.syncline.distribution.ui-*.jar \
  "$M2"/org/eclipse/platform/org.eclipse.swt.gtk.linux.x86_64/3.135.0/org.eclipse.swt.gtk.linux.x86_64-3.135.0.jar \
  "$M2"/org/eclipse/emf/org.eclipse.emf.common/2.46.0/org.eclipse.emf.common-2.46.0.jar \
  "$M2"/org/eclipse/emf/org.eclipse.emf.ecore/2.43.0/org.eclipse.emf.ecore-2.43.0.jar | grep -v -- '-sources' | paste -sd:) \
  || { echo "no bundles: package org.syncline.distribution.ui first (see above)" >&2; exit 1; }
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" "$ROOT/releng/benchmarks/TopologyRepaint.java" "${1:-300}"
