#!/usr/bin/env bash
# test-cli.sh - the command line of build/plumb-system-*: help outputs in the
# formats tools grep for (kvm-unit-tests' run scripts), option errors with
# exact messages and exit status 1, the order of checks (every option error
# before the kernel file error), and dying cleanly on SIGTERM/SIGINT.
#
# Prints TAP. Finds the build directory from $PLUMB_BUILD, else ./build.
set -u

B=${PLUMB_BUILD:-./build}
A64=$B/plumb-system-aarch64
P=plumb-system-aarch64
NOFILE=_NO_FILE_4Uhere_
n=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1)); echo "not ok $n - $1"; shift
    for l in "$@"; do printf '#   %s\n' "$l"; done
    printf '#   stdout: %s\n' "$(head -c 600 "$tmp/out" | tr '\n' '|')"
    printf '#   stderr: %s\n' "$(head -c 600 "$tmp/err" | tr '\n' '|')"
}

# run BIN ARGS...: leaves stdout/stderr in $tmp/out, $tmp/err and status in $rc
run() {
    timeout -k 1 10 "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
    rc=$?
}

# expect_err NAME "exact last stderr line" ARGS...: exit 1 with that line
expect_err() {
    local name=$1 want=$2; shift 2
    run "$A64" "$@"
    local got; got=$(tail -n 1 "$tmp/err")
    if [ "$rc" = 1 ] && [ "$got" = "$want" ] && [ ! -s "$tmp/out" ]; then
        ok "$name"
    else
        not_ok "$name" "expected status 1 and stderr '$want'" "got status $rc, '$got'"
    fi
}

# expect_err_re NAME REGEX ARGS...: exit 1, last stderr line matches REGEX
expect_err_re() {
    local name=$1 re=$2; shift 2
    run "$A64" "$@"
    local got; got=$(tail -n 1 "$tmp/err")
    if [ "$rc" = 1 ] && [[ "$got" =~ $re ]]; then
        ok "$name"
    else
        not_ok "$name" "expected status 1 and stderr matching /$re/" "got status $rc, '$got'"
    fi
}

# expect_out NAME REGEX BIN ARGS...: exit 0, a stdout line matches REGEX, empty stderr
expect_out() {
    local name=$1 re=$2; shift 2
    run "$@"
    if [ "$rc" = 0 ] && grep -Eq -- "$re" "$tmp/out" && [ ! -s "$tmp/err" ]; then
        ok "$name"
    else
        not_ok "$name" "expected status 0, stdout matching /$re/, no stderr" "got status $rc"
    fi
}

# The message kvm-unit-tests' probe wants for a missing kernel.
KERNEL_MSG="$P: could not load kernel '$NOFILE': No such file or directory"
# expect_kernel_error NAME ARGS...: every option was fine, only the kernel is missing
expect_kernel_error() {
    local name=$1; shift
    run "$A64" "$@" -kernel "$NOFILE"
    local got; got=$(tail -n 1 "$tmp/err")
    if [ "$rc" = 1 ] && [ "$got" = "$KERNEL_MSG" ] &&
       grep -Eq "[Cc]ould not (load|open) kernel" "$tmp/err" &&
       ! grep -v -i warning "$tmp/err" | grep -vqF "$KERNEL_MSG"; then
        ok "$name"
    else
        not_ok "$name" "expected only the missing-kernel error" "got status $rc, '$got'"
    fi
}

if [ ! -x "$A64" ]; then
    echo "1..0 # SKIP $A64 is not built"
    exit 0
fi

# ---- version and help ----
VERSION_RE='^QEMU emulator version [0-9]+\.[0-9]+\.[0-9]+ \(plumb [0-9]+\.[0-9]+\.[0-9]+\)$'
run "$A64" -version
if [ "$rc" = 0 ] && head -n 1 "$tmp/out" | grep -Eq "$VERSION_RE"; then
    ok "-version first line is 'QEMU emulator version X.Y.Z (plumb V)'"
else
    not_ok "-version first line" "want /$VERSION_RE/"
fi
for h in -h -help --help; do
    run "$A64" $h
    first=$(head -n 1 "$tmp/out")
    if [ "$rc" = 0 ] && [[ "$first" =~ $VERSION_RE ]] && grep -q QEMU "$tmp/out" &&
       grep -q -- '-machine' "$tmp/out"; then
        ok "$h: exit 0, version first line, lists options"
    else
        not_ok "$h" "got first line '$first'"
    fi
