// cgroup v2: controllers enabled down the parent chain, the device
// allowlist as a BPF program, cgroup.kill, cgroup.freeze, limits in the
// container's one directory.
#include "cgroup/backend.h"

#include "cgroup/apply_writes.h"
#include "cgroup/cgroup_file.h"
#include "cgroup/device_bpf.h"
#include "cgroup/stats_read.h"
#include "cgroup/tree.h"

#include <algorithm>
#include <array>
#include <cerrno>

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

// Waits until cgroup.events reports `line` ("frozen 1" / "frozen 0").
bool waitForEvent(const fs::path& events, std::string_view line)
{
    for (int attempt = 0; attempt < kMaxPolls; ++attempt) {
        if (eventsSay(events, line))
            return true;
        pauseBeforePoll(attempt);
    }
    return false;
}

Result<fs::path> unifiedDir(const std::vector<Placement>& placements)
{
    const auto found =
        std::find_if(placements.begin(), placements.end(), [](const Placement& p) { return p.hierarchy.unified; });
    if (found == placements.end())
        return failWith(ENOENT, "the container has no cgroup v2 directory");
    return found->dir;
}

// A controller's files appear in a cgroup only when its parent hands the
// controller down; create() enabled what the root offered, this covers a
// parent changed since (or made by someone else).
Status enableInParent(const fs::path& dir, const std::vector<CgroupWrite>& writes)
{
    const fs::path control = dir.parent_path() / "cgroup.subtree_control";
    Result<std::string> enabled = readFile(control);
    if (!enabled)
        return std::unexpected(std::move(enabled.error()));
    const std::vector<std::string> have = split(*enabled);
    std::vector<std::string> requested;
    for (const CgroupWrite& write : writes) {
        const bool known = std::find(have.begin(), have.end(), write.controller) != have.end() ||
                           std::find(requested.begin(), requested.end(), write.controller) != requested.end();
        if (known)
            continue;
        requested.push_back(write.controller);
        if (Status written = writeFile(control, "+" + write.controller); !written)
            return written;
    }
    return {};
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

    Status restrictDevices(const std::vector<Placement>& placements, std::span<const DeviceRule> allowed) const override
    {
        Result<fs::path> dir = unifiedDir(placements);
        if (!dir)
            return std::unexpected(std::move(dir.error()));
        return attachDeviceProgram(*dir, allowed);
    }

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

    Status applyLimits(const std::vector<Placement>& placements, const std::vector<CgroupWrite>& writes) const override
    {
        Result<fs::path> dir = unifiedDir(placements);
        if (!dir)
            return std::unexpected(std::move(dir.error()));
        if (Status enabled = enableInParent(*dir, writes); !enabled)
            return enabled;
        std::vector<FileWrite> resolved;
        for (const CgroupWrite& write : writes)
            resolved.push_back(FileWrite{*dir / write.file, write.value});
        return applyFileWrites(resolved);
    }

    Result<ContainerStats> stats(const std::vector<Placement>& placements) const override
    {
        Result<fs::path> dir = unifiedDir(placements);
        if (!dir)
            return std::unexpected(std::move(dir.error()));
        return readV2Stats(*dir);
    }

    Status setFrozen(const std::vector<Placement>& placements, bool frozen) const override
    {
        Result<fs::path> dir = unifiedDir(placements);
        if (!dir)
            return std::unexpected(std::move(dir.error()));
        if (Status written = writeFile(*dir / "cgroup.freeze", frozen ? "1" : "0"); !written)
            return written;
        if (waitForEvent(*dir / "cgroup.events", frozen ? "frozen 1" : "frozen 0"))
            return {};
        if (frozen)
            (void)writeFile(*dir / "cgroup.freeze", "0");
        return failWith(EBUSY, "cgroup " + dir->string() + " did not finish " + (frozen ? "freezing" : "thawing"),
                        dir->string());
    }

    Result<bool> frozen(const std::vector<Placement>& placements) const override
    {
        Result<fs::path> dir = unifiedDir(placements);
        if (!dir)
            return std::unexpected(std::move(dir.error()));
        Result<std::string> events = readFile(*dir / "cgroup.events");
        if (!events)
            return std::unexpected(std::move(events.error()));
        const std::vector<std::string> lines = split(*events, "\n");
        return std::find(lines.begin(), lines.end(), "frozen 1") != lines.end();
    }
};

} // namespace

const Backend& v2Backend()
{
    static const V2Backend backend;
    return backend;
}

} // namespace berth::cgroup
