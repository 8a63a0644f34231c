#!/usr/bin/env bash
# Delta benchmark (issue #13): bytes on the wire for org.syncline.core.delta (signature sent back + delta, plus a
# file list for a tree) against rsync doing the same edits through its daemon with --no-whole-file, so that it
# runs its delta algorithm (a local copy would not); rsync's figure is its --stats "Total bytes sent" +
# "Total bytes received". Cases: (a) one byte changed in a 100 MiB file, (b) 1% of a 100 MiB file rewritten in
# 256 scattered 4 KiB edits, (c) a tree of 10,000 files of 1-16 KiB with 1% of them edited (16 bytes each).
# Case (c) here models the engine's file list; delta-tree-engine.sh runs the same kind of tree through the real
# engine (a job between two agents, bytes from the run's own statistics) with rsync in the same run.
#   usage: releng/benchmarks/delta-bench.sh [a|b|c|all]
# Needs rsync (Debian package) and the core bundle built (./syncline _mvn -o package -pl bundles/org.syncline.core).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  [ -x "$j" ] && "$j" -XshowSettings:properties -version 2>&1 | grep -q 'java.specification.version = 2[1-9]' && { JAVA=$j; break; }
done
[ -n "$JAVA" ] || { echo "no Java >= 21" >&2; exit 1; }
command -v rsync >/dev/null || { echo "rsync is not installed (Debian package rsync)" >&2; exit 1; }
PLUGINS="$ROOT/server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64/plugins"
CORE=
for c in "$ROOT"/bundles/org.syncline.core/target/org.syncline.core-*[0-9T].jar "$PLUGINS"/org.syncline.core_*.jar; do
  [ -f "$c" ] && { CORE=$c; break; }
done
[ -n "$CORE" ] || { echo "no core bundle: ./syncline _mvn -o package -pl bundles/org.syncline.core" >&2; exit 1; }
CASES=${1:-all}
WORK=$(mktemp -d /tmp/delta-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$WORK/rsyncd.conf" <<CONF
use chroot = no
uid = $(id -u)
gid = $(id -g)
pid file = $WORK/rsyncd.pid
[bench]
path = $WORK/dst
read only = no
CONF
mkdir -p "$WORK/dst"
rsync --daemon --no-detach --config="$WORK/rsyncd.conf" --port="$PORT" --address=127.0.0.1 &
DAEMON=$!
trap 'kill $DAEMON 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 0.5
echo "cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   $(rsync --version | head -1)"

# edit.py MODE PATH: the same seeded edits for both tools
edit() {
  python3 - "$@" <<'PY'
import os, random, sys
mode, path = sys.argv[1], sys.argv[2]
r = random.Random(13)
def poke(f, at, data):
    t = os.path.getmtime(f) + 3600 # a later mtime in whole seconds, so both tools' quick check sees the edit
    with open(f, "r+b") as h:
        h.seek(at); h.write(data)
    os.utime(f, (t, t))
if mode == "one":
    size = os.path.getsize(path); poke(path, size // 2, bytes([(open(path, "rb").read(1)[0] ^ 0xff)]))
elif mode == "scattered":
    size = os.path.getsize(path)
    for _ in range(256):
        poke(path, r.randrange(size - 4096), r.randbytes(4096))
elif mode == "tree":
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs)
    for f in r.sample(files, len(files) // 100):
        poke(f, r.randrange(max(1, os.path.getsize(f) - 16)), r.randbytes(16))
elif mode == "make-tree":
    for i in range(10000):
        d = os.path.join(path, "d%02d" % (i % 100)); os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "f%05d.bin" % i), "wb") as h:
            h.write(r.randbytes(r.randint(1024, 16384)))
PY
}

rsync_bytes() { # SRC: rsync SRC into the module (which holds the basis), prints sent + received
  rsync -a --no-whole-file --stats "$1" "rsync://127.0.0.1:$PORT/bench/" \
    | awk -F': ' '/^Total bytes sent/ {gsub(",","",$2); s=$2} /^Total bytes received/ {gsub(",","",$2); r=$2} END {print s + r}'
}

run_case() { # NAME MODE: basis in $WORK/basis, edited copy in $WORK/new, module primed with the basis
  local name=$1 mode=$2 src
  rm -rf "$WORK/new" "$WORK/dst"; cp -a "$WORK/basis" "$WORK/new"; cp -a "$WORK/basis" "$WORK/dst"
  if [ "$mode" = tree ]; then edit tree "$WORK/new"; src="$WORK/new/"; else edit "$mode" "$WORK/new/big.bin"; src="$WORK/new/big.bin"; fi
  local ours theirs out
  if [ "$mode" = tree ]; then
    out=$("$JAVA" -cp "$CORE" "$ROOT/releng/benchmarks/DeltaBench.java" "$WORK/basis" "$WORK/new")
  else
    out=$("$JAVA" -cp "$CORE" "$ROOT/releng/benchmarks/DeltaBench.java" "$WORK/basis/big.bin" "$WORK/new/big.bin")
  fi
  echo "  $name: ${out%%$'\n'*}"
  ours=$(awk '/^TOTAL/ {print $2}' <<< "$out")
  theirs=$(rsync_bytes "$src")
  diff -rq "$WORK/new" "$WORK/dst" >/dev/null || { echo "rsync did not reproduce the new content" >&2; exit 1; }
  awk -v n="$name" -v o="$ours" -v t="$theirs" 'BEGIN {r = o / t; printf "  %-34s syncline %10d B   rsync %10d B   ratio %.3f   target <= 1.1 %s\n", n, o, t, r, (r <= 1.1 ? "met" : "MISSED")}'
}

mkdir -p "$WORK/basis"
if [ "$CASES" = all ] || [ "$CASES" = a ] || [ "$CASES" = b ]; then
  head -c $((100 << 20)) /dev/urandom > "$WORK/basis/big.bin"
  { [ "$CASES" = all ] || [ "$CASES" = a ]; } && run_case "(a) 1 byte in 100 MiB" one
  { [ "$CASES" = all ] || [ "$CASES" = b ]; } && run_case "(b) 1% scattered in 100 MiB" scattered
  rm -f "$WORK/basis/big.bin"
fi
if [ "$CASES" = all ] || [ "$CASES" = c ]; then
  edit make-tree "$WORK/basis"
  run_case "(c) 10,000 files, 1% edited" tree
fi
