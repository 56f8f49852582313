#include "cgroup/tree.h"

#include "cgroup/cgroup_file.h"

#include <algorithm>
#include <cerrno>
#include <ctime>

#include <unistd.h>

namespace berth::cgroup {

namespace fs = std::filesystem;

void pauseBeforePoll(int attempt)
{
    const long ms = std::min(attempt + 1, 10);
    timespec pause{0, ms * 1000 * 1000};
    ::nanosleep(&pause, nullptr);
}

Result<std::vector<fs::path>> subtreeDeepestFirst(const fs::path& dir)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return failErrno(ec ? ec.value() : ENOENT, "cgroup " + dir.string());
    // Pre-order, reversed: every child comes before its parent.
    std::vector<fs::path> dirs{dir};
    fs::recursive_directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && !it->is_symlink(ec))
            dirs.push_back(it->path());
    }
    if (ec && ec.value() != ENOENT)
        return failErrno(ec.value(), "list cgroup " + dir.string());
    std::reverse(dirs.begin(), dirs.end());
    return dirs;
}

Result<std::vector<pid_t>> subtreePids(const fs::path& dir)
{
    std::vector<pid_t> pids;
    Result<std::vector<fs::path>> dirs = subtreeDeepestFirst(dir);
    if (!dirs)
        return dirs.error().code == ENOENT ? Result<std::vector<pid_t>>(pids) : std::unexpected(dirs.error());
    for (const fs::path& cgroup : *dirs) {
        Result<std::vector<pid_t>> some = readPids(cgroup / "cgroup.procs");
        // A sub-cgroup removed meanwhile has no processes left to report.
        if (!some && some.error().code == ENOENT)
            continue;
        if (!some)
            return some;
        pids.insert(pids.end(), some->begin(), some->end());
    }
    return pids;
}

namespace {

Status removeOne(const fs::path& dir)
{
    for (int attempt = 0;; ++attempt) {
        if (::rmdir(dir.c_str()) == 0 || errno == ENOENT)
            return {};
        if (errno != EBUSY || attempt + 1 >= kMaxPolls)
            return failErrno(errno, "remove cgroup " + dir.string());
        pauseBeforePoll(attempt);
    }
}

} // namespace

Status removeSubtree(const fs::path& dir)
{
    Result<std::vector<fs::path>> dirs = subtreeDeepestFirst(dir);
    if (!dirs)
        return dirs.error().code == ENOENT ? Status{} : std::unexpected(dirs.error());
    for (const fs::path& cgroup : *dirs)
        if (Status removed = removeOne(cgroup); !removed)
            return removed;
    return {};
}

} // namespace berth::cgroup
