#!/usr/bin/env bash
# run-linux-migration.sh PLUMB CACHE GIC - migrate a Linux guest that uses
# virtio-blk-pci and virtio-net-pci (MSI-X through the ITS with GIC 3,
# through GICv2m with GIC 2) while it reads its disk in a loop, then check
# on the destination that the disk still reads right and the network
# still works. Prints TAP.
#
# Debian 12's arm64 kernel and busybox (tests/boot/fetch-guest.sh) and its
# virtio modules (tests/boot/virtio/modules.sh), with linux-init.sh as
# /init. The disk is 32 MiB of random bytes; a python HTTP server on the
# host serves a blob the guest fetches through slirp's gateway after the
# move. The source gets QMP on a unix socket; the destination the same
# command line plus -incoming. Once the guest has read the disk twice the
# source is told to migrate, right after the guest starts another read;
# the destination must print that read's md5 (the read began on the source
# and finished on the destination) and those of further reads, then takes
# a console line that ends the loop.
# Env: MIG_TIMEOUT (s, default 240) bounds each wait; MIG_KEEP_LOGS=DIR
# keeps the consoles, stderr and the QMP log there.
set -u
plumb=${1:?usage: $0 PLUMB CACHE GIC}
cache=$2 gic=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
boot=$here/../../boot
timeout_s=${MIG_TIMEOUT:-240}
tmp=$(mktemp -d)
src_pid="" dst_pid="" srv=""
cleanup() {
    for p in $src_pid $dst_pid $srv; do kill "$p" 2>/dev/null; done
    [ -n "${MIG_KEEP_LOGS:-}" ] && mkdir -p "$MIG_KEEP_LOGS" && \
        cp "$tmp"/*.out "$tmp"/*.err "$tmp"/qmp.log "$MIG_KEEP_LOGS/" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
plan=13
n=0
echo "1..$plan"
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1${2:+ # $2}"; }
check() { if [ "$2" = 0 ]; then ok "$1"; else notok "$1" "${3:-}"; fi; }
finish() {
    for ((i = n + 1; i <= plan; i++)); do echo "$1 $i - check $i # $2"; done
    exit 0
}
PYTHON=$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)

# The guest: kernel, busybox and modules from the boot tier's cache.
mkdir -p "$cache"
( flock 9; "$boot/fetch-guest.sh" "$cache" && "$boot/virtio/modules.sh" "$cache" ) \
    9> "$cache/.lock" > "$tmp/fetch.log" 2>&1
frc=$?
if [ $frc != 0 ]; then
    sed 's/^/# /' "$tmp/fetch.log"
    [ $frc = 2 ] && finish ok "SKIP the Debian mirror is unreachable, no guest"
    finish "not ok" "fetching the guest failed"
fi
r=$tmp/root
mkdir -p "$r"/{bin,dev,proc,sys,tmp,etc,lib/modules}
cp "$cache/busybox" "$r/bin/busybox"
ln -s busybox "$r/bin/sh"
cp "$here/linux-init.sh" "$r/init"
cp "$cache"/virtio/mods/*.ko "$r/lib/modules/"
printf 'hosts: files\nservices: files\n' > "$r/etc/nsswitch.conf"
chmod 755 "$r/init" "$r/bin/busybox"
(cd "$r" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) | gzip -1 > "$tmp/initrd.gz"

disk=$tmp/disk.img
head -c $((32 << 20)) /dev/urandom > "$disk"
want_vda=$(md5sum < "$disk" | cut -d' ' -f1)
mkdir "$tmp/www"
head -c 100000 /dev/urandom > "$tmp/www/blob"
want_blob=$(md5sum < "$tmp/www/blob" | cut -d' ' -f1)
"$PYTHON" - "$tmp/www" > "$tmp/port" 2> "$tmp/srv.log" <<'PY' &
import functools, http.server, sys
h = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
srv=$!
for ((i = 0; i < 50; i++)); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(cat "$tmp/port")

args=(-M "virt,gic-version=$gic" -cpu max -m 512M -smp 1 -nographic
      -kernel "$cache/Image" -initrd "$tmp/initrd.gz"
      -append "console=ttyAMA0 panic=-1 mig_port=$port" -no-reboot
      -device virtio-blk-pci,drive="$disk" -netdev user,id=n0
      -device virtio-net-pci,netdev=n0 "$@")
echo "# $plumb ${args[*]}"
mkfifo "$tmp/src.in" "$tmp/dst.in"
exec 3<>"$tmp/src.in" 4<>"$tmp/dst.in"
"$plumb" "${args[@]}" -incoming "unix:$tmp/mig.sock" < "$tmp/dst.in" \
    > "$tmp/dst.out" 2> "$tmp/dst.err" &
dst_pid=$!
"$plumb" "${args[@]}" -chardev "socket,id=mon,path=$tmp/qmp,server=on,wait=off" -mon chardev=mon,mode=control \
    < "$tmp/src.in" > "$tmp/src.out" 2> "$tmp/src.err" &
src_pid=$!

# wait_for FILE REGEX: until a line matches (or the time is up / it died).
wait_for() {
    local end=$((SECONDS + timeout_s))
    while [ $SECONDS -lt $end ]; do
        tr -d '\r' < "$1" | grep -qE "$2" && return 0
        kill -0 "$3" 2>/dev/null || break
        sleep 0.2
    done
    tr -d '\r' < "$1" | grep -qE "$2"
}
t0=$SECONDS
wait_for "$tmp/src.out" '^MIG-MD5 2 ' $src_pid
rc=$?
check "source: the guest reads /dev/vda in a loop (boot $((SECONDS - t0)) s)" $rc \
    "$(tr -d '\r' < "$tmp/src.out" | tail -n 5 | tr '\n' ' ') $(head -c 300 "$tmp/src.err")"
[ $rc = 0 ] || finish "not ok" "the guest did not start its loop"
tr -d '\r' < "$tmp/src.out" | grep -q '^MIG-DHCP bound 10\.0\.2\.15 router=10\.0\.2\.2'
check "source: DHCP lease 10.0.2.15 from slirp" $?
msix=$(tr -d '\r' < "$tmp/src.out" | sed -n 's/^MIG-MSIX-IRQS //p')
[ "${msix:-0}" -ge 3 ]
check "source: virtio-pci interrupts are MSI-X ($msix lines in /proc/interrupts)" $?
# Migrate right after the guest starts a read of the whole disk: the QMP
# client is connected first and watches the console itself.
"$PYTHON" - "$tmp/qmp" "unix:$tmp/mig.sock" "$tmp/src.out" "$timeout_s" \
    > "$tmp/qmp.log" 2>&1 <<'PY'
import json, re, socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
f = s.makefile('rw')
def cmd(c, **a):
    f.write(json.dumps({'execute': c, 'arguments': a} if a else {'execute': c}) + '\n')
    f.flush()
    while True:
        r = json.loads(f.readline())
        if 'return' in r or 'error' in r:
            return r
f.readline()
cmd('qmp_capabilities')
end = time.time() + float(sys.argv[4])
while time.time() < end:
    with open(sys.argv[3], 'rb') as con:
        if re.search(rb'^MIG-START 3\r?$', con.read(), re.M):
            break
    time.sleep(0.02)
print('migrate', json.dumps(cmd('migrate', uri=sys.argv[2])))
for _ in range(600):
    r = cmd('query-migrate')['return']
    if r.get('status') in ('completed', 'failed'):
        break
    time.sleep(0.1)
print('final', r.get('status'), 'total-time', r.get('total-time'),
      'downtime', r.get('downtime'), 'ram', r.get('ram', {}).get('transferred'),
      r.get('error-desc', ''))
print('status', cmd('query-status')['return'].get('status'))
cmd('quit')
PY
sed 's/^/# qmp: /' "$tmp/qmp.log"
grep -q '^final completed' "$tmp/qmp.log"
check "query-migrate: completed ($(sed -n 's/^final completed //p' "$tmp/qmp.log"))" $? \
    "$(tr '\n' ' ' < "$tmp/qmp.log") $(head -c 300 "$tmp/src.err")"
grep -q '^status postmigrate' "$tmp/qmp.log"
check "source stays stopped (postmigrate)" $?
last_src=$(tr -d '\r' < "$tmp/src.out" | grep -E '^MIG-(START|MD5) ' | tail -n 1)
echo "# last line of the source: $last_src"

wait_for "$tmp/dst.out" '^MIG-MD5 5 ' $dst_pid
rc=$?
echo stop >&4
wait_for "$tmp/dst.out" '^MIG-DONE' $dst_pid
for ((i = 0; i < 100; i++)); do kill -0 $dst_pid 2>/dev/null || break; sleep 0.1; done
kill $dst_pid 2>/dev/null
wait $dst_pid
drc=$?
dst_pid=""
tr -d '\r' < "$tmp/dst.out" > "$tmp/dst.log"
grep '^MIG-' "$tmp/dst.log" | sed 's/^/# dst: /'
check "destination: the guest goes on reading the disk" $rc \
    "$(tail -n 5 "$tmp/dst.log" | tr '\n' ' ') $(head -c 300 "$tmp/dst.err")"
first_dst=$(grep -E '^MIG-(START|MD5) ' "$tmp/dst.log" | head -n 1)
[ "$last_src" = "MIG-START 3" ] && [ "${first_dst%% *}" = MIG-MD5 ] && \
    [ "$(echo "$first_dst" | cut -d' ' -f2)" = 3 ]
check "the read of round 3 began on the source and ended on the destination" $? \
    "source ended with '$last_src', destination began with '$first_dst'"
bad=$(cat "$tmp/src.out" "$tmp/dst.log" | tr -d '\r' | grep '^MIG-MD5 ' | grep -vc " $want_vda\$")
rounds=$(grep -c '^MIG-MD5 ' "$tmp/dst.log")
[ "$bad" = 0 ] && [ "$rounds" -ge 3 ]
check "md5 of /dev/vda = $want_vda (host) in every round, $rounds on the destination" $? \
    "$bad wrong"
grep -q '^MIG-PING ok' "$tmp/dst.log"
check "destination: ping of the slirp gateway 10.0.2.2" $? "$(grep '^MIG-PING' "$tmp/dst.log")"
grep -qE '^MIG-DHCP (bound|renew) 10\.0\.2\.15 ' "$tmp/dst.log"
check "destination: DHCP again gets 10.0.2.15" $?
got_blob=$(sed -n 's/^MIG-HTTP-MD5 \([0-9a-f]*\) .*/\1/p' "$tmp/dst.log")
[ "$got_blob" = "$want_blob" ]
check "destination: HTTP GET from the host through slirp, md5 = $want_blob" $? "got ${got_blob:-nothing}"
grep -q 'reboot: Power down' "$tmp/dst.log" && [ $drc = 0 ]
check "destination powers off, exit status 0" $? "exit status $drc"
if grep -qviE 'warning' "$tmp/src.err" "$tmp/dst.err" 2>/dev/null; then
    notok "stderr clean" "$(cat "$tmp/src.err" "$tmp/dst.err" | head -n 3 | tr '\n' ' ')"
else
    ok "stderr clean"
fi
exit 0
