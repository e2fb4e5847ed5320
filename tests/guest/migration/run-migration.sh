#!/usr/bin/env bash
# run-migration.sh - migrate a running guest between two plumb processes
# the way kvm-unit-tests' harness does (scripts/arch-run.bash,
# run_migration): the source gets QMP on a unix socket, the destination
# the same command line plus -incoming unix:SOCK; when the guest prints
# its prompt, QMP `migrate` and `query-migrate` (until "completed"), `quit`
# to the source, then a key on the destination's stdin. Prints TAP: the
# guest's checks from the destination and the migration's own steps.
#
#   run-migration.sh IMAGE.elf PLUMB_BINARY [EXTRA_ARGS...]
set -u
img=$1
plumb=$2
shift 2
tmp=$(mktemp -d)
trap 'kill $src_pid $dst_pid 2>/dev/null; rm -rf "$tmp"' EXIT
args=(-M virt -cpu max -m 128M -nographic -semihosting -kernel "$img" "$@")
n=0
# Debian's python3 when present (a pyenv shim costs seconds per start).
PYTHON=$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; }

mkfifo "$tmp/src.in" "$tmp/dst.in"
# Hold both fifos open for writing so the emulators' stdin stays open.
exec 3<>"$tmp/src.in" 4<>"$tmp/dst.in"
"$plumb" "${args[@]}" -incoming "unix:$tmp/mig.sock" < "$tmp/dst.in" \
    > "$tmp/dst.out" 2> "$tmp/dst.err" &
dst_pid=$!
"$plumb" "${args[@]}" -chardev "socket,id=mon,path=$tmp/qmp,server=on,wait=off" \
    -mon chardev=mon,mode=control < "$tmp/src.in" > "$tmp/src.out" 2> "$tmp/src.err" &
src_pid=$!

for _ in $(seq 300); do
    grep -q "Now migrate the VM" "$tmp/src.out" 2>/dev/null && break
    sleep 0.1
done
if grep -q "Now migrate the VM" "$tmp/src.out"; then
    ok "source reached the migration prompt"
else
    notok "source reached the migration prompt # $(tail -c 300 "$tmp/src.out" "$tmp/src.err" | tr '\n' ' ')"
fi

"$PYTHON" - "$tmp/qmp" > "$tmp/qmp.log" 2>&1 <<'PY'
import json, socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
f = s.makefile('rw')
def cmd(c, **a):
    f.write(json.dumps({'execute': c, 'arguments': a} if a else {'execute': c}) + '\n')
    f.flush()
    while True:
        r = json.loads(f.readline())
        if 'return' in r or 'error' in r:
            print(c, json.dumps(r))
            return r
print(f.readline().strip())
cmd('qmp_capabilities')
cmd('migrate', uri='unix:' + sys.argv[1].rsplit('/', 1)[0] + '/mig.sock')
for _ in range(300):
    r = cmd('query-migrate')
    st = r.get('return', {}).get('status')
    if st in ('completed', 'failed'):
        break
    time.sleep(0.1)
print('final', st)
cmd('quit')
PY
if grep -q '^final completed' "$tmp/qmp.log"; then
    ok "query-migrate reports completed"
else
    notok "query-migrate reports completed # $(tr '\n' ' ' < "$tmp/qmp.log")"
fi
# kvm-unit-tests waits for the destination's socket to go away (QEMU
# unlinks it once the source connected) before it goes on.
[ ! -S "$tmp/mig.sock" ] && ok "destination removed its incoming socket" || \
    notok "destination removed its incoming socket"
wait $src_pid
rc=$?
[ $rc = 0 ] && ok "source exits 0 after quit" || notok "source exits 0 after quit (rc $rc)"

echo >&4
for _ in $(seq 300); do
    kill -0 $dst_pid 2>/dev/null || break
    sleep 0.1
done
wait $dst_pid
drc=$?
grep -aoE '(not ok|ok) [0-9]+ - .*' "$tmp/dst.out" | tr -d '\r' | sed -E 's/^(not ok|ok) [0-9]+ - /\1 /' > "$tmp/checks"
checks=$(wc -l < "$tmp/checks")
while read -r res name; do
    case "$res" in
    ok) ok "destination: $name" ;;
    *) notok "destination: ${name#ok }" ;;
    esac
done < <(sed -E 's/^not ok /notok /' "$tmp/checks")
[ "$checks" -gt 5 ] && ok "destination ran the guest's checks ($checks)" || \
    notok "destination ran the guest's checks ($checks) # $(tail -c 300 "$tmp/dst.err")"
[ $drc = 0 ] && ok "destination exits with the guest's status 0" || \
    notok "destination exits with the guest's status 0 (rc $drc) # $(tail -c 300 "$tmp/dst.err")"
if grep -qv warning "$tmp/dst.err" "$tmp/src.err" 2>/dev/null; then
    notok "stderr clean # $(cat "$tmp/src.err" "$tmp/dst.err" | head -3 | tr '\n' ' ')"
else
    ok "stderr clean"
fi
echo "1..$n"
