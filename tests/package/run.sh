#!/bin/sh
# Installs Berth's Debian packages on a throwaway view of this machine, uses
# them as a member of group berth through the real bus and polkitd, removes
# and purges them, and checks that nothing of Berth is left.
#
# The view is an overlay of the root filesystem (upper layer on a tmpfs) in
# new mount, pid, network, uts, ipc and cgroup namespaces: dpkg and the
# maintainer scripts run for real and change only the overlay, whose upper
# layer afterwards lists exactly what the packages left behind. The pid
# namespace ends every process started inside; cgroups live under a parent
# of this test's own, removed at the end. The host's network, packages,
# users and any Berth installed on it are never touched.
#
# Usage: tests/package/run.sh DEB_DIR [TEST [INPUT]]
#   (root; DEB_DIR holds berth_*.deb and berth-gui_*.deb; TEST is the script
#   of this folder run inside, smoke.sh unless given; INPUT, a file or folder
#   read-only at /run/berth-pkgtest/input inside, is what TEST needs besides
#   the debs)
set -eu

[ "$(id -u)" -eq 0 ] || { echo "$0: run as root" >&2; exit 1; }
case $# in
    1 | 2 | 3) ;;
    *) echo "usage: $0 DEB_DIR [TEST [INPUT]]" >&2; exit 2 ;;
esac
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
deb_dir=$(CDPATH='' cd -- "$1" && pwd)
test=${2:-smoke.sh}
input=
[ $# -lt 3 ] || input=$(realpath -e -- "$3")
tag=berth-pkgtest-$$
work=$(mktemp -d /tmp/berth-pkgtest.XXXXXX)

# One cgroup of this test's own in every hierarchy, below the cgroup this
# script runs in. Prints the created directories.
make_cgroups() {
    while IFS=: read -r _ controllers path; do
        case "$controllers" in
            '') dir=/sys/fs/cgroup/unified; [ -d "$dir" ] || dir=/sys/fs/cgroup ;;
            *) dir=/sys/fs/cgroup/${controllers#name=} ;;
        esac
        [ -f "$dir/cgroup.procs" ] || continue
        mkdir "$dir${path%/}/$tag"
        # A v1 cpuset takes no process before it has CPUs and memory nodes.
        for file in cpuset.cpus cpuset.mems; do
            [ -f "$dir${path%/}/$file" ] && cat "$dir${path%/}/$file" >"$dir${path%/}/$tag/$file"
        done
        echo "$dir${path%/}/$tag"
    done </proc/self/cgroup
}

# Bottom-up, once the namespace's processes are gone (their exit is
# asynchronous to ours, so an emptying cgroup may briefly refuse).
remove_cgroups() {
    for cg in $cgroups; do
        [ -d "$cg" ] || continue
        tries=0
        until find "$cg" -depth -type d -exec rmdir {} + 2>/dev/null; do
            tries=$((tries + 1))
            [ "$tries" -lt 50 ] || { echo "$0: cannot remove cgroup $cg" >&2; return 1; }
            sleep 0.1
        done
    done
}

cgroups=$(make_cgroups)
trap 'remove_cgroups; rmdir "$work"' EXIT

status=0
BERTH_PKGTEST_CGROUPS=$cgroups sh -c '
    set -e
    for cg in $BERTH_PKGTEST_CGROUPS; do echo $$ >"$cg/cgroup.procs"; done
    exec unshare --mount --propagation private --pid --fork --net --uts --ipc --cgroup "$@"
' package-test "$here/namespace.sh" "$work" "$deb_dir" "$here" "$test" "$input" || status=$?

if [ "$status" -eq 0 ]; then
    echo "package test $test: passed"
else
    echo "package test $test: FAILED" >&2
fi
exit "$status"
