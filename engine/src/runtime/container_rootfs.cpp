#include "runtime/container_rootfs.h"

#include "fs/idmapped_tree.h"
#include "runtime/overlay_mount.h"
#include "runtime/upper_layer_owner.h"

#include <vector>

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

// Each lower (a snapshot's source, an image's layers) seen through the
// container's map, never chowned; the upper is the container's own.
Result<UniqueFd> overlayOfIdmappedLowers(const image::OverlayLayout& layout, int usernsFd)
{
    std::vector<UniqueFd> trees;
    std::vector<int> fds;
    for (const std::filesystem::path& lower : layout.lowers) {
        auto tree = idmappedRoot(lower, usernsFd);
        if (!tree)
            return fail(tree.error().wrap("overlay lower " + lower.string()));
        fds.push_back(tree->get());
        trees.push_back(std::move(*tree));
    }
    return overlayMount(layout, fds, MOUNT_ATTR_NODEV);
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
    if (auto owned = shiftUpperIntoBlock(*plan.overlay, plan.idMap); !owned)
        return fail(owned.error());
    return overlayOfIdmappedLowers(*plan.overlay, userns->get());
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
