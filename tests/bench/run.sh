#!/bin/sh
# Runs the benchmarks (see README.md here): installs the reference
# runtimes (crun, lxc, hyperfine, podman, systemd-nspawn), builds Berth
# into build/ (or $BERTH_BUILD_DIR) and runs bench_start, then the others
# with their defaults. Arguments go to bench_start, e.g.
# `tests/bench/run.sh --runs 100`. Needs root.
set -eu

BERTH_SOURCE_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
. "$BERTH_SOURCE_DIR/scripts/lib.sh"

build_dir=${BERTH_BUILD_DIR:-$BERTH_SOURCE_DIR/build}

berth_require_root
berth_log "checking Debian packages (with the reference runtimes)"
"$BERTH_SOURCE_DIR/scripts/install-deps.sh" --bench
berth_configure "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBERTH_WERROR=ON \
    -DBUILD_TESTING=ON -DBERTH_BUILD_BENCH=ON
# Everything, not only bench_start: the engine starts berth-monitor and berth-init from the build.
berth_build "$build_dir"
berth_log "bench_start $*"
"$build_dir/tests/bench/bench_start" "$@"
berth_log "bench_create"
"$build_dir/tests/bench/bench_create"
berth_log "bench_helper"
"$build_dir/tests/bench/bench_helper"
berth_log "bench_images"
"$build_dir/tests/bench/bench_images"
berth_log "bench_cli"
"$build_dir/tests/bench/bench_cli"
berth_log "bench_stats"
"$build_dir/tests/bench/bench_stats"
berth_log "bench_gui_clicks"
"$build_dir/tests/bench/bench_gui_clicks"
berth_log "bench_gui"
exec "$build_dir/tests/bench/bench_gui"
