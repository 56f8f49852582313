#!/bin/sh
# The Debian packages' tests, part of .ci/run: builds them
# (scripts/build-deb.sh), then installs, uses, removes and purges them on a
# throwaway overlay of this machine (tests/package/run.sh), and, on such an
# overlay, boots a Debian 12 systemd host as a Berth container, installs
# them inside it and runs a nested container there
# (tests/package/systemd-host.sh; its tree from systemd-host-tree.sh, built
# once per package list with debootstrap). Needs root. Both run even when
# one fails.
set -eu

BERTH_SOURCE_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$BERTH_SOURCE_DIR/scripts/lib.sh"

berth_require_root
"$BERTH_SOURCE_DIR/scripts/build-deb.sh"
debs=${BERTH_DEB_BUILD_DIR:-$BERTH_SOURCE_DIR/build-deb}/packages
status=0
berth_log "package test: install, use, remove and purge on an overlay of this machine"
"$BERTH_SOURCE_DIR/tests/package/run.sh" "$debs" || status=1
berth_log "package test: a systemd host (Debian 12 booted in a Berth container) with berth installed inside"
tree=$("$BERTH_SOURCE_DIR/tests/package/systemd-host-tree.sh" "$(ls "$debs"/berth_*.deb)") || exit 1
"$BERTH_SOURCE_DIR/tests/package/run.sh" "$debs" systemd-host.sh "$tree" || status=1
exit "$status"
