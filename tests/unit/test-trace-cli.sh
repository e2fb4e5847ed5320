#!/usr/bin/env bash
# test-trace-cli.sh - -trace on the real command line: "-trace help",
# memory_region_ops_* lines for qtest accesses to an mmio-testdev (one line
# per access, with the width and value the script used), events files,
# file=, several -trace options together, and one clear error for each bad
# -trace argument.
#
# Prints TAP. Finds the build directory from $PLUMB_BUILD, else ./build.
set -u

B=${PLUMB_BUILD:-./build}
A64=$B/plumb-system-aarch64
P=plumb-system-aarch64
DEV=0x10000000
n=0
tmp=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1)); echo "not ok $n - $1"; shift
    for l in "$@"; do printf '#   %s\n' "$l"; done
    printf '#   stdout: %s\n' "$(head -c 800 "$tmp/out" | tr '\n' '|')"
    printf '#   stderr: %s\n' "$(head -c 800 "$tmp/err" | tr '\n' '|')"
}
check() {       # check NAME CONDITION-STATUS [detail...]
    local name=$1 st=$2; shift 2
    if [ "$st" = 0 ]; then ok "$name"; else not_ok "$name" "$@"; fi
}

# run ARGS...: plain run, stdin empty; status in $rc
run() {
    timeout -k 1 10 "$A64" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
    rc=$?
}

