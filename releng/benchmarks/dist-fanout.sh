#!/usr/bin/env bash
# Fan-out (issue #13: "one source to 16 targets with each link capped (e.g. 20 MB/s): the whole run in <= 1.5x the
# time one link needs for the same content; a star from the source would need 16x"). A real master and TARGETS+1
# agents (the server product, each its own process) in one group whose link policy is whole file, compression 0,
# capped at CAP bytes/s per link. Two manual jobs over the same file of MIB MiB of random bytes: `one` to t-1 only
# (one link's time) and `all` to every target (the group); ROUNDS alternated runs of each, the targets' copies
# removed between runs. Prints each run's time as the master logged it, the ratio all / one, and the floor the
# shared disk sets (every target fsyncs its copy; all of them are on this machine's one disk).
#   usage: releng/benchmarks/dist-fanout.sh [TARGETS] [MIB] [CAP] [ROUNDS]     (build the server product first)
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
run() { # JOB: runs it, prints its line, leaves its seconds in $WORK/JOB.secs
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
