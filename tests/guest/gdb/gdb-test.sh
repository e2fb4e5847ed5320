#!/usr/bin/env bash
# gdb-test.sh - debug a bare-metal AArch64 program with Debian's
# gdb-multiarch through plumb's gdb stub, and print TAP.
#
#   gdb-test.sh IMAGE.elf [PLUMB_BINARY [EXTRA_PLUMB_ARGS...]]
#
# (e.g. "-accel tcg,backend=interp" to debug under the slow twins)
#
# plumb starts stopped (-S) with the stub on a free TCP port and -smp 2;
# gdb runs a batch script that breaks at symbols, steps, reads and writes
# registers and memory, hits a watchpoint, lists threads, uses the monitor
# and device-memory switch, and continues to the guest's exit. The script
# prints "@@ KEY VALUE" lines that this runner checks, one TAP test each.
# The guest checks that it saw gdb's writes; its exit status (the failure
# count) is a test too.
set -u
img=$1
here=$(cd "$(dirname "$0")" && pwd)
plumb=${2:-$here/../../../build/plumb-system-aarch64}
timeout_s=${GDB_TEST_TIMEOUT:-120}

if ! command -v gdb-multiarch > /dev/null 2>&1; then
    echo "1..0 # SKIP gdb-multiarch not installed (scripts/install-deps.sh)"
    exit 0
fi

tmp=$(mktemp -d)
plumb_pid=
cleanup() {
    [ -n "$plumb_pid" ] && kill "$plumb_pid" 2> /dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$plumb" -M virt -cpu max -m 128M -smp 2 -nographic -semihosting \
    -kernel "$img" -S -gdb "tcp:127.0.0.1:$port" "${@:3}" \
    > "$tmp/plumb.out" 2> "$tmp/plumb.err" < /dev/null &
plumb_pid=$!
# Wait for the stub to listen.
for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.1)" \
        2> /dev/null && break
    # (that probe connection makes the stub see a gdb come and go; harmless)
    sleep 0.05
done

cat > "$tmp/script.gdb" <<GDB
set pagination off
set confirm off
set width 0
set remotetimeout 30
set tcp connect-timeout 30
target remote 127.0.0.1:$port
printf "@@ start_pc %#lx\n", \$pc
printf "@@ start_sym %#lx\n", &_start
printf "@@ current_el %d\n", \$CurrentEL
# What a firmware developer does first: (re)load the image through X packets.
load
compare-sections
printf "@@ vbar_before %#lx\n", \$VBAR_EL1
# Software breakpoint at a function's first insn: arguments still in x0/x1.
break *add_values
continue
printf "@@ bp_pc %#lx\n", \$pc
printf "@@ bp_sym %#lx\n", &add_values
printf "@@ x0 %d\n", \$x0
printf "@@ x1 %d\n", \$x1
set \$x1 = 40
printf "@@ x1_written %d\n", \$x1
printf "@@ vbar_after %#lx\n", \$VBAR_EL1
printf "@@ vbar_sym %#lx\n", &vectors
set \$before = \$pc
stepi
printf "@@ stepi_delta %d\n", \$pc - \$before
step
python print("@@ step_line", gdb.selected_frame().find_sal().line)
python print("@@ step_func", gdb.selected_frame().name())
x/4xw &table
printf "@@ table %#x %#x %#x %#x\n", table[0], table[1], table[2], table[3]
info threads
python print("@@ threads", len(gdb.selected_inferior().threads()))
delete
watch watched
continue
printf "@@ watched %d\n", watched
python print("@@ watch_func", gdb.selected_frame().name())
delete
hbreak reached_end
continue
python print("@@ hbreak_func", gdb.selected_frame().name())
printf "@@ result %d\n", result
set var poked = 0x1234
printf "@@ poked %#lx\n", poked
python
def try_read(key):
    try:
        out = gdb.execute("x/1xw 0x09000018", to_string=True)
        print("@@", key, out.split()[-1])
    except gdb.MemoryError:
        print("@@", key, "refused")
try_read("mmio_default")
gdb.execute("monitor mmio on")
try_read("mmio_on")
gdb.execute("monitor mmio off")
try_read("mmio_off")
end
monitor info mtree
delete
break secondary_work
continue
python print("@@ smp_thread", gdb.selected_thread().num)
python print("@@ smp_func", gdb.selected_frame().name())
printf "@@ smp_ctx %#lx\n", \$x0
printf "@@ smp_mpidr %#lx\n", \$MPIDR_EL1
thread 1
printf "@@ cpu0_mpidr %#lx\n", \$MPIDR_EL1
delete
continue
echo @@ end\n
GDB

timeout -k 5 "$timeout_s" gdb-multiarch -q -nx -batch -x "$tmp/script.gdb" "$img" \
    > "$tmp/gdb.out" 2>&1
gdb_rc=$?
for _ in $(seq 100); do
    kill -0 "$plumb_pid" 2> /dev/null || break
    sleep 0.05
done
if kill -0 "$plumb_pid" 2> /dev/null; then
    kill "$plumb_pid"
    plumb_rc="still running"
else
    wait "$plumb_pid"
    plumb_rc=$?
fi
plumb_pid=

