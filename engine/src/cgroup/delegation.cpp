#include "cgroup/delegation.h"

#include "cgroup/cgroup_file.h"

#include <cerrno>

#include <sys/stat.h>
#include <unistd.h>

namespace berth::cgroup {

namespace {

constexpr const char* kUnifiedFiles[] = {"cgroup.procs", "cgroup.threads", "cgroup.subtree_control"};
// Besides placing processes, v1 has two flags for what the owner does below
// its cgroup: clone_children (how new sub-cgroups start) and
// notify_on_release (report when one empties); systemd sets them.
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

Result<std::filesystem::path> joinableProcsFile(const std::filesystem::path& procsFile)
{
    const std::filesystem::path dir = procsFile.parent_path();
    std::error_code ec;
    // v1 has no subtree_control: processes may live anywhere there.
    if (!std::filesystem::exists(dir / "cgroup.subtree_control", ec))
        return procsFile;
    // Always the leaf on cgroup2, even while nothing is handed down: a
    // systemd inside may enable controllers between this look and the
    // write (EBUSY), and a leaf may always hold processes.
    const std::filesystem::path leaf = dir / ".berth-exec";
    if (::mkdir(leaf.c_str(), 0755) != 0 && errno != EEXIST)
        return failErrno(errno, "create cgroup " + leaf.string());
    return leaf / "cgroup.procs";
}

} // namespace berth::cgroup
