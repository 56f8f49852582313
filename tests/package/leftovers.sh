#!/bin/sh
# Checks the overlay's upper layer after the package test (see run.sh): it
# holds every file that installing, using, removing and purging Berth
# created or changed. Only the package manager's own records and the test's
# users may be there; no path may name Berth, and nothing of the base
# system may have been deleted (a whiteout), except what smoke.sh removed
# on purpose before installing (a Berth installed outside dpkg), listed in
# PREEXISTING.
#
# Usage: leftovers.sh UPPER_DIR PREEXISTING
set -eu

upper=$1
preexisting=$2
status=0

# True for a path smoke.sh removed before the install, or one below it.
removed_before() {
    while read -r gone; do
        case "/$1" in
            "$gone" | "$gone"/*) return 0 ;;
        esac
    done <"$preexisting"
    return 1
}

# What dpkg, apt and the triggers of other packages keep, and the accounts
# the test itself added.
allowed() {
    case "$1" in
        var/lib/dpkg/* | var/lib/apt/* | var/cache/apt/* | var/cache/debconf/* | var/log/*) return 0 ;;
        var/lib/PackageKit/*) return 0 ;;
        etc/passwd | etc/passwd- | etc/group | etc/group- | etc/shadow | etc/shadow- | etc/gshadow | etc/gshadow-) return 0 ;;
        etc/subuid | etc/subuid- | etc/subgid | etc/subgid- | etc/.pwd.lock) return 0 ;;
        usr/share/icons/hicolor/icon-theme.cache | usr/share/applications/mimeinfo.cache) return 0 ;;
        usr/local/share/applications/mimeinfo.cache) return 0 ;;
        var/cache/man/* | etc/ld.so.cache) return 0 ;;
    esac
    return 1
}

cd "$upper"
for path in $(find . -mindepth 1 ! -type d | sed 's|^\./||'); do
    if removed_before "$path"; then
        continue
    elif [ -c "$path" ] && [ "$(stat -c %t:%T "$path")" = 0:0 ]; then
        echo "leftovers: $path of the base system was deleted" >&2
        status=1
    elif ! allowed "$path"; then
        echo "leftovers: $path was created or changed" >&2
        status=1
    fi
done
for path in $(find . -mindepth 1 -iname '*berth*' | sed 's|^\./||'); do
    removed_before "$path" && continue
    echo "leftovers: $path is left" >&2
    status=1
done
if grep -q '^berth:' etc/group 2>/dev/null; then
    echo "leftovers: the group berth is left in /etc/group" >&2
    status=1
fi
[ "$status" -eq 0 ] && echo "leftovers: none"
exit "$status"