# run_qtest SCRIPT ARGS...: run the qtest SCRIPT over -qtest stdio with an
# mmio-testdev at $DEV, wait for one reply per command, then SIGTERM.
run_qtest() {
    local script=$1; shift
    local want; want=$(grep -c . "$script")
    : > "$tmp/out"; : > "$tmp/err"
    "$A64" -M none -accel qtest -qtest stdio -qtest-log none \
        -device mmio-testdev,addr=$DEV "$@" \
        < "$script" > "$tmp/out" 2> "$tmp/err" &
    pid=$!
    for _ in $(seq 100); do
        [ "$(grep -c '^OK' "$tmp/out")" -ge "$want" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
    replies=$(grep -c '^OK' "$tmp/out")
}

# mem_lines FILE: the memory_region_ops_* lines of FILE, mr pointer masked
mem_lines() {
    grep '^memory_region_ops_' "$1" | sed -E 's/ mr 0x[0-9a-f]+ / mr PTR /'
}

cat > "$tmp/widths.qtest" <<EOF
writeb $(printf 0x%x $((DEV + 1))) 0x5a
readb $(printf 0x%x $((DEV + 1)))
writew $(printf 0x%x $((DEV + 2))) 0xbeef
readw $(printf 0x%x $((DEV + 2)))
writel $(printf 0x%x $((DEV + 4))) 0x12345678
readl $(printf 0x%x $((DEV + 4)))
writeq $(printf 0x%x $((DEV + 8))) 0x1122334455667788
readq $(printf 0x%x $((DEV + 8)))
EOF

cat > "$tmp/widths.want" <<EOF
memory_region_ops_write cpu -1 mr PTR addr 0x10000001 value 0x5a size 1 name 'mmio-testdev'
memory_region_ops_read cpu -1 mr PTR addr 0x10000001 value 0x5a size 1 name 'mmio-testdev'
memory_region_ops_write cpu -1 mr PTR addr 0x10000002 value 0xbeef size 2 name 'mmio-testdev'
memory_region_ops_read cpu -1 mr PTR addr 0x10000002 value 0xbeef size 2 name 'mmio-testdev'
memory_region_ops_write cpu -1 mr PTR addr 0x10000004 value 0x12345678 size 4 name 'mmio-testdev'
memory_region_ops_read cpu -1 mr PTR addr 0x10000004 value 0x12345678 size 4 name 'mmio-testdev'
memory_region_ops_write cpu -1 mr PTR addr 0x10000008 value 0x1122334455667788 size 8 name 'mmio-testdev'
memory_region_ops_read cpu -1 mr PTR addr 0x10000008 value 0x1122334455667788 size 8 name 'mmio-testdev'
EOF

# 1: each qtest access is one traced access of its width and value
run_qtest "$tmp/widths.qtest" -trace 'memory_region_ops_*'
mem_lines "$tmp/err" > "$tmp/got"
diff -u "$tmp/widths.want" "$tmp/got" > "$tmp/diff"
check "memory_region_ops_*: one line per qtest access, exact size and value" \
    $? "replies $replies of 8" "$(tr '\n' '|' < "$tmp/diff")"

# 2: the qtest replies still read back what was written (tracing is passive)
grep '^OK 0x' "$tmp/out" | tr '\n' ' ' > "$tmp/vals"
[ "$(cat "$tmp/vals")" = "OK 0x000000000000005a OK 0x000000000000beef OK 0x0000000012345678 OK 0x1122334455667788 " ]
check "traced accesses return the written values" $? "$(cat "$tmp/vals")"

# 3: the mr field is the same region pointer on every line
grep '^memory_region_ops_' "$tmp/err" | sed -E 's/.* mr (0x[0-9a-f]+) .*/\1/' \
    | sort -u | wc -l > "$tmp/nptr"
[ "$(cat "$tmp/nptr")" = 1 ]
check "mr is one region pointer for one device" $? "distinct: $(cat "$tmp/nptr")"

# 4: no trace without -trace
run_qtest "$tmp/widths.qtest"
[ "$replies" = 8 ] && ! grep -q '^memory_region_ops_' "$tmp/err"
check "no -trace: no trace lines" $? "replies $replies"

# 5: events file: comments, blanks, '-' disables; only writes remain
printf '# writes only\nmemory_region_ops_*\n\n  -memory_region_ops_read\n' \
    > "$tmp/events"
run_qtest "$tmp/widths.qtest" -trace "events=$tmp/events"
grep write "$tmp/widths.want" > "$tmp/writes.want"
mem_lines "$tmp/err" > "$tmp/got"
diff -u "$tmp/writes.want" "$tmp/got" > "$tmp/diff"
check "events=FILE: '-' line turns reads off, comments ignored" $? \
    "$(tr '\n' '|' < "$tmp/diff")"

# 6: several -trace options add up, later ones win
run_qtest "$tmp/widths.qtest" -trace 'memory_region_ops_*' \
    -trace enable=-memory_region_ops_write -trace pci_cfg_read
grep read "$tmp/widths.want" > "$tmp/reads.want"
mem_lines "$tmp/err" > "$tmp/got"
diff -u "$tmp/reads.want" "$tmp/got" > "$tmp/diff"
check "several -trace options: later pattern wins" $? \
    "$(tr '\n' '|' < "$tmp/diff")"

# 7: file=FILE takes the lines; stderr has none
run_qtest "$tmp/widths.qtest" -trace "enable=memory_region_ops_*,file=$tmp/trace.log"
mem_lines "$tmp/trace.log" > "$tmp/got" 2>/dev/null
diff -u "$tmp/widths.want" "$tmp/got" > "$tmp/diff" && \
    ! grep -q '^memory_region_ops_' "$tmp/err"
check "file=FILE: trace lines go to the file, not stderr" $? \
    "$(tr '\n' '|' < "$tmp/diff")"

# 8: a name that is no event: QEMU's warning, and the run goes on
run_qtest "$tmp/widths.qtest" -trace no_such_event
[ "$replies" = 8 ] &&
    grep -qx "$P: warning: trace event 'no_such_event' does not exist" "$tmp/err"
check "unknown event name: one warning, run continues" $? "replies $replies"

# 9, 10: -trace help lists every event on stdout and exits 0
for arg in help enable=help; do
    run -trace "$arg"
    st=1
    if [ "$rc" = 0 ] && [ ! -s "$tmp/err" ] &&
       ! grep -qvE '^[a-z0-9_]+$' "$tmp/out"; then
        st=0
        for ev in memory_region_ops_read memory_region_ops_write pci_cfg_read \
                  pci_cfg_write pci_update_mappings_add msix_notify \
                  virtio_queue_notify tlb_flush exec_tb; do
            grep -qx "$ev" "$tmp/out" || st=1
        done
    fi
    check "-trace $arg: event names one a line, status 0" $st "status $rc"
done

# 11..15: bad arguments: status 1, exactly one clear stderr line, no stdout
expect_err() {
    local name=$1 want=$2; shift 2
    run -M none "$@"
    local lines; lines=$(wc -l < "$tmp/err")
    if [ "$rc" = 1 ] && [ "$lines" = 1 ] && [ ! -s "$tmp/out" ] &&
       grep -qF -- "$want" "$tmp/err"; then
        ok "$name"
    else
        not_ok "$name" "expected status 1 and one line with '$want'" \
            "got status $rc, $lines lines"
    fi
}
expect_err "-trace bogus=1" \
    "$P: -trace: unknown property 'bogus'" -trace bogus=1
expect_err "-trace events=missing" \
    "$P: -trace events=$tmp/none: cannot open the file: No such file or directory" \
    -trace "events=$tmp/none"
expect_err "-trace events=DIRECTORY" \
    "$P: -trace events=$tmp: cannot read the file: Is a directory" \
    -trace "events=$tmp"
expect_err "-trace file=unwritable" \
    "$P: -trace file=$tmp/no/dir/x: cannot open log file" \
    -trace "file=$tmp/no/dir/x"
expect_err "-trace enable= (empty)" \
    "$P: -trace enable=: empty event pattern" -trace enable=

echo "1..$n"
