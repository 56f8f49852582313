// lxc.mount.auto: /proc, /sys and the cgroup trees inside the container,
// plus the masking of /proc paths that OCI's defaults hide.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace berth::runtime {

struct AutoMountPlan {
    enum class Proc { None, Mixed, ReadWrite };
    enum class Sys { None, ReadOnly, Mixed, ReadWrite };
    enum class Cgroup { None, ReadOnly, ReadWrite };
    Proc proc = Proc::Mixed;
    Sys sys = Sys::ReadOnly;
    Cgroup cgroup = Cgroup::None;
    // sysfs may only be mounted by the owner of the network namespace: a
    // container in a user namespace of its own on the host's network gets
    // a read-only sysfs the monitor mounted (see container_rootfs.h).
    bool sysFromMonitor = false;
};

// One mounted cgroup hierarchy of the host, to mount again inside.
struct CgroupMountSpec {
    std::string directory; // name under /sys/fs/cgroup: "memory", "cpu,cpuacct", "systemd", "unified"
    std::string fstype;    // "cgroup" or "cgroup2"
    std::string options;   // "memory", "name=systemd", ""
};

// mixed: /proc/sys read-only but for net/ when the container has a
// network namespace of its own.
[[nodiscard]] Status mountProc(int rootFd, AutoMountPlan::Proc mode, bool ownNetworkNamespace);
// monitorSysfs: the monitor's detached sysfs to attach instead, or -1.
[[nodiscard]] Status mountSys(int rootFd, AutoMountPlan::Sys mode, int monitorSysfs);
// Needs the cgroup namespace entered, so each tree's root is the container's own cgroup.
[[nodiscard]] Status mountCgroups(int rootFd, AutoMountPlan::Cgroup mode, const std::vector<CgroupMountSpec>& trees);
// Hides kernel interfaces a container has no business reading (OCI defaults).
[[nodiscard]] Status maskProcPaths(int rootFd);

} // namespace berth::runtime
