#!/usr/bin/env bash
# Sync folders benchmarks against rsync and Syncthing, measured in the same run (issue #10).
#   usage: releng/benchmarks/sync-bench.sh [delta|initial|propagation|idle|large|all] [--files N] [--changes N] [--profile]
#          [--idle-files N] [--idle-seconds S] [--folder-files N] [--syncthing-default-changes N] [--large-gib N] [--product DIR]
# Build the server product first (./syncline build); needs the Debian packages rsync and syncthing.
set -euo pipefail
exec python3 "$(dirname "$0")/sync_bench.py" "$@"
