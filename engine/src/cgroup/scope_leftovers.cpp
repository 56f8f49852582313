#include "cgroup/scope_leftovers.h"

#include "cgroup/cgroup_file.h"

#include <cerrno>
#include <system_error>

#include <unistd.h>

namespace berth::cgroup {

namespace fs = std::filesystem;

namespace {

Status removeDir(const fs::path& dir)
{
    if (::rmdir(dir.c_str()) == 0 || errno == ENOENT)
        return {};
    return failErrno(errno, "remove cgroup " + dir.string());
}

// A process in a cgroup keeps it from being removed; "0" moves the writer.
Status leaveFor(const fs::path& mountPoint)
{
    return writeFile(mountPoint / "cgroup.procs", "0");
}

} // namespace

std::vector<fs::path> hierarchiesWithoutScope(const Layout& layout, std::string_view scope)
{
    std::vector<fs::path> missing;
    for (const Hierarchy& hierarchy : layout.placementHierarchies()) {
        std::error_code ec;
        if (!fs::is_directory(hierarchy.mountPoint / scope, ec))
            missing.push_back(hierarchy.mountPoint);
    }
    return missing;
}

Status removeScopeLeftovers(const std::vector<fs::path>& mountPoints, std::string_view scope, std::string_view own)
{
    Status result;
    for (const fs::path& mountPoint : mountPoints) {
        Status done = leaveFor(mountPoint);
        if (done)
            done = removeDir(mountPoint / scope / own);
        if (done)
            done = removeDir(mountPoint / scope);
        if (!done && result)
            result = std::move(done);
    }
    return result;
}

} // namespace berth::cgroup