done
# kvm-unit-tests parses QEMU_MAJOR/MINOR/MICRO as words 4-6 of "-h | head -1" split on ' ' and '.'
run "$A64" -h
read -r -a words <<< "$(head -n 1 "$tmp/out" | tr '.' ' ')"
if [[ "${words[3]:-}" =~ ^[0-9]+$ && "${words[4]:-}" =~ ^[0-9]+$ && "${words[5]:-}" =~ ^[0-9]+$ ]]; then
    ok "-h first line splits into numeric QEMU_MAJOR/MINOR/MICRO (${words[3]}.${words[4]}.${words[5]})"
else
    not_ok "-h version words" "got '${words[*]}'"
fi

# ---- machine lists ----
expect_out "-machine '?' lists 'none' padded to 20 columns" \
    '^none                 empty machine$' "$A64" -machine '?'
expect_out "-M help has the 'Supported machines are:' header" \
    '^Supported machines are:$' "$A64" -M help
run "$A64" -machine help
if [ "$rc" = 0 ] && tail -n +2 "$tmp/out" | grep -Evq '^[A-Za-z0-9._-]+ +[^ ]' ; then
    not_ok "every -machine help line is 'name desc'"
else
    [ "$rc" = 0 ] && ok "every -machine help line is 'name desc'" || not_ok "-machine help status"
fi
expect_out "--machine help (double dash) works" '^none ' "$A64" --machine help
expect_out "-machine none,help lists the machine's properties" \
    '^  dumpdtb=<string> ' "$A64" -machine none,help
expect_out "-machine none -machine help still lists the boards" \
    '^Supported machines are:$' "$A64" -machine none -machine help
expect_out "-machine none,? lists properties too" '^none-machine options:$' "$A64" -machine 'none,?'
expect_out "plumb-system-x86_64 -M help lists 'none'" '^none ' "$B/plumb-system-x86_64" -M help
expect_out "plumb-system-ppc64 -M help lists 'none'" '^none ' "$B/plumb-system-ppc64" -M help
expect_out "plain plumb -target x86_64 -M help" '^none ' "$B/plumb" -target x86_64 -M help

# ---- other help lists ----
expect_out "-cpu help starts with 'Available CPUs:'" '^Available CPUs:$' "$A64" -cpu help
expect_out "-cpu '?' is the same list" '^Available CPUs:$' "$A64" -cpu '?'
expect_out "-cpu help lists cortex-a72" '^  cortex-a72 ' "$A64" -cpu help
run "$A64" -device help
[ "$rc" = 0 ] && [ ! -s "$tmp/err" ] && ok "-device help exits 0" || not_ok "-device help exits 0"
run "$A64" -device '?'
[ "$rc" = 0 ] && [ ! -s "$tmp/err" ] && ok "-device '?' exits 0" || not_ok "-device '?' exits 0"
run "$A64" -chardev help
[ "$rc" = 0 ] && ok "-chardev help exits 0" || not_ok "-chardev help exits 0"
expect_out "-accel help lists tcg" '^tcg ' "$A64" -accel help
expect_out "-accel help lists qtest" '^qtest ' "$A64" -accel help
expect_out "-d help lists guest_errors" '^guest_errors ' "$A64" -d help
expect_out "-display help lists none" '^none$' "$A64" -display help
expect_err "-device NOPE,help names the unknown device" \
    "$P: 'nope-dev' is not a valid device model name" -device nope-dev,help

# ---- the probes kvm-unit-tests' run scripts make (reference: harness §2) ----
# These name boards and devices other parts of plumb provide; until they
# exist the case is reported as a SKIP saying what the harness would do.
probe() {
    local name=$1 want=$2 missing=$3; shift 3
    run "$@"
    if [ "$rc" = 0 ] && grep -qF -- "$want" "$tmp/out"; then
        ok "$name"
    elif [ "$rc" = 0 ]; then
        ok "$name # SKIP '$want' not listed yet: $missing"
    else
        not_ok "$name" "status $rc"
    fi
}
# Probes whose answer exists now: a missing name is a failure, not a SKIP.
probe_must() {
    local name=$1 want=$2; shift 2
    run "$@"
    if [ "$rc" = 0 ] && grep -qF -- "$want" "$tmp/out"; then
        ok "$name"
    else
        not_ok "$name" "status $rc, '$want' not listed"
    fi
}
probe "arm: -machine '?' lists 'ARM Virtual Machine'" "ARM Virtual Machine" \
    "the arm run script exits 2" "$A64" -machine '?'
