#!/usr/bin/env bash
# run-bench.sh BUILD BENCH... - runs each benchmark script (listed by the
# rules.mk files in BENCHES). A benchmark runs plumb and, when installed, the
# matching qemu-system-* side by side in one run and prints a ratio line.
set -u
build=$1; shift
if [ $# -eq 0 ]; then
    echo "bench: no benchmarks are registered yet (see BENCHES in */rules.mk)"
    exit 0
fi
rc=0
for b in "$@"; do
    echo "== $(basename "$b")"
    PLUMB_BUILD=$(cd "$build" && pwd) "$b" || { echo "bench $(basename "$b") failed"; rc=1; }
done
exit $rc
