// cgroup v2: controllers enabled down the parent chain, cgroup.kill.
#include "cgroup/backend.h"

#include "cgroup/cgroup_file.h"
#include "cgroup/tree.h"

#include <algorithm>
#include <array>

namespace berth::cgroup {

namespace fs = std::filesystem;

namespace {

// The controllers Berth sets limits with (DESIGN.md, Cgroups).
constexpr std::array kWantedControllers{"cpu", "cpuset", "io", "memory", "pids"};

// "+cpu +memory ...": the wanted controllers the hierarchy's root offers.
std::string enableRequest(const Hierarchy& hierarchy)
{
    std::string request;
    for (const char* controller : kWantedControllers) {
        if (!hierarchy.has(controller))
            continue;
        if (!request.empty())
            request += ' ';
        request += std::string("+") + controller;
    }
    return request;
}

bool eventsSay(const fs::path& events, std::string_view line)
{
    Result<std::string> text = readFile(events);
    if (!text)
        return false;
    const std::vector<std::string> lines = split(*text, "\n");
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// Kernels before 5.14 have no cgroup.kill: freeze so that nothing forks
// while the pids are killed one by one, then thaw so they can die.
Status freezeKillThaw(const std::vector<Placement>& placements, const fs::path& dir)
{
    if (Status frozen = writeFile(dir / "cgroup.freeze", "1"); !frozen)
        return frozen;
    for (int attempt = 0; attempt < kMaxPolls && !eventsSay(dir / "cgroup.events", "frozen 1"); ++attempt)
        pauseBeforePoll(attempt);
    Status killed = killEveryPid(placements);
    Status thawed = writeFile(dir / "cgroup.freeze", "0");
    if (!killed)
        return killed;
    if (!thawed)
        return thawed;
    return killUntilEmpty(placements);
}

class V2Backend final : public Backend {
public:
    // Each level's subtree_control decides what the level below gets, so
    // the controllers are enabled from the root down. Berth's parent never
    // holds processes itself, which is what v2 demands of a cgroup that
    // hands controllers on.
    Status prepareParent(const Hierarchy& hierarchy, const std::vector<fs::path>& levels) const override
    {
        const std::string request = enableRequest(hierarchy);
        if (request.empty())
            return {};
        for (const fs::path& level : levels)
            if (Status enabled = writeFile(level / "cgroup.subtree_control", request); !enabled)
                return enabled;
        return {};
    }

    Status prepareContainer(const Hierarchy&, const fs::path&) const override { return {}; }

    Status killAll(const std::vector<Placement>& placements) const override
    {
        for (const Placement& placement : placements) {
            std::error_code ec;
            const fs::path kill = placement.dir / "cgroup.kill";
            if (!fs::exists(kill, ec))
                return freezeKillThaw(placements, placement.dir);
            if (Status killed = writeFile(kill, "1"); !killed)
                return killed;
        }
        return killUntilEmpty(placements);
    }
};

} // namespace

const Backend& v2Backend()
{
    static const V2Backend backend;
    return backend;
}

} // namespace berth::cgroup
