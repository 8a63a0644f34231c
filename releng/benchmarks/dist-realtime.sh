#!/usr/bin/env bash
# Real-time replication latency (issue #13): a real master and TARGETS+1 agents (the server product, each its own
# process, data dir and distribution root) in one group; a real-time job from src-1 to every target. SAMPLES
# times, a small file is written on the source and the script waits until it is on every target (atomically
# renamed there, so present means complete); prints p50 / p90 / max of "written -> on all targets" and of
# "written -> on the first target". Target of the issue: p50 <= 1 s with 16 targets.
#   usage: releng/benchmarks/dist-realtime.sh [TARGETS] [SAMPLES]     (build the server product first)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGETS=${1:-4}; SAMPLES=${2:-20}
source "$ROOT/releng/benchmarks/dist-lib.sh"
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
