#!/bin/sh
# Usage: check_id_range.sh SCRIPT. scripts/berth-id-range.sh on files of its
# own: the default range, the next free aligned start when another entry
# overlaps it, an existing entry kept, a second run adding nothing.
set -eu
script=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0

# expect NAME SUBUID_BEFORE EXPECTED_BERTH_LINE
expect() {
    printf '%s' "$2" >"$dir/subuid"
    printf '%s' "$2" >"$dir/subgid"
    BERTH_ID_RANGE_ETC=$dir sh "$script"
    BERTH_ID_RANGE_ETC=$dir sh "$script"
    for file in subuid subgid; do
        got=$(grep '^_berth:' "$dir/$file" | tr '\n' ' ')
        if [ "$got" != "$3 " ]; then
            echo "$1: $file has '$got', expected '$3'" >&2
            status=1
        fi
    done
}

expect "empty files" "" "_berth:1000000000:1000000000"
expect "useradd's ranges" "alice:100000:65536
bob:165536:65536
" "_berth:1000000000:1000000000"
# 1500000000 + 65536 rounded up to a multiple of 65536, ending below 0x7FFC0000.
expect "an overlapping entry" "carol:1500000000:65536
" "_berth:1500119040:647102464"
expect "an entry kept" "_berth:300000:131072
" "_berth:300000:131072"
printf 'dave:1000000000:1147200000\n' >"$dir/subuid"
: >"$dir/subgid"
if BERTH_ID_RANGE_ETC=$dir sh "$script" 2>/dev/null; then
    echo "no room: the script succeeded" >&2
    status=1
fi
exit $status
