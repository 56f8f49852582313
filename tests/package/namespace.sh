#!/bin/sh
# PID 1 of the package test's namespaces (see run.sh): builds the overlay
# root, runs TEST in it (pivot_root), then, after smoke.sh, checks the upper
# layer with leftovers.sh. Everything it mounts or starts ends with it.
#
# Usage: namespace.sh WORK_DIR DEB_DIR TEST_DIR TEST INPUT ('' for none)
set -eu

work=$1 deb_dir=$2 tests=$3 test=$4 input=$5
root=$work/root

mount -t tmpfs -o mode=700 berth-pkgtest "$work"
mkdir "$work/upper" "$work/work" "$root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$work/upper,workdir=$work/work" "$root"

mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t sysfs sysfs "$root/sys"
# The cgroup hierarchies mounted afresh: inside the cgroup namespace they
# are rooted at this test's own cgroups.
mount -t tmpfs -o mode=755 cgroup-root "$root/sys/fs/cgroup"
awk '$5 ~ "^/sys/fs/cgroup/" { split($0, parts, " - "); split(parts[2], f, " "); print $5, f[1], f[3] }' \
    /proc/self/mountinfo |
    while read -r mountpoint fstype options; do
        mkdir -p "$root$mountpoint"
        # nsdelegate is for the initial cgroup namespace only.
        mount -t "$fstype" -o "$(echo "$options" | sed 's/,nsdelegate//')" "$fstype" "$root$mountpoint"
    done
for link in /sys/fs/cgroup/*; do
    [ -L "$link" ] && ln -s "$(readlink "$link")" "$root$link"
done
mount -t tmpfs -o mode=755 run "$root/run"
mount -t tmpfs -o mode=1777 tmp "$root/tmp"

# The packages and these scripts, read-only, outside the overlay's layers.
mkdir -p "$root/run/berth-pkgtest/debs" "$root/run/berth-pkgtest/tests"
mount --bind "$deb_dir" "$root/run/berth-pkgtest/debs"
mount -o remount,bind,ro "$root/run/berth-pkgtest/debs"
mount --bind "$tests" "$root/run/berth-pkgtest/tests"
mount -o remount,bind,ro "$root/run/berth-pkgtest/tests"
if [ -n "$input" ]; then
    if [ -d "$input" ]; then mkdir "$root/run/berth-pkgtest/input"; else : >"$root/run/berth-pkgtest/input"; fi
    mount --bind "$input" "$root/run/berth-pkgtest/input"
    mount -o remount,bind,ro "$root/run/berth-pkgtest/input"
fi

hostname berth-pkgtest
ip link set lo up

# pivot_root, not chroot: the kernel refuses a new user namespace to a
# chrooted process, and every unprivileged container needs one.
unshare --mount --propagation private /bin/sh -c \
    'cd "$1" && pivot_root . . && umount -l . && cd / && exec /bin/sh "/run/berth-pkgtest/tests/$2"' \
    pivot "$root" "$test"
# Only the smoke test purges the packages; what it leaves is its result.
[ "$test" != smoke.sh ] || "$tests/leftovers.sh" "$work/upper" "$root/run/berth-pkgtest/preexisting"
