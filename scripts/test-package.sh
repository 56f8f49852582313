#!/bin/sh
# The Debian packages' test, part of .ci/run: builds them
# (scripts/build-deb.sh), then installs, uses, removes and purges them on a
# throwaway overlay of this machine (tests/package/run.sh). Needs root.
set -eu

BERTH_SOURCE_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$BERTH_SOURCE_DIR/scripts/lib.sh"

berth_require_root
"$BERTH_SOURCE_DIR/scripts/build-deb.sh"
berth_log "package test: install, use, remove and purge on an overlay of this machine"
"$BERTH_SOURCE_DIR/tests/package/run.sh" "${BERTH_DEB_BUILD_DIR:-$BERTH_SOURCE_DIR/build-deb}/packages"
