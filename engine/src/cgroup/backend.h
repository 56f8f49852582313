// What differs between cgroup v1 and v2, behind one small interface chosen
// once from the layout's mode (as crun's cgroup-internal.h does).
#pragma once

#include "berth/stats.h"
#include "cgroup/device_rules.h"
#include "cgroup/layout.h"
#include "cgroup/limit_writes.h"

#include <filesystem>
#include <span>
#include <vector>

namespace berth::cgroup {

class Backend {
public:
    virtual ~Backend() = default;

    // `levels` runs from the hierarchy's root down to the parent of the
    // container's cgroup; all of them exist now.
    [[nodiscard]] virtual Status prepareParent(const Hierarchy& hierarchy,
                                               const std::vector<std::filesystem::path>& levels) const = 0;
    // Configures the container's freshly made cgroup `dir`.
    [[nodiscard]] virtual Status prepareContainer(const Hierarchy& hierarchy,
                                                  const std::filesystem::path& dir) const = 0;
    // Installs the device allowlist (device_rules.h) before any process of
    // the container joins: ENOTSUP when the host has no way to (the
    // container would reach every host device, so it must not start).
    [[nodiscard]] virtual Status restrictDevices(const std::vector<Placement>& placements,
                                                 std::span<const DeviceRule> allowed) const = 0;
    // Kills every process of the container's cgroup trees and waits until
    // they are gone.
    [[nodiscard]] virtual Status killAll(const std::vector<Placement>& placements) const = 0;

    // Writes limits as one change: on a refused write the files already
    // written get their old values back (apply_writes.h).
    [[nodiscard]] virtual Status applyLimits(const std::vector<Placement>& placements,
                                             const std::vector<CgroupWrite>& writes) const = 0;
    // Usage figures; timestamp and name are the caller's.
    [[nodiscard]] virtual Result<ContainerStats> stats(const std::vector<Placement>& placements) const = 0;
    // Freezes or thaws, and returns once the kernel says it is done (a
    // bounded wait: EBUSY when a task does not stop in time).
    [[nodiscard]] virtual Status setFrozen(const std::vector<Placement>& placements, bool frozen) const = 0;
    [[nodiscard]] virtual Result<bool> frozen(const std::vector<Placement>& placements) const = 0;
};

// v2 for a unified host, v1 for legacy and hybrid ones (there the cgroup2
// mount only places the container, for systemd's sake).
[[nodiscard]] const Backend& backendFor(Mode mode);
[[nodiscard]] const Backend& v1Backend();
[[nodiscard]] const Backend& v2Backend();

// Whether any process is left in the placements' trees (a read, no signal).
[[nodiscard]] Result<bool> holdsProcesses(const std::vector<Placement>& placements);
// Shared by both backends: SIGKILL to each pid of the trees (the ones
// already gone are skipped); and the same, repeated until the trees are
// empty (a bounded number of polls), for processes that die slowly or that
// forked past a first sweep.
[[nodiscard]] Status killEveryPid(const std::vector<Placement>& placements);
[[nodiscard]] Status killUntilEmpty(const std::vector<Placement>& placements);

} // namespace berth::cgroup
