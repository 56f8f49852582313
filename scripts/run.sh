#!/bin/sh
# The run command of README.md: installs what is missing, builds Berth into
# build/ (or $BERTH_BUILD_DIR), installs it (berthctl, the helper and its
# D-Bus and polkit files) under /usr/local, makes sure the system bus runs,
# shows berthctl talking to the helper, and launches the desktop
# application `berth`. On a machine without a display it starts Berth under
# Xvfb instead, with a busybox demo container running, saves a screenshot
# of each main view and says where they are.
set -eu

BERTH_SOURCE_DIR=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
. "$BERTH_SOURCE_DIR/scripts/lib.sh"

build_dir=${BERTH_BUILD_DIR:-$BERTH_SOURCE_DIR/build}
prefix=${BERTH_PREFIX:-/usr/local}

berth_require_root
berth_install_deps
# Only what runs: no tests, no benchmarks (test.sh builds them in the same
# directory later). The flags are test.sh's own, so that its build reuses
# every object compiled here.
berth_configure "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBERTH_WERROR=ON \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_TESTING=OFF -DBERTH_BUILD_BENCH=OFF
berth_build "$build_dir"

berth_log "installing into $prefix"
cmake --install "$build_dir" >/dev/null
# Members of this group may manage containers without a password (the
# polkit rules file installed above says so); add users with `adduser USER berth`.
getent group berth >/dev/null || groupadd --system berth

berth_log "system bus and polkitd"
"$BERTH_SOURCE_DIR/scripts/system-bus.sh"

berthctl="$prefix/bin/berthctl"
show() {
    berth_log "\$ berthctl $*"
    "$berthctl" "$@"
}
# Optional features (VLAN on this kind of host) may be missing: not fatal here.
show checkconfig || true
show template list
show list

launch_gui() {
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        # The desktop's user, not root, when run through sudo: the GUI never
        # needs root (members of group 'berth' may manage containers).
        if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
            berth_log "launching berth as $SUDO_USER (add them to group berth: adduser $SUDO_USER berth)"
            nohup runuser -u "$SUDO_USER" -- "$prefix/bin/berth" >/dev/null 2>&1 &
        else
            berth_log "launching berth"
            nohup "$prefix/bin/berth" >/dev/null 2>&1 &
        fi
        return
    fi
    # Headless: a demo container so that the views have something to show.
    shots="$build_dir/screenshots"
    berth_log "no display: berth under Xvfb, screenshots into $shots"
    "$berthctl" info berth-demo >/dev/null 2>&1 || "$berthctl" create berth-demo -t busybox
    [ "$("$berthctl" info berth-demo --json 2>/dev/null | sed -n 's/.*"state": *"\([a-z]*\)".*/\1/p')" = running ] \
        || "$berthctl" start berth-demo
    mkdir -p "$shots"
    xvfb-run -a -s "-screen 0 1280x800x24" "$prefix/bin/berth" --screenshots "$shots"
    berth_log "screenshots of Berth: $(ls "$shots" | tr '\n' ' ')in $shots"
    berth_log "berth-demo keeps running; 'berthctl stop berth-demo && berthctl destroy berth-demo' removes it"
}
launch_gui

cat <<INFO

Berth is installed: berthctl talks over the system bus to berth-helper,
which D-Bus starts on demand and polkit authorizes (root, and members of
group 'berth', may manage containers). Try:

  berthctl create demo -t busybox            a busybox system container, unprivileged (its own user namespace)
  berthctl create app -t busybox --app -- sleep 1d   an application container
  berthctl create old -t busybox --privileged   root inside is host root: an administrator's (docs/security.md)
  berthctl start demo && berthctl console demo     (Ctrl-a q detaches)
  berthctl exec demo -- ps                   a command inside it
  berthctl limits demo --memory 64M --cpus 0.5
  berthctl stats
  berthctl create deb -t debian -o release=bookworm     Debian by debootstrap (cached)
  berthctl run --rm -it busybox -- sh        an application container, like docker run
  berthctl stop demo && berthctl destroy demo
  berthctl --help                            every command; berthctl COMMAND --help

Tests: ./scripts/test.sh (as root). Benchmarks: ./tests/bench/run.sh.
INFO
