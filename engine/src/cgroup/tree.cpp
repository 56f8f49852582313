#include "cgroup/tree.h"

#include "cgroup/cgroup_file.h"
#include "fs/tree_walk.h"

#include "berth/unique_fd.h"

#include <algorithm>
#include <cerrno>
#include <ctime>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::cgroup {

namespace fs = std::filesystem;

void pauseBeforePoll(int attempt)
{
    const long ms = std::min(attempt + 1, 10);
    timespec pause{0, ms * 1000 * 1000};
    ::nanosleep(&pause, nullptr);
}

namespace {

// Every directory as the walk leaves it: each child before its parent.
class DeepestFirst : public berth::fs::TreeVisitor {
public:
    explicit DeepestFirst(const fs::path& top) : m_top(top) {}
    std::vector<fs::path> dirs;

    Result<berth::fs::Descend> entry(const berth::fs::WalkEntry& e) override
    {
        return S_ISDIR(e.st.stx_mode) ? berth::fs::Descend::Yes : berth::fs::Descend::No;
    }
    Status leave(const berth::fs::WalkDir& dir, int /*parentFd*/) override
    {
        dirs.push_back(dir.path.empty() ? m_top : m_top / dir.path);
        return {};
    }
    // A sub-cgroup removed since it was listed is no part of the subtree.
    Result<UniqueFd> openSubdir(int parentFd, const std::string& name, std::string_view shown) override
    {
        UniqueFd fd(::openat(parentFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!fd && errno != ENOENT)
            return failErrno(errno, "list cgroup " + std::string(shown));
        return fd;
    }

private:
    const fs::path& m_top;
};

} // namespace

Result<std::vector<fs::path>> subtreeDeepestFirst(const fs::path& dir)
{
    UniqueFd top(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!top)
        return failErrno(errno, "cgroup " + dir.string());
    DeepestFirst walk(dir);
    if (auto ok = berth::fs::walkTree(top.get(), walk, dir.string()); !ok)
        return std::unexpected(ok.error());
    return std::move(walk.dirs);
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
