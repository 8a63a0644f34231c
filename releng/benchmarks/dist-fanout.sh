#!/usr/bin/env bash
# Fan-out (issue #13: "one source to 16 targets with each link capped (e.g. 20 MB/s): the whole run in <= 1.5x the
# time one link needs for the same content; a star from the source would need 16x"). A real master and TARGETS+1
# agents (the server product, each its own process) in one group whose link policy is whole file, compression 0,
# capped at CAP bytes/s per link. Two manual jobs over the same file of MIB MiB of random bytes: `one` to t-1 only
# (one link's time) and `all` to every target (the group); ROUNDS alternated runs of each, the targets' copies
# removed between runs. Prints each run's time as the master logged it, the ratio all / one, and the floor the
# shared disk sets (every target fsyncs its copy; all of them are on this machine's one disk). After each run: the CPU
# the master, the source and the targets' JVMs spent in it (from /proc), and the targets' busiest threads by name.
#   usage: releng/benchmarks/dist-fanout.sh [TARGETS] [MIB] [CAP] [ROUNDS]     (build the server product first)
#   env:   AGENTS_PER_JVM=N: the targets run N to a JVM (ServersInOneJvm.java; each still its own server instance with
#          its own data dir, port, TLS identity, enrollment and link caps; issue #13 allows fewer JVMs than agents);
#          the source keeps its own JVM. Default 1: every agent its own `syncline server` process.
#          SYNCLINE_PRODUCT=DIR: another copy of the server product.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGETS=${1:-16}; MIB=${2:-64}; CAP=${3:-20000000}; ROUNDS=${4:-2}
SAME_GROUP_POLICY="transferMode=WHOLE_FILE compression=0 bandwidthLimit=$CAP"
source "$ROOT/releng/benchmarks/dist-lib.sh"
mkdir -p "$WORK/src-1-content/bulk"
head -c $((MIB * 1024 * 1024)) /dev/urandom > "$WORK/src-1-content/bulk/payload.bin"
cli job create one --source src-1 --path bulk --target server:t-1:bulk --ops create,update --manual --recovery manual > /dev/null
cli job create all --source src-1 --path bulk --target group:eu/web:bulk --ops create,update --manual --recovery manual > /dev/null
until cli --json job plan all | python3 -c 'import json,sys; p=json.load(sys.stdin); sys.exit(0 if len({h["to"] for h in p["hops"]}) >= int(sys.argv[1]) else 1)' "$TARGETS"; do sleep 0.5; done
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   $TARGETS targets, $MIB MiB, links capped at $CAP B/s, whole file, compression 0"
cli job plan all
cpu_snapshot() { # FILE: every thread's CPU ticks of the master (pid 1 of PIDS), src-1 (2) and the targets' JVMs (the rest)
  python3 - "$1" "${PIDS[@]}" <<'PY'
import json, os, re, sys
snap = {}
for i, pid in enumerate(sys.argv[2:]):
    role = "master" if i == 0 else "source" if i == 1 else "targets"
    for tid in os.listdir("/proc/%s/task" % pid) if os.path.isdir("/proc/%s/task" % pid) else []:
        try:
            stat = open("/proc/%s/task/%s/stat" % (pid, tid)).read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        f = stat[stat.rindex(")") + 2:].split()
        snap["%s/%s/%s" % (role, tid, re.sub(r"[-#]?[0-9]+$", "", name))] = int(f[11]) + int(f[12])
json.dump(snap, open(sys.argv[1], "w"))
PY
}
cpu_report() { # BEFORE AFTER: CPU seconds per role between the snapshots, the targets' top threads by name
  python3 - "$1" "$2" "$(getconf CLK_TCK)" <<'PY'
import json, sys, collections
a, b, hz = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), float(sys.argv[3])
roles, names = collections.Counter(), collections.Counter()
for k, v in b.items():
    d = (v - a.get(k, 0)) / hz
    role, _, name = k.split("/", 2)
    roles[role] += d
    if role == "targets":
        names[name] += d
print("  CPU: master %.2f s, source %.2f s, targets %.2f s; targets' busiest: %s" % (roles["master"], roles["source"], roles["targets"],
      ", ".join("%s %.2f" % (n, s) for n, s in names.most_common(6))))
PY
}
run() { # JOB: runs it, prints its line and the CPU spent in it, leaves its seconds in $WORK/JOB.secs
  cpu_snapshot "$WORK/cpu-before.json"
  run_job "$1"
  cpu_snapshot "$WORK/cpu-after.json"
  cpu_report "$WORK/cpu-before.json" "$WORK/cpu-after.json"
}
run_job() {
  cli --json job run "$1" | python3 -c '
import json, sys, datetime
r = json.load(sys.stdin)
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
sec = (t(r["ended"]) - t(r["started"])).total_seconds()
print("%s run %s: %s, %.0f MiB content, %.2f s" % (sys.argv[1], r["id"], r["state"], r["bytesCreated"] / 1048576, sec))
open(sys.argv[2], "a").write("%f\n" % sec)' "$1" "$WORK/$1.secs"
}
for r in $(seq 1 "$ROUNDS"); do
  for job in one all; do
    for i in $(seq 1 "$TARGETS"); do rm -rf "$WORK/t-$i-content/bulk"; done
    run "$job"
  done
  for i in $(seq 1 "$TARGETS"); do
    cmp -s "$WORK/src-1-content/bulk/payload.bin" "$WORK/t-$i-content/bulk/payload.bin" || { echo "t-$i's copy differs or is missing" >&2; exit 1; }
  done
done
# Every target fsyncs its copy before the rename (atomic writes), and here all of them share one disk: TARGETS x MIB
# MiB must reach it. The disk's fsync'd write rate, measured after the runs where the copies land, gives that floor.
DISK_MB=$(dd if=/dev/zero of="$WORK/disk-probe" bs=1M count=256 conv=fsync 2>&1 | python3 -c '
import re, sys
t = sys.stdin.read(); m = re.search(r"copied, ([0-9.]+) s", t)
print("%.0f" % (256 * 1048576 / float(m.group(1)) / 1e6))')
rm -f "$WORK/disk-probe"
python3 - "$WORK/one.secs" "$WORK/all.secs" "$DISK_MB" "$TARGETS" "$MIB" <<'PY'
import sys, statistics
one = statistics.median(float(x) for x in open(sys.argv[1]))
all_ = statistics.median(float(x) for x in open(sys.argv[2]))
disk, targets, mib = float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print("median: one link %.2f s, all targets %.2f s, ratio %.2f (target <= 1.5)" % (one, all_, all_ / one))
floor = targets * mib * 1048576 / (disk * 1e6)
print("disk: %.0f MB/s fsync'd (dd, 256 MiB, after the runs); %d fsync'd copies of %d MiB on it need >= %.2f s, ratio >= %.2f"
      % (disk, targets, mib, floor, floor / one))
PY
