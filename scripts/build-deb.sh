#!/bin/sh
# Builds the Debian packages berth and berth-gui (CPack, see packaging/)
# into build-deb/packages/ (or $BERTH_DEB_BUILD_DIR/packages): a build of
# its own configured for prefix /usr, warnings as errors, no tests.
#
# Usage: scripts/build-deb.sh       (as root: it installs missing packages)
set -eu

BERTH_SOURCE_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$BERTH_SOURCE_DIR/scripts/lib.sh"

build_dir=${BERTH_DEB_BUILD_DIR:-$BERTH_SOURCE_DIR/build-deb}

berth_require_root
berth_install_deps
berth_configure "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBERTH_WERROR=ON \
    -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF -DBERTH_BUILD_BENCH=OFF
berth_build "$build_dir"
berth_log "packaging into $build_dir/packages"
rm -rf "$build_dir/packages"
(cd "$build_dir" && cpack -G DEB -B "$build_dir/packages")
ls -l "$build_dir"/packages/*.deb
