#!/usr/bin/env bash
# Documents benchmarks (issue #9), each against a real registry and a storage node that joined it with a token
# (two server processes on loopback TLS, fresh data directories):
#   a  register + get of BYTES (default 1 GiB) through registry and node, against a raw TLS 1.3 socket copy of the same
#      bytes in the same run (target: >= 0.8x)
#   b  `syncline cli docs put DIR --parallel P` of FILES (default 10,000) files of 4 KiB (target: >= 1,000 documents/s),
#      PUTS times (default 2) into the same registry: the first with the servers just started, the others warm
#   c  name-substring search over DOCS (default 1,000,000) documents seeded through the registry's own table code into the
#      stopped registry's database (DocumentsSeed.java), then QUERIES searches; prints p50/p99 and the registry's RSS
#      (targets: p50 <= 50 ms, p99 <= 200 ms, RSS <= 512 MiB)
#   g  `syncline cli docs get` of a BYTES (default 1 GiB) document into /dev/shm, RUNS times, as a user downloads it (the CLI
#      checks the SHA-256 of what it receives): wall time, MB/s, and the node's and the CLI's CPU for each
#   s  the name index alone, in one JVM (NameIndexScan.java): DOCS names, the same QUERIES parts as c; wall and thread-CPU
#      p50/p99 per search, the index's share of c's whole path
#   usage: releng/benchmarks/docs-bench.sh a|b|c|g|s|all      (build the server product first: ./syncline build)
#   env:   SYNCLINE_PRODUCT (another copy of the server product), BYTES RUNS FILES PARALLEL PUTS DOCS QUERIES SCROLL_PAGES (c: also page through all documents) SEARCH_VMARGS (the registry's JVM options in c, default -Xmx300m)
#          JFR=DIR (record every server, CLI and bench client process with Java Flight Recorder, settings=profile: DIR/registry.jfr,
#          DIR/node.jfr dumped before each server stops, DIR/cli-PID.jfr per CLI call; `jfr print --events
#          jdk.ExecutionSample DIR/registry.jfr` or `jfr summary` to read them)
#          SEEDED=DIR (c: keep the seeded registry data directory there, or start from it when it exists: skips ~10 min of seeding)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRODUCT="${SYNCLINE_PRODUCT:-$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64}"
[ -x "$PRODUCT/syncline" ] || { echo "no server product at $PRODUCT: run ./syncline build" >&2; exit 1; }
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
JAVAC=$(dirname "$JAVA")/javac
if [ -n "${JFR:-}" ]; then
  mkdir -p "$JFR"; JFR=$(cd "$JFR" && pwd)
  # a JVM that writes its class-data archive on exit (each fresh server data directory) runs without JFR: no archive here
  export SYNCLINE_VMARGS="${SYNCLINE_VMARGS:-} -XX:-AutoCreateSharedArchive -Xlog:jfr+startup=error -XX:StartFlightRecording=name=bench,settings=profile,filename=$JFR/cli-%p.jfr,dumponexit=true"
fi
CASE=${1:-all}
BYTES=${BYTES:-1073741824}; RUNS=${RUNS:-3}; FILES=${FILES:-10000}; PARALLEL=${PARALLEL:-16}; PUTS=${PUTS:-2}; DOCS=${DOCS:-1000000}; QUERIES=${QUERIES:-300}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
PW=bench-admin-pw-1
echo "$PW" > "$WORK/pw"
export XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share"
unset SYNCLINE_SERVER SYNCLINE_USER SYNCLINE_PASSWORD SYNCLINE_TRUST_FINGERPRINT
PLUGINS="$PRODUCT/plugins"
CP=$(ls "$PLUGINS"/org.syncline.core_*.jar "$PLUGINS"/org.syncline.protocol_*.jar "$PLUGINS"/org.syncline.documents_*.jar \
  "$PLUGINS"/org.apache.mina.core_*.jar "$PLUGINS"/slf4j.api_*.jar "$PLUGINS"/com.fasterxml.jackson.*.jar "$PLUGINS"/bcprov_*.jar \
  "$PLUGINS"/bcpkix_*.jar "$PLUGINS"/bcutil_*.jar | paste -sd:)
