#!/usr/bin/env bash
# One hop with compression 0 (issue #13: "measure what TLS costs on a link"): a real master and two agents (the
# server product, each its own process) in one group whose link policy is whole file, compression 0; a manual job
# copies one file of MIB MiB of random bytes from src-1 to t-1 over the hop's TLS link, ROUNDS times (the target's
# copy is removed between rounds). Prints each run's time and MiB/s as the master logged it; compare with
# tls-cost.sh (the bare TLS copy) to see what the hop adds on top of TLS.
#   usage: releng/benchmarks/dist-hop-cost.sh [MIB] [ROUNDS]     (build the server product first)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MIB=${1:-256}; ROUNDS=${2:-3}; TARGETS=1
SAME_GROUP_POLICY="transferMode=WHOLE_FILE compression=0"
source "$ROOT/releng/benchmarks/dist-lib.sh"
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
