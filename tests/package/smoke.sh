#!/bin/sh
# Runs inside the package test's overlay root (see run.sh): starts a system
# bus, installs the packages with apt, uses Berth as a member of group berth
# through that bus and the real polkitd, checks a stranger is refused,
# removes and purges the packages, and checks each step's result.
set -eu

. /run/berth-pkgtest/tests/common.sh
container=pkg-smoke

# No process runs a program of Berth (the helper, a monitor, berthctl).
expect_no_berth_process() {
    for exe in /proc/[0-9]*/exe; do
        target=$(readlink "$exe" 2>/dev/null) || continue
        case "$target" in
            */berth*) fail "a process still runs $target (${exe%/exe})" ;;
        esac
    done
}

step "forget any Berth this machine has outside dpkg (in the overlay only)"
forget_berth_outside_dpkg

step "start a system bus before the install (postinst must make it read Berth's policy)"
mkdir -p /run/dbus
dbus-daemon --system --fork
! activatable || fail "org.berth.Berth1 is activatable before the install"

step "install berth and berth-gui with apt (dependencies from the machine's apt sources)"
apt-get install -y "$debs"/berth_*.deb "$debs"/berth-gui_*.deb
getent group berth >/dev/null || fail "postinst did not create the group berth"
activatable || fail "the bus does not know org.berth.Berth1 after the install"
for path in /usr/bin/berth /usr/bin/berthctl /usr/libexec/berth/berthctl-full /usr/libexec/berth/berth-helper \
    /usr/libexec/berth/berth-monitor \
    /usr/libexec/berth/berth-init /usr/share/dbus-1/system.d/org.berth.Berth1.conf \
    /usr/share/polkit-1/actions/org.berth.policy /usr/share/polkit-1/rules.d/50-berth.rules \
    /usr/share/man/man1/berthctl.1.gz /usr/share/man/man1/berth.1.gz \
    /usr/share/bash-completion/completions/berthctl /usr/lib/systemd/system/berth-autostart.service; do
    [ -e "$path" ] || fail "$path is not installed"
done
[ -L /etc/systemd/system/multi-user.target.wants/berth-autostart.service ] ||
    fail "postinst did not enable berth-autostart.service"
desktop-file-validate /usr/share/applications/org.berth.Berth.desktop
appstreamcli validate --no-net /usr/share/metainfo/org.berth.Berth.metainfo.xml

step "users: pkg-member in group berth, pkg-stranger in no group of Berth"
useradd --no-create-home --groups berth pkg-member
useradd --no-create-home pkg-stranger

step "as pkg-member: checkconfig, a bridge, busybox (application) create, start, exec, stop, destroy"
# Exit 1 only says an optional feature is missing (802.1Q here, for one).
rc=0
as pkg-member berthctl checkconfig >/tmp/checkconfig || rc=$?
cat /tmp/checkconfig
[ "$rc" -le 1 ] || fail "berthctl checkconfig exited $rc"
grep -Eq '^PID namespace +ok' /tmp/checkconfig || fail "checkconfig does not report the pid namespace ok"
as pkg-member berthctl bridge create pkgbr0 --address 10.0.213.1/24
# A privileged container (no user namespace) is root on the host: only root
# or an administrator makes one (docs/security.md); the member gets exit 3.
rc=0
as pkg-member berthctl create sysbox --template busybox --network pkgbr0 --privileged || rc=$?
[ "$rc" -eq 3 ] || fail "pkg-member's privileged container create exited $rc, not 3 (not authorized)"
as pkg-member berthctl create "$container" --template busybox --network pkgbr0 --app -- sleep 3600
as pkg-member berthctl start "$container"
as pkg-member berthctl list | grep -E "^$container +running" >/dev/null ||
    fail "$container is not listed as running: $(as pkg-member berthctl list)"
[ "$(as pkg-member berthctl exec "$container" -- /bin/echo inside)" = inside ] ||
    fail "exec in $container did not run"
as pkg-member berthctl stop "$container"
as pkg-member berthctl destroy "$container"
[ -z "$(as pkg-member berthctl list --names)" ] || fail "a container is left after destroy"
# Marked for autostart and started by `berthctl autostart` (what the
# unit runs at boot), it still runs while the packages go: prerm stops it.
as pkg-member berthctl create last --template busybox --network pkgbr0 --app -- sleep 3600
as pkg-member berthctl config last get >/tmp/last.config
echo 'lxc.start.auto = 1' >>/tmp/last.config
as pkg-member berthctl config last set /tmp/last.config
berthctl autostart
berthctl list | grep -E "^last +running" >/dev/null || fail "berthctl autostart did not start 'last'"

step "as pkg-stranger: reading allowed, creating refused (exit 3)"
as pkg-stranger berthctl list >/dev/null
rc=0
as pkg-stranger berthctl create stranger --template busybox || rc=$?
[ "$rc" -eq 3 ] || fail "pkg-stranger's create exited $rc, not 3 (not authorized)"

step "remove: programs and system files go, the helper ends, user data stays"
apt-get remove -y berth-gui berth
expect_absent /usr/bin/berth /usr/bin/berthctl /usr/libexec/berth /usr/share/dbus-1/system.d/org.berth.Berth1.conf \
    /usr/share/polkit-1/rules.d/50-berth.rules /usr/share/applications/org.berth.Berth.desktop
expect_no_berth_process
! activatable || fail "org.berth.Berth1 is still activatable after removal"
[ -d /var/lib/berth/containers/last ] || fail "removal deleted a container (user data goes only on purge)"
! ip link show pkgbr0 >/dev/null 2>&1 || fail "the bridge pkgbr0 is still up after removal"
! nft list table inet berth >/dev/null 2>&1 || fail "table inet berth is still there after removal"
for comm in /proc/[0-9]*/comm; do
    [ "$(cat "$comm" 2>/dev/null)" != dnsmasq ] || fail "a dnsmasq still runs after removal (${comm%/comm})"
done

step "purge: user data and the group go"
apt-get purge -y berth-gui berth
expect_absent /var/lib/berth /var/cache/berth /var/log/berth /run/berth /run/berth-dns
! getent group berth >/dev/null || fail "purge left the group berth"
for package in berth berth-gui; do
    state=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || echo not-installed)
    [ "$state" = not-installed ] || fail "dpkg still has $package ($state)"
done
expect_no_berth_process
