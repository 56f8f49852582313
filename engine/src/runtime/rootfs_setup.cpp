#include "runtime/rootfs_setup.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::runtime {

Result<UniqueFd> prepareRootfs(const std::filesystem::path& rootfs)
{
    // Slave, not private: host mounts made later still reach the container,
    // the container's own never reach the host.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_SLAVE, nullptr) != 0)
        return failErrno(errno, "make mounts private");
    UniqueFd dir(::open(rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open rootfs " + rootfs.string());
    const std::string self = "/proc/self/fd/" + std::to_string(dir.get());
    if (::mount(self.c_str(), self.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0)
        return failErrno(errno, "bind mount rootfs " + rootfs.string());
    // Reopen: the fd above names the directory below the new mount.
    UniqueFd mounted(::open(rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!mounted)
        return failErrno(errno, "open rootfs " + rootfs.string());
    return mounted;
}

Result<UniqueFd> attachRootfs(UniqueFd mount, int rootfsDirFd)
{
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_SLAVE, nullptr) != 0)
        return failErrno(errno, "make mounts private");
    if (::move_mount(mount.get(), "", rootfsDirFd, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) != 0)
        return failErrno(errno, "attach the rootfs mount");
    // The fd names the root of the mount, now attached.
    return mount;
}

Result<UniqueFd> cloneTree(int dirFd)
{
    UniqueFd tree(::open_tree(dirFd, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE));
    if (!tree)
        return failErrno(errno, "bind the rootfs");
    return tree;
}

Status remountReadOnly(int rootFd)
{
    struct statvfs st {};
    if (::fstatvfs(rootFd, &st) != 0)
        return failErrno(errno, "read the rootfs mount's flags");
    // A bind remount replaces the mount's flags: carry the present ones over.
    unsigned long flags = MS_REMOUNT | MS_BIND | MS_RDONLY;
    const std::pair<unsigned long, unsigned long> kept[] = {{ST_NOSUID, MS_NOSUID},         {ST_NODEV, MS_NODEV},
                                                            {ST_NOEXEC, MS_NOEXEC},         {ST_NOATIME, MS_NOATIME},
                                                            {ST_NODIRATIME, MS_NODIRATIME}, {ST_RELATIME, MS_RELATIME}};
    for (const auto& [statFlag, mountFlag] : kept)
        if (st.f_flag & statFlag)
            flags |= mountFlag;
    const std::string self = "/proc/self/fd/" + std::to_string(rootFd);
    if (::mount(nullptr, self.c_str(), nullptr, flags, nullptr) != 0)
        return failErrno(errno, "make the rootfs read-only");
    return {};
}

Status pivotInto(int rootFd)
{
    if (::fchdir(rootFd) != 0)
        return failErrno(errno, "enter rootfs");
    // pivot_root(".", ".") stacks the old root on top of the new one; the
    // detach below then leaves only the new root visible.
    if (::syscall(SYS_pivot_root, ".", ".") != 0)
        return failErrno(errno, "pivot_root");
    if (::umount2(".", MNT_DETACH) != 0)
        return failErrno(errno, "detach the old root");
    if (::chdir("/") != 0)
        return failErrno(errno, "chdir /");
    return {};
}

} // namespace berth::runtime
