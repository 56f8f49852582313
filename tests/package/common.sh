# shellcheck shell=sh
# Sourced by the scripts run inside the package test's overlay root
# (smoke.sh, systemd-host.sh); never run.

export PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
# shellcheck disable=SC2034 # used by the scripts that source this one
debs=/run/berth-pkgtest/debs
# What a test removed before installing, for leftovers.sh.
preexisting=/run/berth-pkgtest/preexisting
: >"$preexisting"

step() { printf '\n-- package test: %s\n' "$*"; }
fail() { echo "package test: FAILED: $*" >&2; exit 1; }
# Runs a command as USER with that user's groups and a clean environment.
as() {
    user=$1
    shift
    setpriv --reuid "$user" --regid "$user" --init-groups --reset-env "$@"
}
expect_absent() {
    for path in "$@"; do
        [ ! -e "$path" ] || fail "$path is still there"
    done
}
activatable() {
    dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.ListActivatableNames | grep -q '"org.berth.Berth1"'
}

# Files of a `cmake --install` to another prefix, and data of a helper that
# ran here: the packages must work without them, and leftovers.sh must not
# count their removal against the packages. Fails when dpkg knows Berth.
forget_berth_outside_dpkg() {
    for package in berth berth-gui; do
        state=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || echo not-installed)
        [ "$state" = not-installed ] || fail "dpkg knows $package ($state) on this machine; purge it before this test"
    done
    for path in $(find /usr/local /etc/dbus-1 /etc/polkit-1 /usr/share/dbus-1 /usr/share/polkit-1 \
        -iname '*berth*' -prune 2>/dev/null) /var/lib/berth /var/cache/berth /var/log/berth; do
        [ -e "$path" ] || continue
        dpkg -S "$path" >/dev/null 2>&1 && continue
        echo "$path" >>"$preexisting"
        rm -rf "$path"
    done
    if getent group berth >/dev/null; then
        groupdel berth
    fi
}
