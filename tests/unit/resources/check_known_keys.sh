#!/bin/sh
# Usage: check_known_keys.sh SOURCE_DIR. Every config key the engine spells
# (a "lxc.*" or "berth.*" literal in engine/src) is one the table of known
# keys in engine/src/spec/spec_unapplied.cpp covers, exactly or by a prefix
# ending in '.': no key is both read and warned about as unknown (issue #19).
set -eu
root=$1
table=$root/engine/src/spec/spec_unapplied.cpp
rules=$(grep -oE '^ *\{"(lxc|berth)\.[a-z0-9_.-]*", Verdict::' "$table" | sed -E 's/^ *\{"([^"]*)".*/\1/')
[ -n "$rules" ] || { echo "no rules found in $table" >&2; exit 1; }
status=0
# berth.conf is the name of a systemd-networkd drop-in file, not a key.
for key in $(grep -rhoE '"(lxc|berth)\.[a-z0-9_.-]+"' "$root/engine/src" --exclude=spec_unapplied.cpp |
             tr -d '"' | sort -u | grep -vx 'berth.conf'); do
    known=no
    for rule in $rules; do
        case $rule in
        *.) case $key in "$rule"*) known=yes ;; esac ;;
        *) [ "$key" = "$rule" ] && known=yes ;;
        esac
    done
    if [ $known = no ]; then
        echo "$key is spelled in engine/src but not in the known keys of $table" >&2
        status=1
    fi
done
exit $status
