#!/bin/sh
# Usage: check_install.sh BUILD_DIR PREFIX (the prefix the build was configured with)
# Installs the build into a staging directory (DESTDIR) and checks that
# every file a running system reads is there, and that the desktop entry
# and the AppStream metainfo installed are valid.
set -eu
build=$1
prefix=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
DESTDIR="$stage" cmake --install "$build" >/dev/null
root="$stage$prefix"

status=0
for file in \
    bin/berth \
    bin/berthctl \
    libexec/berth/berth-helper \
    libexec/berth/berth-monitor \
    libexec/berth/berth-init \
    libexec/berth/berth-id-range \
    libexec/berth/berthctl-full \
    share/dbus-1/system-services/org.berth.Berth1.service \
    share/dbus-1/interfaces/org.berth.Manager1.xml \
    share/applications/org.berth.Berth.desktop \
    share/metainfo/org.berth.Berth.metainfo.xml \
    share/icons/hicolor/scalable/apps/org.berth.Berth.svg \
    share/bash-completion/completions/berthctl \
    share/man/man1/berth.1.gz \
    share/man/man1/berthctl.1.gz \
    lib/systemd/system/berth-autostart.service
do
    if [ ! -e "$root/$file" ]; then
        echo "not installed: $prefix/$file" >&2
        status=1
    fi
done
# The bus policy and polkit rules go to /usr/share for a /usr build, else
# to /etc, where the system reads them; polkitd reads actions from /usr/share only.
for file in dbus-1/system.d/org.berth.Berth1.conf polkit-1/rules.d/50-berth.rules polkit-1/actions/org.berth.policy; do
    if [ ! -e "$stage/usr/share/$file" ] && [ ! -e "$stage/etc/$file" ]; then
        echo "not installed: $file (in /usr/share or /etc)" >&2
        status=1
    fi
done
# "WIDTHxHEIGHT" from a PNG's header (IHDR: two big-endian words at byte 16).
png_size() {
    od -An -tu1 -j16 -N8 "$1" 2>/dev/null |
        awk '{ printf "%dx%d", (($1*256+$2)*256+$3)*256+$4, (($5*256+$6)*256+$7)*256+$8 }'
}

# The PNG icons: each of its size.
for size in 16 22 24 32 48 64 128 256; do
    icon="$root/share/icons/hicolor/${size}x${size}/apps/org.berth.Berth.png"
    if [ "$(png_size "$icon")" != "${size}x${size}" ]; then
        echo "not a ${size}x${size} PNG: $icon" >&2
        status=1
    fi
done
[ -x "$root/bin/berth" ] || { echo "$prefix/bin/berth is not executable" >&2; status=1; }
desktop-file-validate "$root/share/applications/org.berth.Berth.desktop" || status=1
appstreamcli validate --no-net "$root/share/metainfo/org.berth.Berth.metainfo.xml" || status=1
# The metainfo names the desktop entry the build installs.
grep -q '<launchable type="desktop-id">org.berth.Berth.desktop</launchable>' \
    "$root/share/metainfo/org.berth.Berth.metainfo.xml" || { echo "metainfo: wrong launchable" >&2; status=1; }
exit $status
