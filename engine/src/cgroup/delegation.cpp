#include "cgroup/delegation.h"

#include <cerrno>

#include <unistd.h>

namespace berth::cgroup {

namespace {

constexpr const char* kUnifiedFiles[] = {"cgroup.procs", "cgroup.threads", "cgroup.subtree_control"};
// notify_on_release and clone_children are settings of the subtree, read
// when sub-cgroups are made and emptied: systemd writes them in its own.
constexpr const char* kLegacyFiles[] = {"tasks", "cgroup.procs", "cgroup.clone_children", "notify_on_release"};

Status chownPath(const std::filesystem::path& path, uid_t uid, gid_t gid, bool mayBeMissing)
{
    if (::lchown(path.c_str(), uid, gid) == 0 || (mayBeMissing && errno == ENOENT))
        return {};
    return failErrno(errno, "give " + path.string() + " to " + std::to_string(uid) + ":" + std::to_string(gid));
}

} // namespace

std::span<const char* const> delegatedFiles(const Hierarchy& hierarchy)
{
    if (hierarchy.unified)
        return kUnifiedFiles;
    return kLegacyFiles;
}

Status delegate(const std::vector<Placement>& placements, uid_t uid, gid_t gid)
{
    for (const Placement& placement : placements) {
        if (Status given = chownPath(placement.dir, uid, gid, false); !given)
            return given;
        for (const char* file : delegatedFiles(placement.hierarchy))
            if (Status given = chownPath(placement.dir / file, uid, gid, true); !given)
                return given;
    }
    return {};
}

} // namespace berth::cgroup
