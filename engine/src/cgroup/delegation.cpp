#include "cgroup/delegation.h"

#include "cgroup/cgroup_file.h"

#include <cerrno>

#include <sys/stat.h>
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

Result<std::filesystem::path> joinableProcsFile(const std::filesystem::path& procsFile)
{
    const std::filesystem::path dir = procsFile.parent_path();
    std::error_code ec;
    // v1 has no subtree_control: processes may live anywhere there.
    if (!std::filesystem::exists(dir / "cgroup.subtree_control", ec))
        return procsFile;
    Result<std::string> handedDown = readLine(dir / "cgroup.subtree_control");
    if (!handedDown)
        return std::unexpected(std::move(handedDown.error()));
    if (handedDown->empty())
        return procsFile;
    const std::filesystem::path leaf = dir / ".berth-exec";
    if (::mkdir(leaf.c_str(), 0755) != 0 && errno != EEXIST)
        return failErrno(errno, "create cgroup " + leaf.string());
    return leaf / "cgroup.procs";
}

} // namespace berth::cgroup
