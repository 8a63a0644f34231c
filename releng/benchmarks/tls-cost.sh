#!/usr/bin/env bash
# TLS cost on one link (issue #13: "measure what TLS costs on a link and record it, but ship no unencrypted
# link"): the same loopback copy over plain TCP and over TLS 1.3 (JSSE, as Syncline's links), wall throughput
# and CPU per GiB at both ends (TlsCost.java). A throwaway RSA 2048 key pair is made with keytool for the run.
#   usage: releng/benchmarks/tls-cost.sh [MIB] [ROUNDS]      (defaults: 1024 MiB, 5 rounds)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
WORK=$(mktemp -d /tmp/tls-cost.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
"$(dirname "$JAVA")/keytool" -genkeypair -alias link -keyalg RSA -keysize 2048 -dname CN=tls-cost -validity 2 -storetype PKCS12 \
  -keystore "$WORK/link.p12" -storepass benchpass -keypass benchpass >/dev/null 2>&1
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   $("$JAVA" -version 2>&1 | head -n 1)"
"$JAVA" "$ROOT/releng/benchmarks/TlsCost.java" "$WORK/link.p12" benchpass "${1:-1024}" "${2:-5}"
