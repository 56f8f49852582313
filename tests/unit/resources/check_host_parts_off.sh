#!/bin/sh
# Usage: check_host_parts_off.sh SOURCE_DIR NINJA
# Configures SOURCE_DIR with -DBERTH_BUILD_HOST_PARTS=OFF (the Flatpak's
# build) in a temporary directory and fails unless the configure succeeds,
# berth and berthctl are targets, the engine and berth-helper are not, and
# none of the libraries only they need was looked for. Configure only: the
# ordinary build already compiles these sources.
set -eu
src=$1
ninja=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake -S "$src" -B "$tmp" -G Ninja -DCMAKE_MAKE_PROGRAM="$ninja" \
    -DBERTH_BUILD_HOST_PARTS=OFF -DBUILD_TESTING=OFF >"$tmp/configure.log" 2>&1 || {
    cat "$tmp/configure.log" >&2
    echo "configure with BERTH_BUILD_HOST_PARTS=OFF failed" >&2
    exit 1
}

"$ninja" -C "$tmp" -t targets all >"$tmp/targets"
status=0
for target in berth berthctl; do
    if ! grep -q "^$target: " "$tmp/targets"; then
        echo "target $target missing without the host parts" >&2
        status=1
    fi
done
for target in berth-helper berth-monitor berth-init berth_engine berth_helper_rules; do
    if grep -q "^$target: " "$tmp/targets"; then
        echo "target $target built although BERTH_BUILD_HOST_PARTS is OFF" >&2
        status=1
    fi
done
# pkg_check_modules and find_package leave their results in the cache.
for package in LIBNL LIBCAP LIBSECCOMP LIBSYSTEMD LIBNFTABLES LIBARCHIVE LIBCRYPTO LIBCRYPT nlohmann_json; do
    if grep -q "^${package}_" "$tmp/CMakeCache.txt"; then
        echo "$package was looked for although only the host parts need it" >&2
        status=1
    fi
done
exit $status
