#!/bin/sh
# Installs every Debian package that building and testing Berth needs.
# Idempotent: installs only what is missing, and runs `apt-get update`
# only when something must be installed and the package lists are stale.
set -eu

BUILD_PACKAGES="build-essential cmake ninja-build pkg-config ccache
qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
qt6-l10n-tools libgl-dev libnl-3-dev libnl-route-3-dev libcap-dev libseccomp-dev
libarchive-dev libnftables-dev nlohmann-json3-dev"
TEST_PACKAGES="busybox-static iproute2 util-linux procps xvfb xauth dbus polkitd pkexec
dnsmasq-base nftables debootstrap"
BENCH_PACKAGES="crun lxc hyperfine"

want="$BUILD_PACKAGES $TEST_PACKAGES"
if [ "${1:-}" = "--bench" ]; then
    want="$want $BENCH_PACKAGES"
fi

missing=""
for pkg in $want; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages:$missing; run this script as root" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Update only when the lists are missing or older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages' -mtime -1 2>/dev/null | head -n 1)" ]; then
    apt-get update -q
fi
echo "install-deps: installing$missing"
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
