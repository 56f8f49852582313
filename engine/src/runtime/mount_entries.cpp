#include "runtime/mount_entries.h"

#include "fs/safe_path.h"
#include "runtime/mount_util.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>

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

Status applyOne(int rootFd, const MountRequest& entry)
{
    // Strict resolution first, so an escaping target fails before any change.
    if (auto beneath = fs::openBeneath(rootFd, entry.target, O_PATH | O_CLOEXEC); !beneath && beneath.error().code == EXDEV)
        return fail(beneath.error());
    if (auto created = createTarget(rootFd, entry); !created)
        return created;
    auto target = fs::openBeneath(rootFd, entry.target, O_PATH | O_CLOEXEC);
    if (!target)
        return fail(target.error().wrap("mount target '" + entry.target + "'"));
    if (entry.bind) {
        struct stat st {};
        if (::stat(entry.source.c_str(), &st) != 0)
            return failErrno(errno, "bind source '" + entry.source + "'");
        return bindInRoot(rootFd, entry.target, entry.source, entry.recursive, entry.flags);
    }
    const char* data = entry.data.empty() ? nullptr : entry.data.c_str();
    return mountInRoot(rootFd, entry.target, entry.source.c_str(), entry.fstype.c_str(), entry.flags, data);
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