probe_must "arm: -machine virt -device '?' lists virtconsole" "virtconsole" \
    "$A64" -machine virt -device '?'
probe "arm: -machine virt -chardev '?' lists testdev" "testdev" \
    "the arm run script exits 2" "$A64" -machine virt -chardev '?'
probe "arm: -machine virt -device '?' lists pci-testdev" "pci-testdev" \
    "-device pci-testdev is left off" "$A64" -machine virt -device '?'
probe_must "arm: -machine virt,? lists gic-version" "gic-version" \
    "$A64" -machine 'virt,?'
probe "ppc: -machine '?' lists pseries" "pseries" \
    "the ppc run script exits 2" "$B/plumb-system-ppc64" -machine '?'
probe "x86: -device '?' lists \"pc-testdev\"" '"pc-testdev"' \
    "the x86 run script exits 2" "$B/plumb-system-x86_64" -device '?'
probe "x86: -device '?' lists pci-testdev" "pci-testdev" \
    "-device pci-testdev is left off" "$B/plumb-system-x86_64" -device '?'

# ---- malformed command lines ----
expect_err "unknown option" "$P: -frobnicate: invalid option" -frobnicate
expect_err "unknown option with two dashes" "$P: -frobnicate: invalid option" --frobnicate
expect_err "missing argument" "$P: -m: requires an argument" -m
expect_err "stray argument" \
    "$P: disk.img: unexpected argument (disk images are not supported; try -help)" disk.img
expect_err "-m abc" "$P: -m: invalid size 'abc'" -m abc
expect_err "-m 12x" "$P: -m: invalid size '12x'" -m 12x
expect_err "-m 16E overflows" "$P: -m: invalid size '16E': too large (more than 64 bits)" -m 16E
expect_err "-m 0" "$P: -m: invalid size '0' (must not be zero)" -m 0
expect_err "-m with an unknown key" "$P: -m: unknown property 'foo'" -m size=256M,foo=1
expect_err "unknown machine" \
    "$P: -machine nosuch: unsupported machine type (use -machine help to list supported machines)" \
    -M nosuch
expect_err "unknown machine property" \
    "$P: Property 'none-machine.foo' not found (try -machine none,help)" -M none,foo=1
expect_err "repeated -machine merge: the second one's property is checked" \
    "$P: Property 'none-machine.bar' not found (try -machine none,help)" -M none -machine bar=1
expect_err "bad boolean machine property" \
    "$P: Property 'none-machine.graphics' doesn't take value 'maybe' (expects on/off)" \
    -M none,graphics=maybe
expect_err "unknown device" "$P: -device nosuch: 'nosuch' is not a valid device model name" \
    -M none -device nosuch
expect_err "-device as JSON (QEMU 7.2 syntax) is checked the same way" \
    "$P: -device {\"driver\":\"nosuch\",\"id\":\"x\"}: 'nosuch' is not a valid device model name" -M none -device '{"driver":"nosuch","id":"x"}'
expect_err_re "-device with malformed JSON" "^$P: -device \\{bad: invalid JSON: " -device '{bad'
expect_err "-device without a driver" "$P: -device id=x: Parameter 'driver' is missing" -device id=x
expect_err_re "-accel foo names the choices" \
    "^$P: -accel foo: unknown accelerator \\((.*, )?qtest, (.*, )?tcg\\)$" -M none -accel foo
expect_err "-accel foo mentions the registered ones exactly once" \
    "$P: -accel foo: unknown accelerator ($("$B/plumb" -accel help | tail -n +2 | awk '{print $1}' | sort | paste -sd, | sed 's/,/, /g'))" \
    -M none -accel foo
expect_err_re "-accel kvm on an aarch64 guest is refused with the reason" \
    "^$P: -accel kvm: KVM is not available: " -M none -accel kvm
expect_err_re "-enable-kvm is -accel kvm" "^$P: -accel kvm: KVM is not available: " -M none -enable-kvm
expect_err "-machine accel=nosuch" "$P: -accel nosuch: unknown accelerator ($("$B/plumb" -accel help | tail -n +2 | awk '{print $1}' | sort | paste -sd, | sed 's/,/, /g'))" \
    -M none,accel=nosuch
expect_err "-accel and -machine accel= conflict" \
    "$P: The -accel and \"-machine accel=\" options are incompatible" -M none,accel=tcg -accel tcg
