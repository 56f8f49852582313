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
# qt6-svg-dev: the window's own SVG icons (gui/icons/).
# libcurl4-openssl-dev: the registry client's HTTP and TLS (engine/src/registry, issue #21).
# dpkg-dev (dpkg-shlibdeps) and file: CPack works out the packages' library dependencies.
BUILD_PACKAGES="build-essential cmake ninja-build pkg-config ccache
qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
qt6-l10n-tools libgl-dev libnl-3-dev libnl-route-3-dev libcap-dev libseccomp-dev
libarchive-dev libcurl4-openssl-dev libnftables-dev nlohmann-json3-dev libsystemd-dev libssl-dev libcrypt-dev
libqt6opengl6-dev libvterm-dev qt6-translations-l10n help2man librsvg2-bin qt6-svg-dev
dpkg-dev file"
# user-mode-linux: a cgroup v2 kernel for the v2 backend's real-kernel tests.
# clang-16 (libFuzzer runtime in libclang-rt-16-dev, llvm-symbolizer in
# llvm-16): tests/fuzz; clang 14 cannot use libstdc++ 12's std::expected.
# flatpak-builder: unit_flatpak_manifest checks flatpak/ with its --show-manifest.
# systemd: systemd-analyze verifies berth-autostart.service (no systemd as init needed).
# debian-archive-keyring, gpgv: the debian template verifies the archive's
# signature; ubuntu-keyring (for the ubuntu template) is not in Debian 12 and
# comes from Debian 13, see install_ubuntu_keyring.
# clang-format: the house layout check (scripts/check-format.sh, unit_house_rules).
# libglib2.0-bin: gdbus, which the system and security tests call as other
# users (it passes 'handle N' arguments as descriptors).
# python3-minimal: scripts/check-engine-layers.py (ctest unit_engine_layers).
# fonts-wqy-microhei: Chinese glyphs in the zh_CN screenshots (gui_screenshots);
# the smallest CJK font Debian has.
# docker-registry: the real registry the image tests pull from (tests/registry);
# skopeo: feeds it from the OCI layouts the tests build; openssl: the test CA
# and the token service's signing key; curl: the harness's own push of Docker
# schema 2 manifests and lists, and its self-test's look at the hostile registry.
TEST_PACKAGES="docker-registry skopeo openssl curl python3-minimal desktop-file-utils appstream flatpak-builder systemd busybox-static iproute2 util-linux procps xvfb xauth dbus polkitd pkexec
dnsmasq-base nftables debootstrap debian-archive-keyring gpgv user-mode-linux clang-16 libclang-rt-16-dev llvm-16 libglib2.0-bin clang-format
fonts-wqy-microhei"
# podman: bench_images pulls and creates the same image with it; bench_cli
# runs and execs in a container of it. systemd-container: systemd-nspawn,
# one of bench_cli's references.
BENCH_PACKAGES="crun lxc hyperfine podman systemd-container"

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

# Debian 13's ubuntu-keyring (no dependencies, architecture all), fetched
# with apt through package lists of its own: the machine's sources stay as
# they are. The lists are verified with Debian's own archive key.
install_ubuntu_keyring() {
    is_installed ubuntu-keyring && return 0
    dir=$(mktemp -d)
    mkdir -p "$dir/lists/partial"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
        > "$dir/sources.list"
    set -- -o Dir::Etc::sourcelist="$dir/sources.list" -o Dir::Etc::sourceparts=/nonexistent \
        -o Dir::State::Lists="$dir/lists" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= \
        -o APT::Sandbox::User=root
    apt-get "$@" update -q
    (cd "$dir" && apt-get "$@" download ubuntu-keyring)
    dpkg -i "$dir"/ubuntu-keyring_*_all.deb
    rm -rf "$dir"
}

missing=$(list_missing)
if [ -z "$missing" ] && is_installed ubuntu-keyring; then
    echo "install-deps: all packages present"
    if [ "$(id -u)" -eq 0 ]; then
        "$(dirname "$0")/berth-id-range.sh"
    fi
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

if [ -n "$missing" ]; then
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
fi
install_ubuntu_keyring

still_missing=$(list_missing)
is_installed ubuntu-keyring || still_missing="$still_missing ubuntu-keyring"
if [ -n "$still_missing" ]; then
    echo "install-deps: still missing after install:$still_missing" >&2
    exit 1
fi
# Berth's subordinate ID range (containers are unprivileged by default).
"$(dirname "$0")/berth-id-range.sh"
echo "install-deps: done"
