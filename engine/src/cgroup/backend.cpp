#include "cgroup/backend.h"

#include "cgroup/tree.h"

#include <cerrno>
#include <csignal>

namespace berth::cgroup {

const Backend& backendFor(Mode mode)
{
    return mode == Mode::Unified ? v2Backend() : v1Backend();
}

namespace {

// Number of processes left; kills them when `kill` is set.
Result<size_t> sweep(const std::vector<Placement>& placements, bool kill)
{
    size_t left = 0;
    for (const Placement& placement : placements) {
        Result<std::vector<pid_t>> pids = subtreePids(placement.dir);
        if (!pids)
            return std::unexpected(std::move(pids.error()));
        left += pids->size();
        for (pid_t pid : *pids)
            if (kill && ::kill(pid, SIGKILL) != 0 && errno != ESRCH)
                return failErrno(errno, "kill process " + std::to_string(pid) + " of " + placement.dir.string());
    }
    return left;
}

} // namespace

Result<bool> holdsProcesses(const std::vector<Placement>& placements)
{
    Result<size_t> count = sweep(placements, false);
    if (!count)
        return std::unexpected(std::move(count.error()));
    return *count > 0;
}

Status killEveryPid(const std::vector<Placement>& placements)
{
    Result<size_t> swept = sweep(placements, true);
    if (!swept)
        return std::unexpected(std::move(swept.error()));
    return {};
}

Status killUntilEmpty(const std::vector<Placement>& placements)
{
    for (int attempt = 0; attempt < kMaxPolls; ++attempt) {
        Result<size_t> left = sweep(placements, true);
        if (!left)
            return std::unexpected(std::move(left.error()));
        if (*left == 0)
            return {};
        pauseBeforePoll(attempt);
    }
    const std::string where = placements.empty() ? std::string() : placements.front().dir.string();
    return failWith(EBUSY, "processes are still alive in cgroup " + where + " after SIGKILL", where);
}

} // namespace berth::cgroup
