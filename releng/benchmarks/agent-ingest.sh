#!/usr/bin/env bash
# Agent ingest benchmark (issue #11): a real master (the server product, role master) and AGENTS simulated
# agents that enrol with tokens, say hello and report a sample every INTERVAL seconds for SECONDS; prints the
# master's own handling time per sample (p50/p99, from distribution.stats) and the master's RSS before and
# after. Target: p99 <= 10 ms with 1,000 agents every 5 s, bounded memory.
# Agents enrol PARALLEL at a time (default 16).
#   usage: releng/benchmarks/agent-ingest.sh [AGENTS] [SECONDS] [INTERVAL] [PARALLEL]     (build the server product first)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRODUCT="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64"
AGENTS=${1:-1000}; SECONDS_=${2:-120}; INTERVAL=${3:-5}; PARALLEL=${4:-16}
[ -x "$PRODUCT/syncline" ] || { echo "no server product at $PRODUCT: run ./syncline build" >&2; exit 1; }
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
WORK=$(mktemp -d)
PID=
cleanup() { if [ -n "$PID" ]; then kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
echo "bench-admin-pw-1" > "$WORK/pw"
export XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config"
"$PRODUCT/syncline" server --data "$WORK/master" --roles master --port 0 --bind 127.0.0.1 --admin-password-file "$WORK/pw" \
  > "$WORK/master.out" 2>&1 &
PID=$!
until grep -qs "listening on" "$WORK/master.out"; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/master.out" >&2; exit 1; }
  sleep 0.1
done
ADDR=$(grep -o "listening on 127.0.0.1:[0-9]*" "$WORK/master.out" | head -1 | sed 's/listening on //')
JPID=$(pgrep -P $PID java || echo $PID)
rss() { awk '/VmRSS/ {print int($2/1024) " MiB"}' /proc/$JPID/status; }
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   master $ADDR, RSS at start $(rss)"
PLUGINS="$PRODUCT/plugins"
CP=$(ls "$PLUGINS"/org.syncline.core_*.jar "$PLUGINS"/org.syncline.protocol_*.jar "$PLUGINS"/org.apache.mina.core_*.jar \
  "$PLUGINS"/slf4j.api_*.jar "$PLUGINS"/com.fasterxml.jackson.*.jar "$PLUGINS"/bcprov_*.jar "$PLUGINS"/bcpkix_*.jar "$PLUGINS"/bcutil_*.jar | paste -sd:)
"$JAVA" -Xss512k -cp "$CP" "$ROOT/releng/benchmarks/AgentIngest.java" "$ADDR" "bench-admin-pw-1" "$AGENTS" "$SECONDS_" "$INTERVAL" "$WORK" "$PARALLEL"
echo "master RSS after: $(rss)"
