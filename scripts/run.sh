#!/bin/sh
# The run command of README.md: installs what is missing, builds Berth into
# build/ (or $BERTH_BUILD_DIR) and shows how to use what exists. The GUI
# (issue #7) and the D-Bus helper with berthctl (issue #6) do not exist yet;
# once they do, this script starts the GUI.
set -eu

BERTH_SOURCE_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$BERTH_SOURCE_DIR/scripts/lib.sh"

build_dir=${BERTH_BUILD_DIR:-$BERTH_SOURCE_DIR/build}

berth_install_deps
berth_configure "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo
berth_build "$build_dir"

list_programs() {
    found=no
    for program in "$build_dir"/libexec/* "$build_dir"/helper/berth-helper \
        "$build_dir"/cli/berthctl "$build_dir"/gui/berth; do
        if [ -f "$program" ] && [ -x "$program" ]; then
            echo "  $program"
            found=yes
        fi
    done
    [ "$found" = yes ] || echo "  (none yet: berth-monitor and berth-init come with the engine's runtime)"
}

list_tests() {
    ctest --test-dir "$build_dir" -N --label-regex "^$1\$" | sed -n 's/^ *Test *#[0-9]*: /  /p'
}

berth_log "Berth is built in $build_dir"
cat <<INFO
Today Berth is its container engine (libberth-engine) and the engine's
tests: busybox system and application containers that are created,
started, stopped and destroyed for real, with cgroup limits changed live,
usage statistics, the freezer, a system check, and bridged networks with
DHCP, DNS, NAT and port forwards. The D-Bus helper and berthctl come with
issue #6, the GUI with issue #7.

Programs built:
INFO
list_programs
cat <<INFO

Engine tests (unit: no root; integration: root, real containers):
INFO
list_tests unit
list_tests integration
cat <<INFO

Try:
  ./scripts/test.sh                                    build with -Werror, run all tests (as root)
  ctest --test-dir $build_dir -L integration --output-on-failure
                                                       the engine's integration tests (as root)
  ctest --test-dir $build_dir -R NAME -V               one test, with its output
  ./tests/bench/run.sh                                 start latency next to crun and lxc-execute
INFO
