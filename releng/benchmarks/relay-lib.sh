# Shared by the window-sharing benchmarks (relay-fanout.sh, share-e2e.sh); source it after setting ROOT.
# Sets INSTALL, PLUGINS and JAVA (>= 21), and CP: the sharing client's classpath from the server product's plugins
# plus the jar patterns given as arguments. start_relay then starts the server product with --roles relay on a
# free loopback port (PORT, SERVER_PID, admin password bench-admin-1) and stops it again on exit.
INSTALL="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64"
PLUGINS="$INSTALL/plugins"
[ -d "$PLUGINS" ] || { echo "no server product at $INSTALL: build it first" >&2; exit 1; }
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }

sharing_classpath() { # EXTRA_JAR_PATTERNS...: sets CP
  local extra=() p
  for p in "$@"; do extra+=("$PLUGINS"/$p); done
  CP=$(ls "$PLUGINS"/org.syncline.core_*.jar "$PLUGINS"/org.syncline.protocol_*.jar "$PLUGINS"/org.syncline.admin_*.jar \
    "$PLUGINS"/org.syncline.sharing_*.jar "$PLUGINS"/org.apache.mina.core_*.jar "$PLUGINS"/slf4j.api_*.jar \
    "$PLUGINS"/com.fasterxml.jackson.*.jar "$PLUGINS"/bcprov_*.jar "$PLUGINS"/bcpkix_*.jar "$PLUGINS"/bcutil_*.jar \
    ${extra[@]+"${extra[@]}"} | paste -sd:)
}

start_relay() { # sets WORK, SERVER_PID, PORT
  WORK=$(mktemp -d)
  trap 'relay_cleanup' EXIT
  printf 'bench-admin-1\n' > "$WORK/admin.pw"
  (umask 077; mkdir -p "$WORK/data")
  "$INSTALL/syncline" server --data "$WORK/data" --port 0 --bind 127.0.0.1 --roles relay \
    --admin-password-file "$WORK/admin.pw" > "$WORK/server.out" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do grep -qs "listening on" "$WORK/server.out" && break; sleep 0.1; done
  PORT=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/server.out" | head -n 1)
  [ -n "$PORT" ] || { cat "$WORK/server.out" >&2; exit 1; }
}

relay_cleanup() {
  # the relay ends by SIGTERM, so wait returns 143: under set -e that must not end the trap before the rm (the
  # scripts used to exit 143 and leave their temporary directory behind)
  if [ -n "${SERVER_PID:-}" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
