# Shared by the distribution benchmarks (dist-realtime.sh, dist-hop-cost.sh); source it after setting ROOT and
# TARGETS. Starts a real master and TARGETS+1 agents (src-1, t-1..t-TARGETS: the server product, each its own
# process, data dir and distribution root under WORK/NAME-content), places them all in one group eu/web and stops
# them again on exit. Gives: PRODUCT, WORK, MASTER, cli (the CLI as admin against the master). Optional
# SAME_GROUP_POLICY: attributes of the group's link policy, e.g. 'transferMode=WHOLE_FILE compression=0'.
# SYNCLINE_PRODUCT: another build's server product to measure (e.g. a copy of main's, for before/after pairs).
# AGENTS_PER_JVM=N (default 1: every agent its own `syncline server` process): the targets run N to a JVM, each still
# its own server instance with its own data dir, port, TLS identity, token enrollment and link caps, started by
# ServersInOneJvm.java from the product's plugins/ jars (issue #13 allows fewer JVMs than agents); src-1 keeps its own.
PRODUCT="${SYNCLINE_PRODUCT:-$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64}"
[ -x "$PRODUCT/syncline" ] || { echo "no server product at $PRODUCT: run ./syncline build" >&2; exit 1; }
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
echo "bench-admin-pw-1" > "$WORK/pw"
export XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share"
unset SYNCLINE_SERVER SYNCLINE_USER SYNCLINE_PASSWORD SYNCLINE_TRUST_FINGERPRINT

AGENTS_PER_JVM=${AGENTS_PER_JVM:-1}
[[ "$AGENTS_PER_JVM" =~ ^[1-9][0-9]*$ ]] || { echo "AGENTS_PER_JVM must be a whole number >= 1, not '$AGENTS_PER_JVM'" >&2; exit 2; }
if [ "$AGENTS_PER_JVM" -gt 1 ]; then
  JAVA=
  for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
    [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
  done
  [ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
  # every plugin jar of the product (the capabilities are found from their components), the store's Derby jars unpacked
  STORE=$(ls "$PRODUCT"/plugins/org.syncline.store_*.jar)
  mkdir -p "$WORK/classes" "$WORK/store"
  (cd "$WORK/store" && unzip -q "$STORE" 'lib/*')
  SERVER_CP="$(ls "$PRODUCT"/plugins/*.jar | paste -sd:):$(ls "$WORK"/store/lib/*.jar | paste -sd:)"
  "$(dirname "$JAVA")/javac" -nowarn -d "$WORK/classes" -cp "$SERVER_CP" "$ROOT/releng/benchmarks/ServersInOneJvm.java"
fi

start_shared() { # NAME...: starts the named servers (arguments in WORK/NAME.args) in one JVM, waits until each listens
  # owner-only files from creation, as the product's launcher script sets it
  (umask 077; exec "$JAVA" -Djava.awt.headless=true ${SYNCLINE_VMARGS:-} -cp "$WORK/classes:$SERVER_CP" ServersInOneJvm "$WORK" "$@") \
    > "$WORK/jvm-$1.out" 2>&1 &
  PIDS+=($!)
  local pid=$! n
  for n in "$@"; do
    until grep -qs "listening on" "$WORK/$n.out"; do
      kill -0 $pid 2>/dev/null || { cat "$WORK/jvm-$1.out" "$WORK/$n.out" >&2; exit 1; }
      sleep 0.1
    done
  done
}

start() { # NAME ARGS...: starts a server, waits until it listens, prints its address
  local name=$1; shift
  "$PRODUCT/syncline" server --data "$WORK/$name" --port 0 --bind 127.0.0.1 --admin-password-file "$WORK/pw" "$@" > "$WORK/$name.out" 2>&1 &
  PIDS+=($!)
  local pid=$!
  until grep -qs "listening on" "$WORK/$name.out"; do
    kill -0 $pid 2>/dev/null || { cat "$WORK/$name.out" >&2; exit 1; }
    sleep 0.1
  done
  grep -o "listening on 127.0.0.1:[0-9]*" "$WORK/$name.out" | head -1 | sed 's/listening on //'
}
# not in $(...): a subshell would keep the master's pid out of PIDS, and the cleanup would leave it running
start master --roles master --set distribution.overload-percent=never > "$WORK/master.addr"
MASTER=$(cat "$WORK/master.addr")
FP=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["fingerprint"])' "$WORK/master/run/server.json")
cli() { SYNCLINE_USER=admin SYNCLINE_PASSWORD=bench-admin-pw-1 SYNCLINE_TRUST_FINGERPRINT=$FP "$PRODUCT/syncline" cli --server "$MASTER" "$@"; }
NAMES=(src-1)
for i in $(seq 1 "$TARGETS"); do NAMES+=("t-$i"); done
SHARED=()
for n in "${NAMES[@]}"; do
  TOKEN=$(cli --json node token | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  mkdir -p "$WORK/$n-content"
  AGENT_ARGS=(--roles agent --join "$MASTER" --token "$TOKEN" --set "distribution.agent-name=$n" --set distribution.sample-interval=1s
    --set "distribution.root=$WORK/$n-content")
  if [ "$AGENTS_PER_JVM" -eq 1 ] || [ "$n" = src-1 ]; then
    start "$n" "${AGENT_ARGS[@]}" > /dev/null
  else
    printf '%s\n' --data "$WORK/$n" --port 0 --bind 127.0.0.1 --admin-password-file "$WORK/pw" "${AGENT_ARGS[@]}" > "$WORK/$n.args"
    SHARED+=("$n")
    if [ "${#SHARED[@]}" -eq "$AGENTS_PER_JVM" ]; then start_shared "${SHARED[@]}"; SHARED=(); fi
  fi
done
if [ "${#SHARED[@]}" -gt 0 ]; then start_shared "${SHARED[@]}"; fi
# every agent in the pool, then all of them into one group eu/web
until cli topology export "$WORK/t.xmi" --force > /dev/null && [ "$(grep -c '<unassigned' "$WORK/t.xmi" || true)" -eq "${#NAMES[@]}" ]; do sleep 0.5; done
python3 - "$WORK/t.xmi" ${SAME_GROUP_POLICY:-} <<'PY'
import sys, xml.etree.ElementTree as ET
for p, u in [("xmi", "http://www.omg.org/XMI"), ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
             ("topology", "http://syncline.org/model/topology/1.0")]:
    ET.register_namespace(p, u)
tree = ET.parse(sys.argv[1]); d = tree.getroot()
region = ET.SubElement(d, "regions", name="eu"); group = ET.SubElement(region, "groups", name="web")
for s in d.findall("unassigned"):
    d.remove(s); s.tag = "servers"; group.append(s)
if len(sys.argv) > 2:
    for old in d.findall("sameGroupPolicy"):
        d.remove(old)
    ET.SubElement(d, "sameGroupPolicy", dict(a.split("=", 1) for a in sys.argv[2:]))
tree.write(sys.argv[1], xml_declaration=True, encoding="UTF-8")
PY
cli topology import "$WORK/t.xmi" > /dev/null
