#!/usr/bin/env bash
# run-test.sh - run one bare-metal AArch64 test image and print TAP.
#
#   run-test.sh IMAGE.elf [PLUMB_BINARY [CPU [EMULATOR_ARGS...]]]
#
# The image prints "ok N - name" / "not ok N - name # got X want Y" on the
# PL011 and exits through semihosting with its failure count. It runs under
# plumb and, when qemu-system-aarch64 is installed, under QEMU too. Each
# check is reported with plumb's result; when QEMU's result differs from
# the expected value the name says so, because then the test itself (its
# expected value) is suspect. The exit status and a clean finish are checks
# of their own. PLUMB_ARGS (environment) adds options for plumb only, e.g.
# the slow twins: PLUMB_ARGS="-accel tcg,backend=interp".
set -u
img=$1
here=$(cd "$(dirname "$0")" && pwd)
plumb=${2:-${PLUMB_BUILD:-$here/../../../build}/plumb-system-aarch64}
timeout_s=${GUEST_TIMEOUT:-60}
cpu=${3:-max}
args=(-M virt -cpu "$cpu" -m 128M -nographic -semihosting -kernel "$img" "${@:4}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Keep only the TAP lines (a serial console may prefix other output).
tap_only() {
    grep -aoE '(not ok|ok) [0-9]+ - .*|^1\.\.[0-9]+' "$1" | tr -d '\r'
}

# shellcheck disable=SC2086
timeout -k 5 "$timeout_s" "$plumb" "${args[@]}" ${PLUMB_ARGS:-} > "$tmp/plumb.out" 2> "$tmp/plumb.err" < /dev/null
plumb_rc=$?
tap_only "$tmp/plumb.out" > "$tmp/plumb.tap"

have_qemu=0
if command -v qemu-system-aarch64 > /dev/null 2>&1; then
    have_qemu=1
    timeout -k 5 "$timeout_s" qemu-system-aarch64 "${args[@]}" -display none \
        > "$tmp/qemu.out" 2> "$tmp/qemu.err" < /dev/null
    qemu_rc=$?
    tap_only "$tmp/qemu.out" > "$tmp/qemu.tap"
fi

# name -> qemu status
declare -A qemu_status
if [ $have_qemu = 1 ]; then
    while IFS= read -r line; do
        case "$line" in
        "not ok "*) n=${line#not ok }; n=${n#* - }; qemu_status["${n%% # got*}"]="not ok" ;;
        "ok "*) n=${line#ok }; n=${n#* - }; qemu_status["$n"]="ok" ;;
        esac
    done < "$tmp/qemu.tap"
fi

results=()
fails=0
planned=$(grep -m1 -E '^1\.\.[0-9]+' "$tmp/plumb.tap" | cut -c4-)
while IFS= read -r line; do
    case "$line" in
    "not ok "*) st="not ok"; rest=${line#not ok } ;;
    "ok "*) st="ok"; rest=${line#ok } ;;
    *) continue ;;
    esac
    rest=${rest#* - }
    name=${rest%% # got*}
    detail=""
    [ "$rest" != "$name" ] && detail=" #${rest#"$name" #}"
    note=""
    if [ $have_qemu = 1 ]; then
        q=${qemu_status["$name"]:-missing}
        if [ "$q" = "not ok" ]; then
            note=" (QEMU disagrees with the expected value)"
        elif [ "$q" = missing ]; then
            note=" (QEMU did not run this check)"
        fi
    fi
    [ "$st" = "not ok" ] && fails=$((fails + 1))
    results+=("$st - $name$note$detail")
done < "$tmp/plumb.tap"

seen=${#results[@]}
if [ -n "$planned" ] && [ "$planned" = "$seen" ]; then
    results+=("ok - image ran to its end ($seen checks)")
else
    results+=("not ok - image ran to its end (plan '${planned:-none}', saw $seen; rc $plumb_rc: $(tail -1 "$tmp/plumb.err"))")
fi
if [ "$plumb_rc" = "$fails" ]; then
    results+=("ok - exit status is the failure count ($plumb_rc)")
else
    results+=("not ok - exit status is the failure count (rc $plumb_rc, $fails failures)")
fi
# "# diff: KEY VALUE" lines: no expected value in the image; plumb must
# agree with QEMU (skipped without QEMU).
if grep -aq '^# diff: ' "$tmp/plumb.out"; then
    declare -A qemu_diff
    if [ $have_qemu = 1 ]; then
        while read -r _ _ key val; do
            qemu_diff["$key"]=$val
        done < <(grep -a '^# diff: ' "$tmp/qemu.out" | tr -d '\r')
    fi
    while read -r _ _ key val; do
        if [ $have_qemu = 0 ]; then
            results+=("ok - $key same as QEMU # SKIP qemu-system-aarch64 not installed")
        elif [ "${qemu_diff[$key]:-missing}" = "$val" ]; then
            results+=("ok - $key same as QEMU")
        else
            results+=("not ok - $key same as QEMU (plumb $val, QEMU ${qemu_diff[$key]:-missing})")
        fi
    done < <(grep -a '^# diff: ' "$tmp/plumb.out" | tr -d '\r')
fi

# "# expect-stderr: TEXT" lines: the emulator must have printed TEXT there.
while IFS= read -r want; do
    if grep -qF -- "$want" "$tmp/plumb.err"; then
        results+=("ok - host console shows '$want'")
    else
        results+=("not ok - host console shows '$want'")
    fi
done < <(grep -a '^# expect-stderr: ' "$tmp/plumb.out" | sed 's/^# expect-stderr: //' | tr -d '\r')
if [ $have_qemu = 1 ]; then
    qn=$(grep -c -E '^(ok|not ok) ' "$tmp/qemu.tap")
    if [ "$qn" = "$seen" ]; then
        results+=("ok - QEMU ran the same $qn checks (rc $qemu_rc)")
    else
        results+=("not ok - QEMU ran the same checks (QEMU $qn, plumb $seen)")
    fi
fi

echo "1..${#results[@]}"
i=0
for r in "${results[@]}"; do
    i=$((i + 1))
    case "$r" in
    "ok - "*) echo "ok $i - ${r#ok - }" ;;
    *) echo "not ok $i - ${r#not ok - }" ;;
    esac
done
