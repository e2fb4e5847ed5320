#!/usr/bin/env bash
# run-tests.sh - the one test runner of every tier.
#
#   scripts/run-tests.sh [--timeout S] --tier NAME PROG... [--tier NAME PROG...]
#
# Each PROG is an executable that prints TAP (GLib gtest binaries get --tap).
# Every test case is printed as "PASS|FAIL|SKIP tier/prog: name", and the run
# ends with one line "N passed, N failed" (", N skipped" when any were, with
# the skipped ones named above it). A program that exits non-zero, dies or
# prints fewer results than its plan counts as a failure of its own.
set -u

timeout_s=${TEST_TIMEOUT:-600}
pass=0 fail=0 skip=0
skipped=()
failed=()
tier=""
logdir=${TEST_LOGDIR:-build/test-logs}
mkdir -p "$logdir"

run_one() {
    local prog=$1 name log rc planned=-1 seen=0 line
    name="$tier/$(basename "$prog")"
    log="$logdir/$(echo "$name" | tr '/' '_').log"
    if [ ! -x "$prog" ]; then
        echo "FAIL $name: not built ($prog)"
        fail=$((fail + 1)); failed+=("$name")
        return
    fi
    local args=()
    if [ "$(head -c 4 "$prog")" = $'\x7fELF' ]; then
        args=(--tap)
    fi
    local t0=$SECONDS
    timeout -k 5 "$timeout_s" "$prog" "${args[@]}" > "$log" 2>&1 < /dev/null
    rc=$?
    echo "# $name: $((SECONDS - t0)) s"
    while IFS= read -r line; do
        case "$line" in
        1..*)
            planned=${line#1..}; planned=${planned%% *}
            case "$planned" in *[!0-9]*|"") planned=-1 ;; esac
            if [ "$planned" = 0 ] && [[ "$line" == *SKIP* ]]; then
                echo "SKIP $name: ${line#*SKIP}"
                skip=$((skip + 1)); skipped+=("$name")
            fi ;;
        "not ok "*)
            seen=$((seen + 1))
            local t=${line#not ok }; t=${t#[0-9]* }; t=${t#- }
            if [[ "$t" == *"# TODO"* ]]; then
                echo "SKIP $name: $t"; skip=$((skip + 1)); skipped+=("$name: $t")
            else
                echo "FAIL $name: $t"; fail=$((fail + 1)); failed+=("$name: $t")
            fi ;;
        "ok "*)
            seen=$((seen + 1))
            local t=${line#ok }; t=${t#[0-9]* }; t=${t#- }
            if [[ "$t" == *"# SKIP"* ]]; then
                echo "SKIP $name: $t"; skip=$((skip + 1)); skipped+=("$name: $t")
            else
                echo "PASS $name: $t"; pass=$((pass + 1))
            fi ;;
        esac
    done < "$log"
    if [ "$rc" -ne 0 ]; then
        local why="exit status $rc"
        [ "$rc" -eq 124 ] && why="timed out after ${timeout_s}s"
        echo "FAIL $name: program failed ($why); log: $log"
        tail -n 15 "$log" | sed 's/^/    | /'
        fail=$((fail + 1)); failed+=("$name ($why)")
    elif [ "$planned" -gt 0 ] && [ "$seen" -lt "$planned" ]; then
        echo "FAIL $name: planned $planned tests, saw $seen; log: $log"
        fail=$((fail + 1)); failed+=("$name (incomplete)")
    elif [ "$seen" -eq 0 ] && [ "$planned" -ne 0 ]; then
        echo "FAIL $name: printed no test results; log: $log"
        fail=$((fail + 1)); failed+=("$name (no results)")
    fi
}

while [ $# -gt 0 ]; do
    case "$1" in
    --timeout) timeout_s=$2; shift 2 ;;
    --tier) tier=$2; shift 2 ;;
    *) run_one "$1"; shift ;;
    esac
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "Failed:"
    printf '  %s\n' "${failed[@]}"
fi
if [ $skip -gt 0 ]; then
    echo "Skipped:"
    printf '  %s\n' "${skipped[@]}"
    echo "$pass passed, $fail failed, $skip skipped"
else
    echo "$pass passed, $fail failed"
fi
[ $fail -eq 0 ]
