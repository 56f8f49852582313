#!/bin/sh
# Runs inside the package test's overlay root (see run.sh): the systemd
# host. Installs berth here, boots the Debian 12 tree of
# systemd-host-tree.sh (the archive read-only at /run/berth-pkgtest/input) as
# a privileged Berth system container with systemd as init and no network,
# installs berth inside it with dpkg -i from the same .deb, and runs a nested
# busybox container there through the installed berthctl, the container's
# own bus and its D-Bus-activated helper: the nested monitor must be in a
# delegated scope under machine.slice, machinectl must list it, its limits
# must be in the scope's cgroups, and all of it must be gone after stop.
set -eu

. /run/berth-pkgtest/tests/common.sh
outer=sdhost
nested=inner
tree=/run/berth-pkgtest/input

# Runs a command inside the systemd host, as root there.
inside() { berthctl exec "$outer" -- "$@"; }

step "install berth here (a bus first: the helper is D-Bus-activated)"
forget_berth_outside_dpkg
mkdir -p /run/dbus
dbus-daemon --system --fork
apt-get install -y "$debs"/berth_*.deb

step "create $outer from the Debian 12 tree with systemd (privileged: nested Berth needs real root)"
berthctl create "$outer" -t tarball --file "$tree" --privileged --system
# The bus activates the helper through the setuid dbus-daemon-launch-helper,
# which no_new_privs would leave without root. The nested container, in a
# user namespace of its own, gets a new /proc and /sys only where one of
# each is fully visible, and the outer ones have covered parts (/proc/sys,
# the masked files): LXC's nesting.conf mounts whole ones under /dev/.lxc.
berthctl config "$outer" get >/tmp/outer.config
echo 'lxc.no_new_privs = 0' >>/tmp/outer.config
echo 'lxc.mount.entry = proc dev/.lxc/proc proc create=dir,optional 0 0' >>/tmp/outer.config
echo 'lxc.mount.entry = sys dev/.lxc/sys sysfs create=dir,optional 0 0' >>/tmp/outer.config
berthctl config "$outer" set /tmp/outer.config
# The .deb inside the rootfs before the start: the container has no network.
rootfs=/var/lib/berth/containers/$outer/rootfs
[ -d "$rootfs/usr/lib/systemd" ] || fail "$rootfs holds no systemd"
mkdir -p "$rootfs/root/debs"
cp "$debs"/berth_*.deb "$rootfs/root/debs/"

step "boot $outer: systemd as PID 1 reaches running (or degraded, with the failed units shown)"
berthctl start "$outer"
# systemctl answers once systemd made its private socket; then it waits for
# the boot's end itself.
tries=0
until state=$(inside systemctl is-system-running --wait 2>/dev/null) || [ -n "$state" ]; do
    tries=$((tries + 1))
    [ "$tries" -lt 120 ] || break
    sleep 0.5
done
echo "system state: $state"
inside systemctl --failed --no-pager || true
case "$state" in
    running | degraded) ;;
    *) berthctl logs "$outer" || true; fail "systemd in $outer did not finish booting: '$state'" ;;
esac
[ "$(inside readlink /proc/1/exe)" = /usr/lib/systemd/systemd ] || fail "PID 1 of $outer is not systemd"

step "inside $outer: dpkg -i berth (the real postinst), the bus knows the helper"
inside sh -c 'dpkg -i /root/debs/berth_*.deb'
inside dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.ListActivatableNames | grep -q '"org.berth.Berth1"' ||
    fail "the bus of $outer does not know org.berth.Berth1 after the install"

step "inside $outer: berthctl checkconfig names the layout and systemd's delegation"
rc=0
inside berthctl checkconfig >/tmp/checkconfig || rc=$?
cat /tmp/checkconfig
[ "$rc" -le 1 ] || fail "berthctl checkconfig in $outer exited $rc"
grep -Eq '^Control group version +ok +hybrid' /tmp/checkconfig || fail "checkconfig in $outer does not report the hybrid layout"
# checkconfig names systemd's delegated scope and the v1 device control (issue #17).
grep -Eq '^Cgroup delegation .*systemd.*machine\.slice' /tmp/checkconfig ||
    fail "checkconfig in $outer does not say systemd delegates a scope in machine.slice"
grep -Eq '^Device control method .*devices controller' /tmp/checkconfig ||
    fail "checkconfig in $outer does not name the v1 devices controller as its device control"

step "inside $outer: busybox container $nested with --memory 64M --pids 50, started"
inside berthctl create "$nested" --template busybox --app -- sleep 3600
inside berthctl limits "$nested" --memory 64M --pids 50
inside berthctl start "$nested"
inside berthctl list | grep -E "^$nested +running" >/dev/null || fail "$nested is not running in $outer"
[ "$(inside berthctl exec "$nested" -- /bin/echo nested)" = nested ] || fail "exec in $nested did not run"
# Unprivileged, as every container by default: its root is not the outer's.
# shellcheck disable=SC2046 # the map line is meant to split into its fields
set -- $(inside berthctl exec "$nested" -- cat /proc/self/uid_map)
[ "$1" = 0 ] && [ "$2" != 0 ] || fail "$nested has no user namespace of its own (uid_map: $*)"

step "its monitor is in a delegated scope under machine.slice"
scope=berth-$nested.scope
inside systemctl show "$scope" >/tmp/scope
grep -E '^(Delegate|ControlGroup|ActiveState)=' /tmp/scope
grep -qx 'Delegate=yes' /tmp/scope || fail "$scope is not delegated"
grep -qx 'ActiveState=active' /tmp/scope || fail "$scope is not active"
grep -qx "ControlGroup=/machine.slice/$scope" /tmp/scope || fail "$scope is not under machine.slice"

step "machinectl lists $nested"
inside machinectl list --no-legend --no-pager | tee /tmp/machines
grep -Eq "^$nested " /tmp/machines || fail "machinectl does not list $nested"

step "the limits are in the container's cgroup under the scope"
group=machine.slice/$scope/$nested
if inside test -d /sys/fs/cgroup/memory; then
    memory=/sys/fs/cgroup/memory/$group/memory.limit_in_bytes pids=/sys/fs/cgroup/pids/$group/pids.max
else
    memory=/sys/fs/cgroup/$group/memory.max pids=/sys/fs/cgroup/$group/pids.max
fi
[ "$(inside cat "$memory")" = 67108864 ] || fail "$memory is $(inside cat "$memory"), not 64M"
[ "$(inside cat "$pids")" = 50 ] || fail "$pids is $(inside cat "$pids"), not 50"

step "after stop: no scope, no machine, no cgroup"
inside berthctl stop "$nested"
load=$(inside systemctl show -P LoadState "$scope")
[ "$load" = not-found ] || fail "$scope is still loaded ($load) after stop"
! inside machinectl status "$nested" >/dev/null 2>&1 || fail "machinectl still knows $nested after stop"
for dir in $(inside find /sys/fs/cgroup -maxdepth 3 -type d -name "$scope"); do
    fail "$dir is still there after stop"
done
inside berthctl destroy "$nested"

step "stop and destroy $outer"
berthctl stop "$outer"
berthctl destroy "$outer"