# the store bundle carries Derby's jars inside (Bundle-ClassPath): unpack them for a plain class path
STORE=$(ls "$PLUGINS"/org.syncline.store_*.jar)
mkdir -p "$WORK/classes" "$WORK/store"
(cd "$WORK/store" && unzip -q "$STORE" 'lib/*')
SERVER_CP="$CP:$STORE:$(ls "$WORK"/store/lib/*.jar | paste -sd:):$(ls "$PLUGINS"/org.syncline.documents.server_*.jar):$(ls "$PLUGINS"/org.syncline.server.api_*.jar)"
"$JAVAC" -nowarn -d "$WORK/classes" -cp "$CP:$SERVER_CP" "$ROOT/releng/benchmarks/DocsBench.java" "$ROOT/releng/benchmarks/StreamThroughput.java" \
  "$ROOT/releng/benchmarks/DocumentsBenchNames.java" "$ROOT/releng/benchmarks/DocumentsSeed.java" "$ROOT/releng/benchmarks/NameIndexScan.java" 2>&1 | grep -v '^Note:' || true
bench() { "$JAVA" ${JFR:+-XX:StartFlightRecording=name=bench,settings=profile,filename=$JFR/client-$1.jfr} -cp "$WORK/classes:$CP" DocsBench "$@"; }

