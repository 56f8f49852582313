#!/bin/sh
# Installs every Debian 12 package that building and testing Berth needs.
#   install-deps.sh          build and test packages
#   install-deps.sh --bench  also the reference runtimes of tests/bench
# Idempotent: installs only what is missing, and runs `apt-get update` only
# when something must be installed and the package lists are stale or do not
# know a package yet.
set -eu

# qt6-translations-l10n: Qt's own strings in the GUI (wizard buttons, dialogs).
# help2man: the man pages, from the programs' --help. librsvg2-bin: PNG icons.
# dpkg-dev (dpkg-shlibdeps) and file: CPack works out the packages' library dependencies.
BUILD_PACKAGES="build-essential cmake ninja-build pkg-config ccache
qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
qt6-l10n-tools libgl-dev libnl-3-dev libnl-route-3-dev libcap-dev libseccomp-dev
libarchive-dev libnftables-dev nlohmann-json3-dev libsystemd-dev libssl-dev libcrypt-dev
libqt6opengl6-dev libvterm-dev qt6-translations-l10n help2man librsvg2-bin
dpkg-dev file"
# user-mode-linux: a cgroup v2 kernel for the v2 backend's real-kernel tests.
# clang-16 (libFuzzer runtime in libclang-rt-16-dev, llvm-symbolizer in
# llvm-16): tests/fuzz; clang 14 cannot use libstdc++ 12's std::expected.
# flatpak-builder: unit_flatpak_manifest checks flatpak/ with its --show-manifest.
# systemd: systemd-analyze verifies berth-autostart.service (no systemd as init needed).
# libglib2.0-bin: gdbus, which the system and security tests call as other
# users (it passes 'handle N' arguments as descriptors).
TEST_PACKAGES="desktop-file-utils appstream flatpak-builder systemd busybox-static iproute2 util-linux procps xvfb xauth dbus polkitd pkexec
dnsmasq-base nftables debootstrap user-mode-linux clang-16 libclang-rt-16-dev llvm-16 libglib2.0-bin"
BENCH_PACKAGES="crun lxc hyperfine"

usage() {
    echo "usage: $0 [--bench]" >&2
    exit 2
}

want="$BUILD_PACKAGES $TEST_PACKAGES"
case "${1:-}" in
    "") ;;
    --bench) want="$want $BENCH_PACKAGES" ;;
    *) usage ;;
esac
[ $# -le 1 ] || usage

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

list_missing() {
    for pkg in $want; do
        is_installed "$pkg" || printf ' %s' "$pkg"
    done
}

missing=$(list_missing)
if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages:$missing; run this script as root" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive

lists_are_fresh() {
    # Lists younger than a day; a fresh container image has none at all.
    [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mtime -1 2>/dev/null | head -n 1)" ]
}

install_missing() {
    echo "install-deps: installing$missing"
    # shellcheck disable=SC2086 # the list is meant to split into words
    apt-get install -y -q --no-install-recommends $missing
}

updated=no
if ! lists_are_fresh; then
    apt-get update -q
    updated=yes
fi
# Fresh lists may still predate a package that was added here: update once more.
if ! install_missing; then
    [ "$updated" = no ] || exit 1
    apt-get update -q
    install_missing
fi

still_missing=$(list_missing)
if [ -n "$still_missing" ]; then
    echo "install-deps: still missing after install:$still_missing" >&2
    exit 1
fi
echo "install-deps: done"
