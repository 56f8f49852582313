#include "runtime/mount_entries.h"

#include "fs/safe_path.h"
#include "runtime/mount_util.h"

#include <cerrno>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>

namespace berth::runtime {

namespace {

Status createTarget(int rootFd, const MountRequest& entry)
{
    if (entry.createDir)
        return ensureDirInRoot(rootFd, entry.target, 0755);
    if (entry.createFile) {
        // The parent must exist first, as LXC's create=file does.
        const auto slash = entry.target.rfind('/');
        if (slash != std::string::npos)
            if (auto parent = ensureDirInRoot(rootFd, entry.target.substr(0, slash), 0755); !parent)
                return parent;
        return ensureFileInRoot(rootFd, entry.target, 0644);
    }
    return {};
}

// Kernel filesystems that show or change the host (statfs f_type). Berth's
// own /proc, /sys and cgroup trees are mounted before the entries, read-only
// where it matters: a second, plain view of them would undo that.
bool isKernelFs(const struct statfs& st)
{
    static constexpr unsigned long kMagic[] = {
        PROC_SUPER_MAGIC, SYSFS_MAGIC,   CGROUP_SUPER_MAGIC, CGROUP2_SUPER_MAGIC, DEBUGFS_MAGIC,
        SECURITYFS_MAGIC, TRACEFS_MAGIC, BPF_FS_MAGIC,       PSTOREFS_MAGIC,      EFIVARFS_MAGIC,
        BINFMTFS_MAGIC,   NSFS_MAGIC,    SELINUX_MAGIC,      HUGETLBFS_MAGIC,     0x62656570 /* configfs */,
        0x65735543 /* fusectl */};
    for (unsigned long magic : kMagic)
        if (static_cast<unsigned long>(st.f_type) == magic)
            return true;
    return false;
}

// A source inside the rootfs resolves there (its symlinks cannot reach the
// host) and must be the container's own files, not a kernel filesystem
// mounted there (the container's /proc is the host's kernel). A host source
// is opened as given. Opened here, after the mount namespace was unshared,
// so the kernel accepts it as a bind source.
Result<UniqueFd> openBindSource(int rootFd, const MountRequest& entry)
{
    if (entry.sourceInRootfs) {
        auto fd = fs::openInRoot(rootFd, entry.source, O_PATH | O_CLOEXEC);
        if (!fd)
            return fail(fd.error().wrap("bind source '" + entry.source + "' in the rootfs"));
        struct statfs st {};
        if (::fstatfs(fd->get(), &st) != 0)
            return failErrno(errno, "statfs of bind source '" + entry.source + "'");
        if (isKernelFs(st))
            return failWith(EPERM, "bind source '" + entry.source +
                                       "' in the rootfs is on a kernel filesystem "
                                       "(proc, sysfs, cgroup, ...) that reaches the host");
        return fd;
    }
    UniqueFd fd(::open(entry.source.c_str(), O_PATH | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "bind source '" + entry.source + "'");
    return fd;
}

Status applyPropagation(int rootFd, const MountRequest& entry)
{
    if (entry.propagation == 0)
        return {};
    auto target = fs::openInRoot(rootFd, entry.target, O_PATH | O_CLOEXEC);
    if (!target)
        return fail(target.error());
    if (::mount(nullptr, fdPath(target->get()).c_str(), nullptr, entry.propagation, nullptr) != 0)
        return failErrno(errno, "set propagation of '" + entry.target + "'");
    return {};
}

Status applyOne(int rootFd, const MountRequest& entry)
{
    // Strict resolution first, so an escaping target fails before any change.
    if (auto beneath = fs::openBeneath(rootFd, entry.target, O_PATH | O_CLOEXEC);
        !beneath && beneath.error().code == EXDEV)
        return fail(beneath.error());
    if (auto created = createTarget(rootFd, entry); !created)
        return created;
    auto target = fs::openBeneath(rootFd, entry.target, O_PATH | O_CLOEXEC);
    if (!target)
        return fail(target.error().wrap("mount target '" + entry.target + "'"));
    if (entry.bind) {
        auto source = openBindSource(rootFd, entry);
        if (!source)
            return fail(source.error());
        if (auto bound = bindInRoot(rootFd, entry.target, fdPath(source->get()), entry.recursive, entry.flags); !bound)
            return bound;
    } else {
        const char* data = entry.data.empty() ? nullptr : entry.data.c_str();
        if (auto mounted =
                mountInRoot(rootFd, entry.target, entry.source.c_str(), entry.fstype.c_str(), entry.flags, data);
            !mounted)
            return mounted;
    }
    return applyPropagation(rootFd, entry);
}

} // namespace

Status applyMountEntries(int rootFd, const std::vector<MountRequest>& entries)
{
    for (const MountRequest& entry : entries) {
        auto applied = applyOne(rootFd, entry);
        if (!applied && !entry.optional)
            return fail(applied.error().wrap("lxc.mount.entry '" + entry.target + "'"));
    }
    return {};
}

} // namespace berth::runtime
