#!/bin/sh
# Makes sure a system D-Bus bus runs, and that polkitd answers on it, on a
# host without an init system that starts them (containers, CI machines).
# A bus that answers is left alone: it is only asked to reload its config
# (so freshly installed policy and activation files take effect). polkitd
# is bus-activated by the first call to it.
#
# Usage: scripts/system-bus.sh        (as root)
set -eu

SOCKET=/run/dbus/system_bus_socket
PIDFILE=/run/dbus/pid

bus_answers() {
    dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetId >/dev/null 2>&1
}

# A dbus-daemon that is alive but does not answer must not get a second one
# beside it: stop and say so instead.
check_pidfile() {
    [ -f "$PIDFILE" ] || return 0
    pid=$(cat "$PIDFILE" 2>/dev/null || true)
    case "$pid" in
        '' | *[!0-9]*) ;;
        *)
            # A zombie (state Z) keeps its name until it is reaped: it is gone all the same.
            state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)
            if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dbus-daemon ] && [ -n "$state" ] && [ "$state" != Z ]; then
                echo "$0: dbus-daemon $pid runs but does not answer on $SOCKET; not starting another" >&2
                exit 1
            fi
            ;;
    esac
    # Left behind by a daemon that ended (dbus-daemon does not remove it).
    rm -f "$PIDFILE"
}

start_bus() {
    check_pidfile
    [ -S "$SOCKET" ] && rm -f "$SOCKET"
    mkdir -p /run/dbus
    pid=$(dbus-daemon --system --fork --print-pid)
    echo "system bus: started dbus-daemon $pid"
}

if [ "$(id -u)" -ne 0 ]; then
    echo "$0: run this as root" >&2
    exit 1
fi

if bus_answers; then
    dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.ReloadConfig >/dev/null
    echo "system bus: running (config reloaded)"
else
    start_bus
    bus_answers || { echo "$0: the system bus does not answer after starting it" >&2; exit 1; }
fi

# Activates polkitd when it is not running yet, and proves it answers.
if dbus-send --system --print-reply --dest=org.freedesktop.PolicyKit1 /org/freedesktop/PolicyKit1/Authority \
    org.freedesktop.DBus.Properties.Get string:org.freedesktop.PolicyKit1.Authority string:BackendName >/dev/null; then
    echo "polkitd: running"
else
    echo "$0: polkitd does not answer on the system bus" >&2
    exit 1
fi
