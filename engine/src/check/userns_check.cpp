// The "User namespaces" group: Berth's ID range, how this host gives a
// container's rootfs its owners, and whether root can make a mapped user
// namespace.
#include "check/check_groups.h"
#include "fs/host_files.h"

#include "berth/model/id_map.h"
#include "idmap/block_choice.h"
#include "idmap/container_maps.h"
#include "idmap/idmapped_probe.h"
#include "idmap/subordinate_range.h"
#include "security/user_namespace.h"

#include <array>

#include <linux/magic.h>
#include <sys/vfs.h>

namespace berth::check {

namespace stdfs = std::filesystem;

namespace {

CheckItem rangeItem(const stdfs::path& root)
{
    auto range = idmap::readBerthRange(underRoot(root, "etc"));
    if (!range)
        return makeItem("userns.range", CheckStatus::Missing,
                        "no entry for _berth in /etc/subuid and /etc/subgid: run /usr/libexec/berth/berth-id-range "
                        "as root (new containers can only be privileged until then)");
    auto used = idmap::containerMaps(Paths(root));
    const std::string free = used ? ", " + std::to_string(idmap::freeBlocks(*range, *used)) + " free" : "";
    const std::string detail = std::to_string(range->start) + "-" + std::to_string(range->end() - 1) + " (" +
                               std::to_string(range->blocks()) + " blocks of 65536" + free + ")";
    if (used && idmap::freeBlocks(*range, *used) == 0)
        return makeItem("userns.range", CheckStatus::Limited, detail + ": every block is taken");
    return makeItem("userns.range", CheckStatus::Ok, detail);
}

std::string fileSystemName(const stdfs::path& dir)
{
    struct statfs st {};
    if (::statfs(dir.c_str(), &st) != 0)
        return "its file system";
    constexpr std::array<std::pair<long, const char*>, 9> kNames{{
        {EXT4_SUPER_MAGIC, "ext4"},
        {XFS_SUPER_MAGIC, "xfs"},
        {BTRFS_SUPER_MAGIC, "btrfs"},
        {TMPFS_MAGIC, "tmpfs"},
        {RAMFS_MAGIC, "ramfs"},
        {OVERLAYFS_SUPER_MAGIC, "overlayfs"},
        {NFS_SUPER_MAGIC, "NFS"},
        {0x65735546, "FUSE"},
        {0xF2F52010, "f2fs"},
    }};
    for (const auto& [magic, name] : kNames)
        if (st.f_type == magic)
            return name;
    return "its file system";
}

// The containers' directory, or the nearest parent that exists yet.
stdfs::path containersOrParent(const stdfs::path& root)
{
    std::error_code ec;
    stdfs::path dir = Paths(root).containersDir();
    while (!stdfs::exists(dir, ec) && dir.has_relative_path())
        dir = dir.parent_path();
    return dir;
}

CheckItem rootfsItem(const stdfs::path& root, bool probeKernel)
{
    if (!probeKernel)
        return makeItem("userns.rootfs", CheckStatus::Ok, "not probed (making an idmapped mount needs root)");
    const stdfs::path dir = containersOrParent(root);
    const std::string shown = displayPath(root, dir);
    auto works = idmap::idmappedMountsWork(dir);
    if (!works)
        return makeItem("userns.rootfs", CheckStatus::Missing, shown + ": " + works.error().describe());
    const std::string fs = fileSystemName(dir);
    if (*works)
        return makeItem("userns.rootfs", CheckStatus::Ok, "idmapped mounts on " + fs + " (" + shown + ")");
    return makeItem("userns.rootfs", CheckStatus::Limited,
                    "shift at creation: " + fs + " (" + shown +
                        ") has no idmapped mounts, so each new rootfs is chowned once");
}

CheckItem mappedItem(bool probeKernel)
{
    if (!probeKernel)
        return makeItem("userns.mapped", CheckStatus::Ok, "not probed (needs root)");
    auto ns = security::makeUserNamespace(model::blockIdMap(model::kIdBlockSize));
    if (!ns)
        return makeItem("userns.mapped", CheckStatus::Missing, ns.error().describe());
    return makeItem("userns.mapped", CheckStatus::Ok, "made one mapping 0-65535 onto a block of host IDs");
}

} // namespace

CheckGroup checkUserNamespaces(const stdfs::path& root, bool probeKernel)
{
    CheckGroup group = makeGroup("userns");
    group.items.push_back(rangeItem(root));
    group.items.push_back(rootfsItem(root, probeKernel));
    group.items.push_back(mappedItem(probeKernel));
    return group;
}

} // namespace berth::check
