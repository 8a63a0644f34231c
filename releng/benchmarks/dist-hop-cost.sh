#!/usr/bin/env bash
# One hop with compression 0 (issue #13: "measure what TLS costs on a link"): a real master and two agents (the
# server product, each its own process) in one group whose link policy is whole file, compression 0; a manual job
# copies one file of MIB MiB of random bytes from src-1 to t-1 over the hop's TLS link, ROUNDS times (the target's
# copy is removed between rounds). Prints each run's time and MiB/s as the master logged it; compare with
# tls-cost.sh (the bare TLS copy) to see what the hop adds on top of TLS.
#   usage: releng/benchmarks/dist-hop-cost.sh [MIB] [ROUNDS]     (build the server product first)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRODUCT="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64"
MIB=${1:-256}; ROUNDS=${2:-3}; TARGETS=1
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
for n in "${NAMES[@]}"; do
  TOKEN=$(cli --json node token | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  mkdir -p "$WORK/$n-content"
  start "$n" --roles agent --join "$MASTER" --token "$TOKEN" --set "distribution.agent-name=$n" --set distribution.sample-interval=1s \
    --set "distribution.root=$WORK/$n-content" > /dev/null
done
# every agent in the pool, then all of them into one group eu/web
until cli topology export "$WORK/t.xmi" --force > /dev/null && [ "$(grep -c '<unassigned' "$WORK/t.xmi" || true)" -eq "${#NAMES[@]}" ]; do sleep 0.5; done
python3 - "$WORK/t.xmi" <<'PY'
import sys, xml.etree.ElementTree as ET
for p, u in [("xmi", "http://www.omg.org/XMI"), ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
             ("topology", "http://syncline.org/model/topology/1.0")]:
    ET.register_namespace(p, u)
tree = ET.parse(sys.argv[1]); d = tree.getroot()
region = ET.SubElement(d, "regions", name="eu"); group = ET.SubElement(region, "groups", name="web")
for s in d.findall("unassigned"):
    d.remove(s); s.tag = "servers"; group.append(s)
for old in d.findall("sameGroupPolicy"):
    d.remove(old)
ET.SubElement(d, "sameGroupPolicy", transferMode="WHOLE_FILE", compression="0")
tree.write(sys.argv[1], xml_declaration=True, encoding="UTF-8")
PY
cli topology import "$WORK/t.xmi" > /dev/null
mkdir -p "$WORK/src-1-content/bulk"
head -c $((MIB * 1024 * 1024)) /dev/urandom > "$WORK/src-1-content/bulk/payload.bin"
cli job create bulk --source src-1 --path bulk --target server:t-1:bulk --ops create,update --manual --recovery manual > /dev/null
until cli --json job plan bulk | python3 -c 'import json,sys; p=json.load(sys.stdin); sys.exit(0 if any(h["to"]=="t-1" for h in p["hops"]) else 1)'; do sleep 0.5; done
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   one hop src-1 -> t-1, whole file, compression 0, TLS, $MIB MiB"
for r in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/t-1-content/bulk"
  cli --json job run bulk | python3 -c '
import json, sys, datetime
r = json.load(sys.stdin)
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
sec = (t(r["ended"]) - t(r["started"])).total_seconds()
mib = r["bytesCreated"] / 1048576
print("run %s: %s, %.0f MiB content, %.0f MiB on the wire, %.2f s, %.1f MiB/s" % (r["id"], r["state"], mib, r["wireBytes"] / 1048576, sec, mib / sec))'
  cmp -s "$WORK/src-1-content/bulk/payload.bin" "$WORK/t-1-content/bulk/payload.bin" || { echo "the copy differs" >&2; exit 1; }
done
