// cgroup v1: cpuset values copied down, the device allowlist, freezer-based
// kill and freeze, limits written into each controller's hierarchy.
#include "cgroup/backend.h"

#include "cgroup/apply_writes.h"
#include "cgroup/cgroup_file.h"
#include "cgroup/device_rules.h"
#include "cgroup/stats_read.h"
#include "cgroup/tree.h"

#include <algorithm>
#include <cerrno>
#include <span>

namespace berth::cgroup {

namespace fs = std::filesystem;

namespace {

// A new v1 cpuset starts with no cpus and no mems, and no process can join
// it until both are set: take the parent's.
Status copyCpusetIfEmpty(const fs::path& from, const fs::path& to)
{
    for (const char* file : {"cpuset.cpus", "cpuset.mems"}) {
        Result<std::string> current = readLine(to / file);
        if (!current)
            return std::unexpected(std::move(current.error()));
        if (!current->empty())
            continue;
        Result<std::string> inherited = readLine(from / file);
        if (!inherited)
            return std::unexpected(std::move(inherited.error()));
        if (Status written = writeFile(to / file, *inherited); !written)
            return written;
    }
    return {};
}

Status installDeviceAllowlist(const fs::path& dir, std::span<const DeviceRule> allowed)
{
    if (Status denied = writeFile(dir / "devices.deny", "a"); !denied)
        return denied;
    for (const DeviceRule& rule : allowed)
        if (Status written = writeFile(dir / "devices.allow", deviceRuleText(rule)); !written)
            return written;
    return {};
}

// Waits for FREEZING to become FROZEN; a task stuck in the kernel can keep
// it FREEZING, so the caller kills anyway when this gives up.
bool waitFrozen(const fs::path& stateFile)
{
    for (int attempt = 0; attempt < kMaxPolls; ++attempt) {
        Result<std::string> state = readLine(stateFile);
        if (state && *state == "FROZEN")
            return true;
        pauseBeforePoll(attempt);
    }
    return false;
}

const Placement* placementWith(const std::vector<Placement>& placements, std::string_view controller)
{
    const auto found = std::find_if(placements.begin(), placements.end(), [&](const Placement& p) {
        return !p.hierarchy.unified && p.hierarchy.has(controller);
    });
    return found == placements.end() ? nullptr : &*found;
}

Result<fs::path> freezerState(const std::vector<Placement>& placements)
{
    const Placement* freezer = placementWith(placements, "freezer");
    if (!freezer)
        return failWith(ENOTSUP, "no cgroup v1 freezer hierarchy is mounted");
    return freezer->dir / "freezer.state";
}

// Each write goes to the hierarchy its controller is bound to.
Result<std::vector<FileWrite>> resolveV1(const std::vector<Placement>& placements,
                                         const std::vector<CgroupWrite>& writes)
{
    std::vector<FileWrite> resolved;
    for (const CgroupWrite& write : writes) {
        const Placement* placement = placementWith(placements, write.controller);
        if (!placement)
            return failWith(
                ENOTSUP, "set " + write.file + ": no cgroup v1 hierarchy has the '" + write.controller + "' controller",
                write.file);
        resolved.push_back(FileWrite{placement->dir / write.file, write.value});
    }
    return resolved;
}

class V1Backend final : public Backend {
public:
    Status prepareParent(const Hierarchy& hierarchy, const std::vector<fs::path>& levels) const override
    {
        if (hierarchy.unified || !hierarchy.has("cpuset"))
            return {};
        for (size_t i = 1; i < levels.size(); ++i)
            if (Status copied = copyCpusetIfEmpty(levels[i - 1], levels[i]); !copied)
                return copied;
        return {};
    }

    Status prepareContainer(const Hierarchy& hierarchy, const fs::path& dir) const override
    {
        if (hierarchy.unified)
            return {};
        if (hierarchy.has("cpuset")) {
            if (Status copied = copyCpusetIfEmpty(dir.parent_path(), dir); !copied)
                return copied;
            // Sub-cgroups the container makes (systemd does) then start with
            // usable cpus and mems instead of empty ones.
            if (Status cloned = writeFile(dir / "cgroup.clone_children", "1"); !cloned)
                return cloned;
        }
        return {};
    }

    Status restrictDevices(const std::vector<Placement>& placements, std::span<const DeviceRule> allowed) const override
    {
        const Placement* devices = placementWith(placements, "devices");
        if (!devices)
            return failWith(ENOTSUP, "no cgroup v1 hierarchy has the 'devices' controller: the container "
                                     "could open every host device");
        return installDeviceAllowlist(devices->dir, allowed);
    }

    // Freezing first stops the container from forking while it is killed.
    Status killAll(const std::vector<Placement>& placements) const override
    {
        // The common case at a container's end: nothing is left, and a
        // freeze-thaw cycle would cost milliseconds for nothing.
        Result<bool> busy = holdsProcesses(placements);
        if (!busy)
            return std::unexpected(std::move(busy.error()));
        if (!*busy)
            return {};
        const auto freezer = std::find_if(placements.begin(), placements.end(),
                                          [](const Placement& p) { return p.hierarchy.has("freezer"); });
        if (freezer == placements.end())
            return killUntilEmpty(placements);
        const fs::path state = freezer->dir / "freezer.state";
        if (Status frozen = writeFile(state, "FROZEN"); !frozen)
            return frozen;
        waitFrozen(state);
        Status killed = killEveryPid(placements);
        Status thawed = writeFile(state, "THAWED");
        if (!killed)
            return killed;
        if (!thawed)
            return thawed;
        return killUntilEmpty(placements);
    }

    Status applyLimits(const std::vector<Placement>& placements, const std::vector<CgroupWrite>& writes) const override
    {
        Result<std::vector<FileWrite>> resolved = resolveV1(placements, writes);
        if (!resolved)
            return std::unexpected(std::move(resolved.error()));
        return applyFileWrites(*resolved);
    }

    Result<ContainerStats> stats(const std::vector<Placement>& placements) const override
    {
        return readV1Stats(placements);
    }

    // FREEZING is the kernel still stopping tasks; a thaw is immediate.
    Status setFrozen(const std::vector<Placement>& placements, bool frozen) const override
    {
        Result<fs::path> state = freezerState(placements);
        if (!state)
            return std::unexpected(std::move(state.error()));
        if (Status written = writeFile(*state, frozen ? "FROZEN" : "THAWED"); !written || !frozen)
            return written;
        if (waitFrozen(*state))
            return {};
        (void)writeFile(*state, "THAWED");
        return failWith(EBUSY, "cgroup " + state->parent_path().string() + " did not finish freezing", state->string());
    }

    Result<bool> frozen(const std::vector<Placement>& placements) const override
    {
        Result<fs::path> state = freezerState(placements);
        if (!state)
            return std::unexpected(std::move(state.error()));
        Result<std::string> line = readLine(*state);
        if (!line)
            return std::unexpected(std::move(line.error()));
        return *line == "FROZEN";
    }
};

} // namespace

const Backend& v1Backend()
{
    static const V1Backend backend;
    return backend;
}

} // namespace berth::cgroup
