#include "runtime/shared_folders.h"

#include "fs/idmapped_tree.h"
#include "fs/safe_path.h"
#include "security/user_namespace.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

std::string folderName(const model::SharedFolder& share)
{
    return "shared folder '" + share.hostPath + "'";
}

std::string openProblem(int err)
{
    switch (err) {
    case ELOOP:
        return "a symlink is on its path (only the folder itself is shared, never where a link points)";
    case ENOENT:
        return "it no longer exists";
    case ENOTDIR:
        return "it is no longer a directory";
    default:
        return std::strerror(err);
    }
}

Status checkOwner(const model::SharedFolder& share, int fd)
{
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return failErrno(errno, "stat of " + folderName(share));
    if (!S_ISDIR(st.st_mode))
        return failWith(ENOTDIR, folderName(share) + ": it is no longer a directory");
    if (st.st_uid != share.ownerUid || st.st_gid != share.ownerGid)
        return failWith(EPERM, folderName(share) + ": it is now owned by " + std::to_string(st.st_uid) + ":" +
                                   std::to_string(st.st_gid) + ", not by " + std::to_string(share.ownerUid) + ":" +
                                   std::to_string(share.ownerGid) + " who shared it");
    return {};
}

} // namespace

Result<model::IdMap> shareIdMap(const model::SharedFolder& share, const model::IdMap& containerMap)
{
    auto hostUid = containerMap.empty() ? share.insideUid : containerMap.toHost(model::IdKind::User, share.insideUid);
    auto hostGid = containerMap.empty() ? share.insideGid : containerMap.toHost(model::IdKind::Group, share.insideGid);
    if (!hostUid || !hostGid)
        return failWith(EINVAL, folderName(share) + ": its inside IDs are not in the container's lxc.idmap");
    model::IdMap map;
    map.entries.push_back({model::IdKind::User, share.ownerUid, *hostUid, 1});
    map.entries.push_back({model::IdKind::Group, share.ownerGid, *hostGid, 1});
    return map;
}

Result<UniqueFd> openSharedFolder(const model::SharedFolder& share)
{
    open_how how{};
    how.flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    const long fd = ::syscall(SYS_openat2, AT_FDCWD, share.hostPath.c_str(), &how, sizeof how);
    if (fd < 0) {
        const int err = errno;
        return failWith(err, folderName(share) + " is not shared: " + openProblem(err));
    }
    UniqueFd folder(static_cast<int>(fd));
    if (auto owner = checkOwner(share, folder.get()); !owner)
        return fail(owner.error().wrap("not sharing it"));
    return folder;
}

Result<std::vector<SharedTree>> prepareSharedFolders(const std::vector<model::SharedFolder>& shares,
                                                     const model::IdMap& containerMap)
{
    std::vector<SharedTree> trees;
    for (const model::SharedFolder& share : shares) {
        auto map = shareIdMap(share, containerMap);
        if (!map)
            return fail(map.error());
        auto folder = openSharedFolder(share);
        if (!folder)
            return fail(folder.error());
        auto userns = security::makeIdmapUserNamespace(*map);
        if (!userns)
            return fail(userns.error().wrap(folderName(share)));
        auto tree = fs::idmappedTree(folder->get(), userns->get(),
                                     {.recursive = false, .extraAttributes = MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV});
        if (!tree)
            return fail(tree.error().wrap(folderName(share)));
        trees.push_back({std::move(*tree), share.target, share.hostPath});
    }
    return trees;
}

std::vector<SharedMount> sharedMountsOf(const std::vector<SharedTree>& trees)
{
    std::vector<SharedMount> mounts;
    for (const SharedTree& tree : trees)
        mounts.push_back({tree.tree.get(), tree.target, tree.hostPath});
    return mounts;
}

Status attachSharedFolders(int rootFd, const std::vector<SharedMount>& mounts)
{
    for (const SharedMount& mount : mounts) {
        const std::string where = "shared folder '" + mount.hostPath + "' at '" + mount.target + "'";
        const std::string relative = mount.target.substr(1);
        // Strict resolution first, so an escaping target fails before anything is created.
        if (auto beneath = fs::openBeneath(rootFd, relative, O_PATH | O_CLOEXEC);
            !beneath && beneath.error().code == EXDEV)
            return fail(beneath.error().wrap(where));
        if (auto created = fs::mkdirInRoot(rootFd, relative, 0755); !created)
            return fail(created.error().wrap(where));
        auto target = fs::openBeneath(rootFd, relative, O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (!target)
            return fail(target.error().wrap(where));
        if (::move_mount(mount.treeFd, "", target->get(), "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) != 0)
            return failErrno(errno, "attach " + where);
    }
    return {};
}

} // namespace berth::runtime
