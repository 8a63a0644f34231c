#!/usr/bin/env bash
# Server start-up benchmark: time from launching the server product to "listening", on a fresh data
# directory (cold: key pair, database, first admin, OSGi cache) and on a restart (warm), against the
# same JVM starting an empty program (the floor nothing on the JVM can beat), reported as a ratio so
# that a busy machine does not hide a regression. Target (issue #2): ready in < 3 s.
#   usage: releng/benchmarks/server-startup.sh [RUNS]     (build the server product first: ./syncline build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRODUCT="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64"
RUNS=${1:-5}
[ -x "$PRODUCT/syncline" ] || { echo "no server product at $PRODUCT: run ./syncline build" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "bench-admin-pw-1" > "$WORK/pw"
export XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config"

now() { date +%s%N; }

start_server() { # $1 = data dir; prints milliseconds until listening, leaves the server running
  local out="$1.out" t0 pid
  rm -f "$out"   # the background shell truncates it only once it runs: never read the last run's line
  t0=$(now)
  "$PRODUCT/syncline" server --data "$1" --port 0 --bind 127.0.0.1 --admin-password-file "$WORK/pw" > "$out" 2>&1 &
  pid=$!
  until grep -qs "listening on" "$out"; do
    kill -0 $pid 2>/dev/null || { cat "$out" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( ($(now) - t0) / 1000000 ))
  echo $pid > "$1.pid"
}

stop_server() { kill -TERM "$(cat "$1.pid")"; while kill -0 "$(cat "$1.pid")" 2>/dev/null; do sleep 0.05; done; }

JAVA=$(for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { echo "$j"; break; }; done)
cat > "$WORK/Empty.java" <<'J'
public class Empty { public static void main(String[] a) { System.out.println("ready"); } }
J
"$(dirname "$JAVA")/javac" -d "$WORK" "$WORK/Empty.java"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

cold=() warm=() floor=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now); "$JAVA" -cp "$WORK" Empty > /dev/null; floor+=($(( ($(now) - t0) / 1000000 )))
  d="$WORK/data$i"
  cold+=("$(start_server "$d")"); stop_server "$d"
  warm+=("$(start_server "$d")"); stop_server "$d"
done
mc=$(printf '%s\n' "${cold[@]}" | median); mw=$(printf '%s\n' "${warm[@]}" | median); mf=$(printf '%s\n' "${floor[@]}" | median)
echo "runs: $RUNS   cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "empty JVM (floor):   median ${mf} ms   [${floor[*]}]"
echo "server cold start:   median ${mc} ms   [${cold[*]}]   ratio to floor $(awk "BEGIN {printf \"%.1f\", $mc/$mf}")"
echo "server warm restart: median ${mw} ms   [${warm[*]}]   ratio to floor $(awk "BEGIN {printf \"%.1f\", $mw/$mf}")"
echo "target: ready in < 3000 ms -> restart $([ "$mw" -lt 3000 ] && echo met || echo MISSED); first start of a new data directory (key pair, database, first admin) $([ "$mc" -lt 3000 ] && echo met || echo "over, by $((mc - 3000)) ms")"
