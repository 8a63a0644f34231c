#!/usr/bin/env bash
# Real-time replication latency (issue #13): a real master and TARGETS+1 agents (the server product, each its own
# process, data dir and distribution root) in one group; a real-time job from src-1 to every target. SAMPLES
# times, a small file is written on the source and the script waits until it is on every target (atomically
# renamed there, so present means complete); prints p50 / p90 / max of "written -> on all targets" and of
# "written -> on the first target". Target of the issue: p50 <= 1 s with 16 targets.
#   usage: releng/benchmarks/dist-realtime.sh [TARGETS] [SAMPLES]     (build the server product first)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRODUCT="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64"
TARGETS=${1:-4}; SAMPLES=${2:-20}
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
tree.write(sys.argv[1], xml_declaration=True, encoding="UTF-8")
PY
cli topology import "$WORK/t.xmi" > /dev/null
mkdir -p "$WORK/src-1-content/live"
cli job create live --source src-1 --path live --target group:eu/web:live --realtime --recovery manual > /dev/null
sleep 5 # the source agent asks which paths to watch every sample interval; the first watch sends one run of the folder
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   master $MASTER, $TARGETS targets, $SAMPLES samples"
python3 - "$WORK" "$TARGETS" "$SAMPLES" <<'PY'
import os, sys, time
work, targets, samples = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
alls, firsts = [], []
for i in range(samples):
    name = "f-%03d.txt" % i
    body = ("sample %d written at %f\n" % (i, time.time())).encode()
    tmp = os.path.join(work, "src-1-content", "live", "." + name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(body)
    t0 = time.monotonic()
    os.replace(tmp, os.path.join(work, "src-1-content", "live", name))
    waiting = {"t-%d" % n for n in range(1, targets + 1)}
    first = None
    while waiting:
        if time.monotonic() - t0 > 60:
            sys.exit("sample %d: not on %s after 60 s" % (i, sorted(waiting)))
        for t in list(waiting):
            p = os.path.join(work, t + "-content", "live", name)
            if os.path.exists(p) and os.path.getsize(p) == len(body):
                waiting.discard(t)
                first = first if first is not None else time.monotonic() - t0
        time.sleep(0.002)
    alls.append(time.monotonic() - t0); firsts.append(first)
    time.sleep(0.5)
def pct(v, q):
    v = sorted(v); return v[min(len(v) - 1, int(q * len(v)))]
for label, v in [("on all targets", alls), ("on the first target", firsts)]:
    print("written -> %-20s p50 %4.0f ms   p90 %4.0f ms   max %4.0f ms" % (label, 1000 * pct(v, .5), 1000 * pct(v, .9), 1000 * max(v)))
PY
