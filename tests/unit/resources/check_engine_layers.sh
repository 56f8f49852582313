#!/bin/sh
# Usage: check_engine_layers.sh SCRIPT. scripts/check-engine-layers.py on
# fixture trees of its own: a clean tree passes; an include from a higher
# line, a cycle, a folder LAYERS does not name and an untrue README line
# each fail with a message naming them; --fix-readmes makes the READMEs true.
set -eu
script=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0

# tree LAYERS_TEXT: a fresh engine with folders low (low.h) and high
# (high.cpp including low/low.h), READMEs true for that.
tree() {
    rm -rf "$dir/engine"
    mkdir -p "$dir/engine/src/low" "$dir/engine/src/high"
    printf '%s\n' "$1" >"$dir/engine/LAYERS"
    printf '#pragma once\n' >"$dir/engine/src/low/low.h"
    printf '#include "low/low.h"\n#include "berth/error.h"\n' >"$dir/engine/src/high/high.cpp"
    printf '# low\n\nEngine folders it includes: none.\n' >"$dir/engine/src/low/README.md"
    printf '# high\n\nEngine folders it includes: `low`.\n' >"$dir/engine/src/high/README.md"
}

# expect NAME EXIT_CODE [TEXT_IN_STDERR]
expect() {
    code=0
    python3 "$script" --root "$dir" 2>"$dir/stderr" || code=$?
    if [ "$code" != "$2" ]; then
        echo "$1: exit $code, expected $2" >&2
        cat "$dir/stderr" >&2
        status=1
    elif [ $# -ge 3 ] && ! grep -qF -- "$3" "$dir/stderr"; then
        echo "$1: stderr lacks '$3':" >&2
        cat "$dir/stderr" >&2
        status=1
    fi
}

tree "low
high"
expect "clean tree" 0

tree "high
low"
expect "include from a higher line" 1 "engine/src/high/high.cpp:1: high includes low, on a higher line of engine/LAYERS"

tree "low high"
expect "include of a peer" 1 "high includes low, on the same line of engine/LAYERS"

tree "low high"
printf '#include "high/high.h"\n' >"$dir/engine/src/low/low.cpp"
touch "$dir/engine/src/high/high.h"
expect "cycle" 1 "cycle between engine folders: high <-> low"

tree "low"
expect "folder missing from LAYERS" 1 "engine/LAYERS: no line names engine/src/high"

tree "low
high
gone"
expect "LAYERS names no folder" 1 "engine/LAYERS: gone is no folder of engine/src"

tree "low
high"
printf '# high\n\nEngine folders it includes: none.\n' >"$dir/engine/src/high/README.md"
expect "untrue README line" 1 "high/README.md: wants the line 'Engine folders it includes: \`low\`.'"
rm "$dir/engine/src/low/README.md"
expect "missing README" 1 "low/README.md: missing"
python3 "$script" --root "$dir" --fix-readmes 2>/dev/null || true
expect "READMEs fixed" 0

exit $status
