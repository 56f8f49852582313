#include "cgroup/delegation.h"

#include "cgroup/cgroup_file.h"

#include <cerrno>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace berth::cgroup {

namespace {

constexpr const char* kUnifiedFiles[] = {"cgroup.procs", "cgroup.threads", "cgroup.subtree_control"};
// Besides placing processes, v1 has two flags for what the owner does below
// its cgroup: clone_children (how new sub-cgroups start) and
// notify_on_release (report when one empties); systemd sets them.
constexpr const char* kLegacyFiles[] = {"tasks", "cgroup.procs", "cgroup.clone_children", "notify_on_release"};

// LXC tries as many (.lxc-1 to .lxc-999).
constexpr int kExecLeaves = 1000;

std::string execLeafName(int index)
{
    return index == 0 ? ".berth-exec" : ".berth-exec-" + std::to_string(index);
}

// An existing leaf is Berth's and has no controllers enabled for children
// (cgroup2 refuses to place processes there). A plain directory standing
// in for one in tests has no subtree_control: nothing enabled.
bool takesProcesses(const std::filesystem::path& leaf, uid_t owner)
{
    struct stat st {};
    if (::lstat(leaf.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != owner)
        return false;
    Result<std::string> enabled = readFile(leaf / "cgroup.subtree_control");
    if (!enabled)
        return enabled.error().code == ENOENT;
    return enabled->find_first_not_of(" \n") == std::string::npos;
}

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

Result<std::filesystem::path> joinableProcsFile(const std::filesystem::path& procsFile, uid_t owner)
{
    const std::filesystem::path dir = procsFile.parent_path();
    std::error_code ec;
    // v1 has no subtree_control: processes may live anywhere there.
    if (!std::filesystem::exists(dir / "cgroup.subtree_control", ec))
        return procsFile;
    // Always a leaf on cgroup2, even while nothing is handed down: a
    // systemd inside may enable controllers between this look and the
    // write (EBUSY), and a leaf may always hold processes.
    for (int index = 0; index < kExecLeaves; ++index) {
        const std::filesystem::path leaf = dir / execLeafName(index);
        if (::mkdir(leaf.c_str(), 0755) == 0)
            return leaf / "cgroup.procs";
        if (errno != EEXIST)
            return failErrno(errno, "create cgroup " + leaf.string());
        if (takesProcesses(leaf, owner))
            return leaf / "cgroup.procs";
    }
    return failWith(EBUSY, "no leaf of Berth's below " + dir.string() + " takes processes: .berth-exec to " +
                               execLeafName(kExecLeaves - 1) + " are the container's or have controllers enabled");
}

} // namespace berth::cgroup