# start_server NAME ARGS...: starts `syncline server` with its own data directory, sets ADDR_<NAME> and JPID_<NAME>
start_server() {
  local name=$1; shift
  rm -f "$WORK/$name.out"
  "$PRODUCT/syncline" server --data "$WORK/$name" --port 0 --bind 127.0.0.1 --admin-password-file "$WORK/pw" "$@" > "$WORK/$name.out" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  until grep -qs "listening on" "$WORK/$name.out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name.out" >&2; exit 1; }
    sleep 0.1
  done
  printf -v "ADDR_$name" '%s' "$(grep -o "listening on 127.0.0.1:[0-9]*" "$WORK/$name.out" | head -1 | sed 's/listening on //')"
  printf -v "JPID_$name" '%s' "$(pgrep -P "$pid" java || echo "$pid")"
  printf -v "PID_$name" '%s' "$pid"
}
stop_server() { # NAME
  local pid; pid=$(eval echo "\$PID_$1")
  if [ -n "${JFR:-}" ]; then
    "$(dirname "$JAVA")/jcmd" "$(eval echo "\$JPID_$1")" JFR.dump name=bench filename="$JFR/$1.jfr" > /dev/null
    rm -f "$JFR/cli-$(eval echo "\$JPID_$1").jfr"
  fi
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}
cli() { # as admin against the registry
  SYNCLINE_TRUST_FINGERPRINT=$(sed -n 's/.*"fingerprint" *: *"\([^"]*\)".*/\1/p' "$WORK/registry/run/server.json") \
  SYNCLINE_USER=admin SYNCLINE_PASSWORD=$PW "$PRODUCT/syncline" cli --server "$ADDR_registry" "$@"
}
rss() { awk '/VmRSS/ {print int($2/1024) " MiB"}' "/proc/$1/status"; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; } # user + system seconds of a process
load() { cut -d' ' -f1-3 /proc/loadavg; }
# `times` in a pipeline or in $(...) runs in a subshell, which has no children of its own (the CLI's CPU read as 0.0
# that way): children_times FILE runs it in this shell, children_cpu FILE reads the children's user + system seconds
children_times() { times > "$1"; }
children_cpu() { tail -1 "$1" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1]*60 + u[2] + s[1]*60 + s[2] }'; }
registry_and_node() {
  start_server registry --roles registry
  local token
  token=$(cli --json node token | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
  start_server node --roles storage --join "$ADDR_registry" --token "$token" --set docs.node-name=n1
  bench wait-node "$ADDR_registry" "$PW" n1
  echo "registry $ADDR_registry (pid $JPID_registry), storage node n1 $ADDR_node (pid $JPID_node); cores $(nproc), load $(load)"
}
stop_all() { stop_server node; stop_server registry; PIDS=(); rm -rf "$WORK/registry" "$WORK/node"; }

case_a() {
  echo "== a: $BYTES bytes register + get through registry + node vs raw TLS, $RUNS runs"
  registry_and_node
  # the registry's and the node's CPU per GiB are printed next to the client's
  DOCS_BENCH_PIDS="$JPID_registry $JPID_node" bench transfer "$ADDR_registry" "$PW" "$BYTES" "$RUNS" "$WORK"
  echo "load after: $(load); RSS registry $(rss "$JPID_registry"), node $(rss "$JPID_node")"
  stop_all
}

case_b() {
  echo "== b: $FILES files of 4 KiB, syncline cli docs put DIR --parallel $PARALLEL, $PUTS puts into the same registry"
  # each put its own files (new random bytes: no put finds its content stored already); the first put meets freshly
  # started servers (their JIT cold, as after an install), the later ones servers that have run (as they usually have);
  # every put is a new CLI process
  local round
  for round in $(seq 1 "$PUTS"); do
    python3 -c "
import os,sys
d,n=sys.argv[1],int(sys.argv[2])
for i in range(n):
    sub=os.path.join(d,'d%03d'%(i%100)); os.makedirs(sub,exist_ok=True)
    open(os.path.join(sub,'file-%05d.txt'%i),'wb').write(os.urandom(4096))
" "$WORK/files-$round" "$FILES"
  done
  registry_and_node
  local t0 t1 r0 n0 r1 n1 c0 c1
  for round in $(seq 1 "$PUTS"); do
    r0=$(cpu "$JPID_registry"); n0=$(cpu "$JPID_node"); children_times "$WORK/times0"
    t0=$(date +%s.%N)
    if ! cli docs put "$WORK/files-$round" --parallel "$PARALLEL" > "$WORK/put.out" 2> "$WORK/put.err"; then
      tail -c 2000 "$WORK/put.err" >&2
      echo "-- put $round failed; the registry's and the node's last output lines:" >&2
      tail -n 30 "$WORK/registry.out" "$WORK/node.out" >&2
      exit 1
    fi
    t1=$(date +%s.%N)
    r1=$(cpu "$JPID_registry"); n1=$(cpu "$JPID_node"); children_times "$WORK/times1"; c0=$(children_cpu "$WORK/times0"); c1=$(children_cpu "$WORK/times1")
    local n; n=$(wc -l < "$WORK/put.out")
    awk -v r="$round" -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN { printf "put %d (%s): registered %d documents in %.2f s: %.0f documents/s (the CLI process included)\n", r, r == 1 ? "servers just started" : "servers warm", n, b-a, n/(b-a) }'
    awk -v n="$n" -v r="$(echo "$r1 - $r0" | bc)" -v nd="$(echo "$n1 - $n0" | bc)" -v cl="$(echo "$c1 - $c0" | bc)" -v cores="$(nproc)" 'BEGIN {
      printf "  CPU seconds: registry %.1f, node %.1f, CLI %.1f; %.2f ms of CPU per document: on %d idle cores at most %.0f documents/s\n", r, nd, cl, (r+nd+cl)*1000/n, cores, n*cores/(r+nd+cl) }'
  done
  t0b=$(date +%s.%N); cli docs nodes > /dev/null; t1b=$(date +%s.%N)
  awk -v c="$t0b" -v d="$t1b" 'BEGIN { printf "one `docs nodes` call takes %.2f s of CLI start and login\n", d-c }'
  echo "load after: $(load); registry RSS $(rss "$JPID_registry")"
  stop_all
}

