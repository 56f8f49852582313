#!/bin/sh
# The test command of README.md, and the first half of .ci/run: installs
# what is missing, builds with warnings as errors into build/ (or
# $BERTH_BUILD_DIR), and runs every test label except bench.
# Needs root: the integration tests start real containers.
set -eu

BERTH_SOURCE_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$BERTH_SOURCE_DIR/scripts/lib.sh"

build_dir=${BERTH_BUILD_DIR:-$BERTH_SOURCE_DIR/build}

berth_require_root
berth_install_deps
# Tests and benchmarks (not run here, but built, so they compile): run.sh
# may have configured this directory without them.
berth_configure "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBERTH_WERROR=ON -DBUILD_TESTING=ON \
    -DBERTH_BUILD_BENCH=ON
berth_build "$build_dir"
# Every label but bench: unit and integration today, system and gui as
# those suites arrive. Benchmarks measure, they do not pass or fail.
berth_ctest "$build_dir" --label-exclude '^bench$'
berth_log "all tests passed"