expect_err "unknown -cpu model" "$P: unable to find CPU model 'nosuch'" -M none -cpu nosuch
expect_err "-smp 0" \
    "$P: -smp 0: Invalid CPU topology: CPU topology parameters must be greater than zero" -M none -smp 0
expect_err "-smp above the machine's maximum" \
    "$P: Invalid SMP CPUs 2. The max CPUs supported by machine 'none' is 1" -M none -smp 2
expect_err_re "-smp topology that does not multiply out" \
    "^$P: -smp 4,threads=3: Invalid CPU topology: product of the hierarchy" -M none -smp 4,threads=3
expect_err "-smp unknown key" "$P: -smp: unknown property 'foo'" -M none -smp 1,foo=2
expect_err "-d unknown item" "$P: -d: unknown log item 'nosuch' (try -d help)" -d nosuch
expect_err_re "-D into a missing directory" "^$P: -D: cannot open log file '/nonexistent/x/log': " \
    -D /nonexistent/x/log
expect_err "-display gtk" "$P: -display gtk: plumb has no graphical display (only -display none)" -display gtk
expect_err "-vga std" "$P: -vga std: plumb has no graphics cards (only -vga none)" -vga std
expect_err "-global without a property" "$P: -global nodot: expected DRIVER.PROPERTY=VALUE" -global nodot
expect_err "-chardev without id" "$P: -chardev null: Parameter 'id' is missing" -chardev null
expect_err "-mon without chardev" "$P: -mon mode=control: Parameter 'chardev' is missing" -mon mode=control
expect_err "-netdev back end we lack" \
    "$P: -netdev tap,id=n0: network back end 'tap' is not supported (only 'user')" -netdev tap,id=n0
expect_err "too many -serial" "$P: -serial null: too many serial ports (at most 4)" \
    -serial null -serial null -serial null -serial null -serial null
expect_err "-semihosting-config bad target" \
    "$P: -semihosting-config: target must be native, gdb or auto, not 'moon'" \
    -semihosting-config enable=on,target=moon
expect_err "-incoming of an unsupported transport is refused before anything starts" \
    "$P: -incoming exec:cat: only unix:PATH and tcp:HOST:PORT are supported" -M none -incoming exec:cat
run "$B/plumb" -target sparc
if [ "$rc" = 1 ] && [ "$(cat "$tmp/err")" = "plumb: -target: unknown target 'sparc' (aarch64, ppc64, x86_64)" ]; then
    ok "plain plumb -target with an unknown architecture"
else
    not_ok "plain plumb -target sparc" "got status $rc"
fi

# ---- every option is checked before the kernel ----
expect_kernel_error "missing kernel: the message kvm-unit-tests probes for" -M none
expect_kernel_error "missing kernel with -m 256 and -nodefaults" -M none -m 256 -nodefaults
expect_kernel_error "missing kernel with -m 1g, -display none, -nographic" -M none -m 1g -display none -nographic
expect_kernel_error "-global for a device type that is never created is accepted" \
    -M none -global kvm-pit.lost_tick_policy=discard
expect_kernel_error "-rtc, -icount, -overcommit, -name, -no-reboot are accepted" \
    -M none -rtc base=2006-06-17 -icount shift=5 -overcommit cpu-pm=on -name g1 --no-reboot -no-shutdown
if grep -q "warning: -icount shift=5: instruction counting is not implemented" "$tmp/err"; then
    ok "-icount says that it is not modelled"
else
    not_ok "-icount says that it is not modelled" "got '$(cat "$tmp/err")'"
fi
expect_err "-icount record/replay is refused before the kernel" \
    "$P: -icount 3,rr=replay,rrfile=f: record/replay is not supported" -M none -icount 3,rr=replay,rrfile=f -kernel "$NOFILE"
expect_kernel_error "-action with every kind of action" \
    -M none -action reboot=shutdown,shutdown=pause -action panic=exit-failure,watchdog=inject-nmi
expect_err "-action value checked before the kernel" \
    "$P: -action panic=reboot: Parameter 'panic' does not accept value 'reboot'" -M none -action panic=reboot -kernel "$NOFILE"
expect_err "-action parameter checked before the kernel" \
    "$P: -action sleep=pause: Invalid parameter 'sleep'" -M none -action sleep=pause -kernel "$NOFILE"
expect_kernel_error "-machine accel=qtest and -append" -M none,accel=qtest -append "a b c"
expect_kernel_error "an accelerator fallback list ends on one that works" -M none,accel=nosuch:qtest
expect_kernel_error "-accel qtest with -d and -trace" -M none -accel qtest -d guest_errors,unimp -trace 'memory_*'
expect_kernel_error "-serial none -monitor none -vga none -net none" \
    -M none -serial none -monitor none -vga none -net none