case_c() {
  echo "== c: name-substring search over $DOCS documents, $QUERIES queries"
  if [ -n "${SEEDED:-}" ] && [ -d "$SEEDED" ]; then
    # seeding a million rows takes ~10 minutes of CPU: a copy kept by an earlier run lets a quiet window go to the searches
    cp -a "$SEEDED" "$WORK/registry"
    echo "registry data directory copied from $SEEDED ($(cat "$SEEDED/.seeded-docs") documents seeded)"
  else
    start_server registry --roles registry,storage --set docs.node-name=n1
    stop_server registry
    local t0=$SECONDS
    "$JAVA" -cp "$WORK/classes:$SERVER_CP" org.syncline.documents.internal.server.DocumentsSeed "$WORK/registry/db" "$DOCS" n1 admin
    echo "seeding took $((SECONDS - t0)) s"
    if [ -n "${SEEDED:-}" ]; then
      echo "$DOCS" > "$WORK/registry/.seeded-docs"
      cp -a "$WORK/registry" "$SEEDED"
      echo "seeded registry data directory kept in $SEEDED"
    fi
  fi
  # the heap an operator would give a registry of this size (the JVM's default is a quarter of the RAM, which it
  # fills lazily before collecting); the RSS target is checked with it
  SYNCLINE_VMARGS="${SEARCH_VMARGS:--Xmx300m}" start_server registry --roles registry,storage --set docs.node-name=n1
  echo "registry $ADDR_registry (pid $JPID_registry, ${SEARCH_VMARGS:--Xmx300m}); cores $(nproc), load $(load); RSS at start $(rss "$JPID_registry")"
  until grep -qs "name index" "$WORK/registry/logs/server.0.log" 2>/dev/null; do sleep 1; done
  bench search "$ADDR_registry" "$PW" "$DOCS" "$QUERIES"
  [ -z "${SCROLL_PAGES:-}" ] || bench scroll "$ADDR_registry" "$PW" "$SCROLL_PAGES"
  echo "load after: $(load); registry RSS after $(rss "$JPID_registry")"
  stop_server registry; PIDS=()
}

case_g() {
  echo "== g: syncline cli docs get of a $BYTES-byte document into /dev/shm, $RUNS runs"
  registry_and_node
  local src=/dev/shm/syncline-bench-g-src.$$ out=/dev/shm/syncline-bench-g-out.$$ id r t0 t1 n0 n1 c0 c1
  head -c "$BYTES" /dev/zero > "$src"
  id=$(cli --json docs put "$src" --node n1 | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' | head -1)
  [ -n "$id" ] || { echo "the put of $src failed" >&2; exit 1; }
  for r in $(seq 1 "$RUNS"); do
    rm -f "$out"
    n0=$(cpu "$JPID_node"); children_times "$WORK/times0"; t0=$(date +%s.%N)
    cli docs get "$id" -o "$out" > /dev/null
    t1=$(date +%s.%N); n1=$(cpu "$JPID_node"); children_times "$WORK/times1"
    c0=$(children_cpu "$WORK/times0"); c1=$(children_cpu "$WORK/times1")
    cmp -s "$src" "$out" || { echo "run $r: the downloaded file differs" >&2; exit 1; }
    awk -v r="$r" -v a="$t0" -v b="$t1" -v n="$BYTES" -v nd="$(echo "$n1 - $n0" | bc)" -v cl="$(echo "$c1 - $c0" | bc)" 'BEGIN {
      printf "run %d: %.2f s, %.0f MB/s (the CLI process included); CPU node %.2f s, CLI %.2f s\n", r, b-a, n/1e6/(b-a), nd, cl }'
  done
  rm -f "$src" "$out"
  echo "load after: $(load)"
  stop_all
}

case_s() {
  echo "== s: the name index alone over $DOCS documents, $QUERIES searches (cores $(nproc), load $(load))"
  "$JAVA" ${SEARCH_VMARGS:--Xmx300m} -cp "$WORK/classes:$SERVER_CP" org.syncline.documents.internal.server.NameIndexScan "$DOCS" "$QUERIES"
  echo "load after: $(load)"
}

case "$CASE" in
  a) case_a ;; b) case_b ;; c) case_c ;; g) case_g ;; s) case_s ;;
  all) case_a; case_b; case_c ;;
  *) echo "usage: $0 a|b|c|g|s|all" >&2; exit 2 ;;
esac
