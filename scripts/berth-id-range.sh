#!/bin/sh
# Gives Berth its subordinate ID range: the system user _berth (no login, no
# home) and one entry for it in /etc/subuid and /etc/subgid, the same range
# in both. Each container gets a block of 65536 IDs from it (lxc.idmap).
# Idempotent: an existing entry for _berth is kept as it is. The range is
# 1000000000 IDs from 1000000000, unless another entry overlaps it; then it
# starts at the next 65536-aligned ID above every other entry and ends
# below 0x7FFC0000 (the debootstrap stage's block, template/contained_stage.h).
# Run by scripts/install-deps.sh and by the package's postinst.
# BERTH_ID_RANGE_ETC (tests): the directory of subuid and subgid; the user
# is then left alone.
set -eu

ETC=${BERTH_ID_RANGE_ETC:-/etc}

USER_NAME=_berth
WANT_START=1000000000
WANT_COUNT=1000000000
LIMIT=2147221504   # 0x7FFC0000
BLOCK=65536

ensure_user() {
    [ "$ETC" = /etc ] || return 0
    getent passwd "$USER_NAME" >/dev/null && return 0
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
        --user-group "$USER_NAME"
}

has_entry() {
    [ -f "$1" ] && grep -q "^$USER_NAME:" "$1"
}

# "START COUNT" for the range, from the other entries of both files.
choose_range() {
    cat "$ETC/subuid" "$ETC/subgid" 2>/dev/null | awk -F: -v user="$USER_NAME" -v start="$WANT_START" \
        -v count="$WANT_COUNT" -v limit="$LIMIT" -v block="$BLOCK" '
        $1 != user && NF == 3 { s[++n] = $2 + 0; e[n] = $2 + $3 }
        END {
            overlap = 0; top = 0
            for (i = 1; i <= n; i++) {
                if (s[i] < start + count && e[i] > start) overlap = 1
                if (e[i] > top) top = e[i]
            }
            if (overlap) {
                start = int((top + block - 1) / block) * block
                if (start + count > limit) count = int((limit - start) / block) * block
            }
            if (count < block) exit 1
            printf "%d %d\n", start, count
        }'
}

add_entry() {
    file=$1
    range=$2
    has_entry "$file" && return 0
    touch "$file"
    echo "$USER_NAME:$(echo "$range" | tr ' ' ':')" >>"$file"
}

ensure_user
if ! has_entry "$ETC/subuid" || ! has_entry "$ETC/subgid"; then
    if ! range=$(choose_range); then
        echo "berth-id-range: no room for a range of 65536 IDs below $LIMIT in $ETC/subuid and $ETC/subgid" >&2
        exit 1
    fi
    add_entry "$ETC/subuid" "$range"
    add_entry "$ETC/subgid" "$range"
fi