expect_kernel_error "-chardev null with -serial chardev:" -M none -chardev null,id=c0 -serial chardev:c0
expect_kernel_error "-S -s accepted (gdb stub warning only)" -M none -S
touch "$tmp/initrd"
expect_kernel_error "arm harness line (virt, tcg, max) with -initrd" \
    -nodefaults -machine virt -accel tcg -cpu max -display none -serial stdio -smp 1 \
    -append "x y" -initrd "$tmp/initrd"
expect_err "the device is checked before the kernel" \
    "$P: -device nosuch: 'nosuch' is not a valid device model name" -M none -device nosuch -kernel "$NOFILE"
expect_err "the CPU model is checked before the kernel" \
    "$P: unable to find CPU model 'nosuch'" -M none -cpu nosuch -kernel "$NOFILE"
expect_err "machine properties are checked before the kernel" \
    "$P: Property 'none-machine.zz' not found (try -machine none,help)" -M none,zz=1 -kernel "$NOFILE"
expect_err_re "the accelerator is checked before the kernel" \
    "^$P: -accel foo: unknown accelerator" -M none -accel foo -kernel "$NOFILE"
expect_err "accelerator property values are checked before the kernel" \
    "$P: -accel tcg: thread=bogus is not supported (all vCPUs run on one thread: thread=single)" \
    -M none -accel tcg,thread=bogus -kernel "$NOFILE"
expect_err "a bad -accel tcg backend is named before the kernel" \
    "$P: -accel tcg: backend 'jit' is not 'native' or 'interp'" \
    -M none -accel tcg,backend=jit -kernel "$NOFILE"
expect_err "a missing initrd is reported by name" \
    "$P: could not load initrd '/nonexistent.img': No such file or directory" \
    -M none -initrd /nonexistent.img
expect_err "a missing firmware is reported by name" \
    "$P: could not load firmware 'nofw.bin': No such file or directory" -M none -bios nofw.bin

# ---- a whole start-up: board "none" with RAM at 0, driven over qtest on stdio ----
(printf 'writel 0x100 0x12345678\nreadl 0x100\nreadb 0x103\n'; sleep 1) |
    timeout -s TERM 3 "$A64" -M none -m 64M -nodefaults -display none -qtest stdio \
    -qtest-log none > "$tmp/out" 2> "$tmp/err"
if [ "$(sed -n 3p "$tmp/out")" = "OK 0x0000000000000012" ] &&
   [ "$(sed -n 2p "$tmp/out")" = "OK 0x0000000012345678" ]; then
    ok "-M none -m 64M -qtest stdio: RAM at address 0 reads back what was written"
else
    not_ok "-M none -qtest stdio RAM round trip"
fi

# ---- signals ----
sig_test() {
    local sig=$1 num=$2
    timeout -k 1 10 "$A64" -M none -accel qtest -nodefaults -display none \
        > "$tmp/out" 2> "$tmp/err" < /dev/null &
    local pid=$! start end
    sleep 0.5
    start=$(date +%s%N)
    kill -s "$sig" $pid
    wait $pid
    rc=$?
    end=$(date +%s%N)
    local ms=$(( (end - start) / 1000000 ))
    if [ "$rc" = 0 ] && [ $ms -lt 1000 ] &&
       grep -Eq "^$P: terminating on signal $num from pid [0-9]+" "$tmp/err"; then
        ok "SIG$sig: exit 0 within 1 s with 'terminating on signal $num from pid N'"
    else
        not_ok "SIG$sig" "want status 0 in < 1000 ms and the terminating line" "got status $rc after $ms ms"
    fi
}
sig_test TERM 15
sig_test INT 2
sig_test HUP 1

# -pidfile: written with our pid while running, removed at exit
"$A64" -M none -accel qtest -nodefaults -display none -pidfile "$tmp/pid" \
    > /dev/null 2>&1 < /dev/null &
pid=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$tmp/pid" ] && break; sleep 0.1; done
written=$(cat "$tmp/pid" 2> /dev/null)
kill -TERM $pid
wait $pid
if [ "$written" = "$pid" ] && [ ! -e "$tmp/pid" ]; then
    ok "-pidfile holds the pid while running and is removed at exit"
else
    not_ok "-pidfile" "want '$pid' then no file, got '$written'"
fi

echo "1..$n"
