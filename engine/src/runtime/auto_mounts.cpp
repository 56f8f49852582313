#include "runtime/auto_mounts.h"

#include "fs/safe_path.h"
#include "runtime/mount_util.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>

namespace berth::runtime {

namespace {

constexpr unsigned long kHardened = MS_NOSUID | MS_NODEV | MS_NOEXEC;

// OCI runtime-spec defaults (config-linux.md, maskedPaths / readonlyPaths).
constexpr const char* kMaskedFiles[] = {
    "proc/kcore", "proc/keys", "proc/latency_stats", "proc/timer_list", "proc/timer_stats", "proc/sched_debug",
};
constexpr const char* kMaskedDirectories[] = {"proc/acpi", "proc/asound", "proc/scsi", "sys/firmware"};
constexpr const char* kReadOnlyPaths[] = {"proc/bus", "proc/fs", "proc/irq", "proc/sysrq-trigger"};

bool existsInRoot(int rootFd, const char* path, bool* isDir)
{
    auto fd = fs::openInRoot(rootFd, path, O_PATH | O_CLOEXEC);
    if (!fd)
        return false;
    struct stat st {};
    if (::fstat(fd->get(), &st) != 0)
        return false;
    *isDir = S_ISDIR(st.st_mode);
    return true;
}

// Binds `path` onto itself and remounts the new mount with `flags`.
Status rebindInPlace(int rootFd, const char* path, unsigned long flags)
{
    auto fd = fs::openInRoot(rootFd, path, O_PATH | O_CLOEXEC);
    if (!fd)
        return fail(fd.error().wrap(std::string("open '") + path + "'"));
    if (auto bound = bindInRoot(rootFd, path, fdPath(fd->get()), true, 0); !bound)
        return bound;
    return remountInRoot(rootFd, path, flags);
}

Status attachInRoot(int rootFd, const char* path, int mountFd)
{
    auto target = fs::openInRoot(rootFd, path, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (!target)
        return fail(target.error().wrap(std::string("open mount target '") + path + "'"));
    if (::move_mount(mountFd, "", target->get(), "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) != 0)
        return failErrno(errno, std::string("attach the monitor's mount on '") + path + "'");
    return {};
}

} // namespace

Status mountProc(int rootFd, AutoMountPlan::Proc mode, bool ownNetworkNamespace)
{
    if (mode == AutoMountPlan::Proc::None)
        return {};
    if (auto dir = ensureDirInRoot(rootFd, "proc", 0555); !dir)
        return dir;
    if (auto mounted = mountInRoot(rootFd, "proc", "proc", "proc", kHardened, nullptr); !mounted)
        return mounted;
    if (mode == AutoMountPlan::Proc::ReadWrite)
        return {};
    // mixed: the sysctls of the host's kernel must not be writable, but
    // those of a network namespace of the container's own may (as LXC):
    // the kernel shows a namespace other than the host's only its per-
    // namespace net sysctls, and keeps the host-wide ones for init_net.
    auto net = fs::openInRoot(rootFd, "proc/sys/net", O_PATH | O_CLOEXEC);
    if (auto readOnly = rebindInPlace(rootFd, "proc/sys", MS_RDONLY | kHardened); !readOnly || !ownNetworkNamespace)
        return readOnly;
    if (!net)
        return fail(net.error().wrap("open '/proc/sys/net'"));
    return bindInRoot(rootFd, "proc/sys/net", fdPath(net->get()), false, kHardened);
}

Status mountSys(int rootFd, AutoMountPlan::Sys mode, int monitorSysfs)
{
    if (mode == AutoMountPlan::Sys::None)
        return {};
    if (auto dir = ensureDirInRoot(rootFd, "sys", 0555); !dir)
        return dir;
    if (monitorSysfs >= 0)
        return attachInRoot(rootFd, "sys", monitorSysfs);
    const unsigned long ro = mode == AutoMountPlan::Sys::ReadOnly ? MS_RDONLY : 0;
    if (auto mounted = mountInRoot(rootFd, "sys", "sysfs", "sysfs", kHardened | ro, nullptr); !mounted)
        return mounted;
    if (mode != AutoMountPlan::Sys::Mixed)
        return {};
    // mixed: read-only, except that the container may configure its own
    // network devices; the superblock stays writable for that one subtree.
    if (auto remounted = remountInRoot(rootFd, "sys", MS_RDONLY | kHardened); !remounted)
        return remounted;
    bool isDir = false;
    if (!existsInRoot(rootFd, "sys/devices/virtual/net", &isDir))
        return {};
    return rebindInPlace(rootFd, "sys/devices/virtual/net", kHardened);
}

// In a container of its own user namespace this works too: the cgroup
// namespace the init unshared belongs to that user namespace, and mounting
// a hierarchy the host has already mounted needs CAP_SYS_ADMIN there only.
// There, who owns the files decides what it may write (cgroup/delegation.h):
// its own limit files stay closed under a read-write mount too.
Status mountCgroups(int rootFd, AutoMountPlan::Cgroup mode, const std::vector<CgroupMountSpec>& trees)
{
    if (mode == AutoMountPlan::Cgroup::None || trees.empty())
        return {};
    const unsigned long ro = mode == AutoMountPlan::Cgroup::ReadOnly ? MS_RDONLY : 0;
    // A unified-only host mounts cgroup2 right on /sys/fs/cgroup.
    if (trees.size() == 1 && trees.front().fstype == "cgroup2") {
        if (auto dir = ensureDirInRoot(rootFd, "sys/fs/cgroup"); !dir)
            return dir;
        return mountInRoot(rootFd, "sys/fs/cgroup", "cgroup2", "cgroup2", kHardened | ro, nullptr);
    }
    if (auto mounted = mountInRoot(rootFd, "sys/fs/cgroup", "cgroup_root", "tmpfs", kHardened, "mode=755,size=1024k");
        !mounted)
        return mounted;
    for (const CgroupMountSpec& tree : trees) {
        const std::string path = "sys/fs/cgroup/" + tree.directory;
        if (auto dir = ensureDirInRoot(rootFd, path); !dir)
            return dir;
        const char* data = tree.options.empty() ? nullptr : tree.options.c_str();
        if (auto mounted = mountInRoot(rootFd, path, tree.fstype.c_str(), tree.fstype.c_str(), kHardened | ro, data);
            !mounted)
            return mounted;
    }
    // The directory of mount points itself stays fixed.
    return remountInRoot(rootFd, "sys/fs/cgroup", MS_RDONLY | kHardened);
}

Status maskProcPaths(int rootFd)
{
    // The container's own /dev/null, so no host device mount shows inside.
    auto null = fs::openInRoot(rootFd, "dev/null", O_PATH | O_CLOEXEC);
    if (!null)
        return fail(null.error().wrap("open the container's /dev/null"));
    bool isDir = false;
    for (const char* path : kMaskedFiles)
        if (existsInRoot(rootFd, path, &isDir) && !isDir)
            if (auto masked = bindInRoot(rootFd, path, fdPath(null->get()), false, 0); !masked)
                return masked;
    for (const char* path : kMaskedDirectories)
        if (existsInRoot(rootFd, path, &isDir) && isDir)
            if (auto masked = mountInRoot(rootFd, path, "tmpfs", "tmpfs", MS_RDONLY | kHardened, "size=0"); !masked)
                return masked;
    for (const char* path : kReadOnlyPaths)
        if (existsInRoot(rootFd, path, &isDir))
            if (auto readOnly = rebindInPlace(rootFd, path, MS_RDONLY | kHardened); !readOnly)
                return readOnly;
    return {};
}

} // namespace berth::runtime
