#include "runtime/container_rootfs.h"

#include "fs/idmapped_tree.h"
#include "runtime/idmapped_overlay.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

Result<UniqueFd> openUserns(pid_t child)
{
    const std::string path = "/proc/" + std::to_string(child) + "/ns/user";
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open the container's user namespace");
    return fd;
}

// nodev: the rootfs on disk may hold device nodes (debootstrap makes
// some), which the container's root must never open through it.
Result<UniqueFd> idmappedRoot(const std::filesystem::path& dir, int usernsFd)
{
    auto tree = fs::idmappedTree(dir, usernsFd, {.extraAttributes = MOUNT_ATTR_NODEV});
    if (!tree)
        return fail(tree.error().wrap("the rootfs is not chowned, so its file system must support idmapped "
                                      "mounts (or set berth.rootfs.shifted = 1 after shifting it)"));
    return tree;
}

} // namespace

Result<UniqueFd> rootfsMountFor(const LaunchPlan& plan, pid_t child)
{
    if (!plan.rootfsFromMonitor())
        return UniqueFd{};
    auto userns = openUserns(child);
    if (!userns)
        return fail(userns.error());
    if (!plan.overlay)
        return idmappedRoot(plan.rootfs, userns->get());
    if (auto owned = ownUpperByContainerRoot(*plan.overlay, plan.idMap); !owned)
        return fail(owned.error());
    auto lower = idmappedRoot(plan.overlay->lower, userns->get());
    if (!lower)
        return fail(lower.error());
    return overlayOfIdmappedLower(*plan.overlay, lower->get());
}

} // namespace berth::runtime

namespace berth::runtime {

Result<UniqueFd> hostNetworkSysfs()
{
    UniqueFd fsFd(::fsopen("sysfs", FSOPEN_CLOEXEC));
    if (!fsFd)
        return failErrno(errno, "open a sysfs for the container");
    if (::fsconfig(fsFd.get(), FSCONFIG_CMD_CREATE, nullptr, nullptr, 0) != 0)
        return failErrno(errno, "create a sysfs for the container");
    UniqueFd mount(::fsmount(fsFd.get(), FSMOUNT_CLOEXEC,
                             MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC));
    if (!mount)
        return failErrno(errno, "mount a sysfs for the container");
    return mount;
}

} // namespace berth::runtime