val() { grep -a "^@@ $1 " "$tmp/gdb.out" | head -1 | cut -d' ' -f3-; }

n=0
results=()
check() {   # check NAME GOT WANT
    if [ "$2" = "$3" ]; then
        results+=("ok - $1")
    else
        results+=("not ok - $1 # got '$2' want '$3'")
    fi
}
check_grep() {  # check_grep NAME PATTERN
    if grep -aqE -- "$2" "$tmp/gdb.out"; then
        results+=("ok - $1")
    else
        results+=("not ok - $1 # no '$2' in gdb's output")
    fi
}

check "-S: stopped at the ELF entry" "$(val start_pc)" "$(val start_sym)"
check "target.xml system registers: CurrentEL is EL1" "$(val current_el)" "4"
check_grep "load writes the image (X packets)" "^Transfer rate: "
check "compare-sections: every loaded section matches" \
    "$(grep -ac '^Section .*: matched\.' "$tmp/gdb.out")" \
    "$(grep -ac '^Loading section ' "$tmp/gdb.out")"
check "break at a symbol: stopped there" "$(val bp_pc)" "$(val bp_sym)"
check_grep "break at a symbol: gdb reports the hit" "hit Breakpoint 1, add_values"
check "read register x0" "$(val x0)" "2"
check "read register x1" "$(val x1)" "3"
check "write register x1" "$(val x1_written)" "40"
check "system register VBAR_EL1 follows the guest" "$(val vbar_after)" "$(val vbar_sym)"
check "stepi moves one insn" "$(val stepi_delta)" "4"
check "step reaches the body line" "$(val step_line)" "$(grep -n "return a + b;" "$here/gdb-target.c" | cut -d: -f1)"
check "step stays in add_values" "$(val step_func)" "add_values"
check "read memory (x/4xw)" "$(val table)" "0x11111111 0x22222222 0x33333333 0x44444444"
check_grep "x/4xw output" "<table>:[[:space:]]+0x11111111[[:space:]]+0x22222222[[:space:]]+0x33333333[[:space:]]+0x44444444"
check "info threads: one per vCPU (-smp 2)" "$(val threads)" "2"
check_grep "info threads names the vCPUs" "Thread 2 \(CPU#1"
check_grep "watchpoint hit reported" "Hardware watchpoint [0-9]+: watched"
check_grep "watchpoint old/new value" "New value = 7"
check "watchpoint stops in the writer" "$(val watch_func)" "bump_watched"
check "watchpoint: the write completed" "$(val watched)" "7"
check "hbreak (Z1) stops at its symbol" "$(val hbreak_func)" "reached_end"
check "the guest used gdb's x1 (40 + 2)" "$(val result)" "42"
check "write memory" "$(val poked)" "0x1234"
check "device memory refused by default" "$(val mmio_default)" "refused"
# PL011 UARTFR after reset: TX FIFO empty (bit 7), RX FIFO empty (bit 4).
check "monitor mmio on: PL011 UARTFR read as one 32-bit access" "$(val mmio_on)" "0x00000090"
check "monitor mmio off: refused again" "$(val mmio_off)" "refused"
check_grep "monitor command reaches HMP (info mtree)" "pl011"
check "a breakpoint hit on the second vCPU stops thread 2" "$(val smp_thread)" "2"
check "second vCPU stopped in secondary_work" "$(val smp_func)" "secondary_work"
check "second vCPU's registers (x0 = context id)" "$(val smp_ctx)" "0x5ec"
check "second vCPU's MPIDR_EL1 (Aff0 = 1)" "$(val smp_mpidr)" "0x80000001"
check "thread 1 is the first vCPU (MPIDR_EL1 Aff0 = 0)" "$(val cpu0_mpidr)" "0x80000000"
check_grep "continue to exit" "exited normally"
check "gdb finished its script" "$(grep -ac '^@@ end' "$tmp/gdb.out")" "1"
check "gdb exit status" "$gdb_rc" "0"
check "plumb exit status is the guest's (0 failures)" "$plumb_rc" "0"
guest_fail=$(grep -ac '^not ok' "$tmp/plumb.out")
guest_ok=$(grep -ac '^ok' "$tmp/plumb.out")
check "guest saw gdb's writes (4 checks ok)" "$guest_ok/$guest_fail" "4/0"
if grep -aqiE 'sanitizer|assert|segmentation' "$tmp/plumb.err"; then
    results+=("not ok - plumb stderr clean # $(head -3 "$tmp/plumb.err" | tr '\n' ' ')")
else
    results+=("ok - plumb stderr clean")
fi

echo "1..${#results[@]}"
for r in "${results[@]}"; do
    n=$((n + 1))
    case "$r" in
    "ok - "*) echo "ok $n - ${r#ok - }" ;;
    *) echo "not ok $n - ${r#not ok - }" ;;
    esac
done
if [ -n "${GDB_TEST_VERBOSE:-}" ] || grep -q '^not ok' <(printf '%s\n' "${results[@]}"); then
    sed 's/^/# gdb: /' "$tmp/gdb.out"
    sed 's/^/# plumb: /' "$tmp/plumb.out" "$tmp/plumb.err"
fi
