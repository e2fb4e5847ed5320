#!/usr/bin/env bash
# test-decodetree.sh - TAP tests of scripts/decodetree.py.
#
# tests/decodetree/err_*.decode must be rejected with the message named on
# their "# expect:" line; succ_*.decode must generate C that compiles; and
# harness.decode is generated, compiled with harness.c and run, which checks
# what the decoder calls for a table of instruction words.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
gen="$root/scripts/decodetree.py"
dir="$root/tests/decodetree"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CC=${CC:-cc}
# Debian's interpreter directly when there is one: a pyenv shim costs
# seconds per start, and this script starts the generator ~30 times.
if [ -z "${PYTHON:-}" ]; then
    if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi

results=()
add() { results+=("$1 - $2"); }

for f in "$dir"/err_*.decode; do
    name=$(basename "$f" .decode)
    want=$(sed -n 's/^# expect: //p' "$f" | head -1)
    if "$PYTHON" "$gen" -o "$tmp/out.c" "$f" 2> "$tmp/err"; then
        add "not ok" "$name is rejected (generator accepted it)"
    elif ! grep -qF -- "$want" "$tmp/err"; then
        add "not ok" "$name is rejected with '$want' (got: $(head -1 "$tmp/err"))"
    elif ! grep -q "$(basename "$f"):[0-9]*: error:" "$tmp/err"; then
        add "not ok" "$name error names file:line (got: $(head -1 "$tmp/err"))"
    else
        add "ok" "$name is rejected with '$want'"
    fi
done

cat > "$tmp/prelude.h" <<'H'
#include <stdbool.h>
#include <stdint.h>
typedef struct DisasContext DisasContext;
typedef struct { int a, b; } arg_ext;
H
for f in "$dir"/succ_*.decode; do
    name=$(basename "$f" .decode)
    args=$(sed -n 's/^# args: //p' "$f" | head -1)
    # shellcheck disable=SC2086
    if ! "$PYTHON" "$gen" $args -o "$tmp/$name.c" "$f" 2> "$tmp/err"; then
        add "not ok" "$name generates ($(head -1 "$tmp/err"))"
    elif ! $CC -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-unused-function \
            -fsyntax-only -include "$tmp/prelude.h" "$tmp/$name.c" 2> "$tmp/err"; then
        add "not ok" "$name generated C compiles ($(grep -m1 error "$tmp/err"))"
    else
        add "ok" "$name generates C that compiles"
    fi
done

if ! "$PYTHON" "$gen" -o "$tmp/harness-decode.c.inc" "$dir/harness.decode" 2> "$tmp/err"; then
    add "not ok" "harness.decode generates ($(head -1 "$tmp/err"))"
elif ! $CC -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wshadow=local -Werror \
        -I"$tmp" -o "$tmp/harness" "$dir/harness.c" 2> "$tmp/err"; then
    add "not ok" "harness compiles ($(grep -m1 error "$tmp/err"))"
else
    add "ok" "harness generates and compiles with -Werror"
    while IFS= read -r line; do
        case "$line" in
        "ok - "*) add "ok" "${line#ok - }" ;;
        "not ok - "*) add "not ok" "${line#not ok - }" ;;
        "#"*) echo "$line" ;;
        esac
    done < <("$tmp/harness")
fi

# Generation is deterministic: the same input gives the same bytes.
"$PYTHON" "$gen" -o "$tmp/again.c.inc" "$dir/harness.decode" 2>/dev/null
if cmp -s "$tmp/again.c.inc" "$tmp/harness-decode.c.inc"; then
    add "ok" "generation is deterministic"
else
    add "not ok" "generation is deterministic"
fi

echo "1..${#results[@]}"
n=0
for r in "${results[@]}"; do
    n=$((n + 1))
    case "$r" in
    "ok - "*) echo "ok $n - ${r#ok - }" ;;
    *) echo "not ok $n - ${r#not ok - }" ;;
    esac
done
