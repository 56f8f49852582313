#!/bin/sh
# The outer root of the systemd-host test (systemd-host.sh): a Debian 12
# tree that boots systemd and holds everything the berth package depends on,
# so dpkg -i berth_*.deb works inside without any network. Built once with
# debootstrap from deb.debian.org into a tar archive in the cache, keyed by
# the package list (a new dependency of the .deb makes a new archive).
#
# Usage: systemd-host-tree.sh BERTH_DEB    (root; prints the archive's path)
#        BERTH_TEST_TEMPLATE_CACHE: the cache (/var/cache/berth-test/templates)
set -eu

[ "$(id -u)" -eq 0 ] || { echo "$0: run as root" >&2; exit 1; }
[ $# -eq 1 ] || { echo "usage: $0 BERTH_DEB" >&2; exit 2; }
deb=$1
cache=${BERTH_TEST_TEMPLATE_CACHE:-/var/cache/berth-test/templates}
mirror=http://deb.debian.org/debian

# systemd as init, machined, logind (polkitd needs one; debootstrap picks
# no provider of a virtual package), the bus and polkit, busybox for the nested
# container, and the .deb's own Depends (first of each alternative, no
# versions: bookworm's are the ones the .deb was built against).
packages=$( {
    echo systemd systemd-sysv systemd-container libpam-systemd dbus polkitd busybox-static iproute2
    dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/:any//'
} | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ',' | sed 's/,$//')

# The revision changes when this script builds the tree differently.
revision=2
key=$(printf 'bookworm minbase %s %s\n' "$revision" "$packages" | md5sum | cut -d' ' -f1)
archive=$cache/systemd-host-bookworm-$key.tar
mkdir -p "$cache"

exec 9>"$cache/.lock-systemd-host-$key"
flock 9
if [ ! -f "$archive" ]; then
    tree=$(mktemp -d "$cache/.systemd-host-build.XXXXXX")
    trap 'rm -rf "$tree"' EXIT
    # Downloaded packages kept beside the archives: a new key reuses them.
    mkdir -p "$cache/debootstrap-debs"
    if ! debootstrap --variant=minbase --include="$packages" --cache-dir="$cache/debootstrap-debs" \
        bookworm "$tree" "$mirror" >&2; then
        tail -40 "$tree/debootstrap/debootstrap.log" >&2
        echo "$0: debootstrap failed" >&2
        exit 1
    fi
    # The nested test needs no apt lists and no downloaded packages.
    rm -rf "$tree"/var/cache/apt/archives/*.deb "$tree"/var/lib/apt/lists/*
    # mktemp made it 0700, and the archive's "." becomes the container's /.
    chmod 755 "$tree"
    tar -C "$tree" --numeric-owner --xattrs -cf "$archive.part" .
    mv "$archive.part" "$archive"
fi
echo "$archive"
