// A container's cgroup in every mounted hierarchy, as one handle.
#pragma once

#include "berth/error.h"
#include "berth/stats.h"
#include "cgroup/device_rules.h"
#include "cgroup/layout.h"
#include "cgroup/limit_writes.h"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace berth::cgroup {

// Names <hierarchy>/<parent>/<name> in each hierarchy of a layout. A
// handle: going away leaves the cgroup and what runs there alone; only
// remove() kills and removes (CgroupRollback, for a start under way).
class ContainerCgroup {
public:
    // Creates the cgroup (and the parent when missing) in every hierarchy.
    // EEXIST when it exists already and holds processes; an empty stale one
    // is replaced. On failure nothing it created is left.
    [[nodiscard]] static Result<ContainerCgroup> create(const Layout& layout, std::string_view parent,
                                                        std::string_view name);
    // An existing cgroup, e.g. to clean up after a crash; ENOENT when it is
    // in no hierarchy. Hierarchies where it is missing are left out.
    [[nodiscard]] static Result<ContainerCgroup> open(const Layout& layout, std::string_view parent,
                                                      std::string_view name);

    // Installs the device allowlist (a v1 devices.allow list, or a v2 BPF
    // program); call it before any process joins. An error means the
    // container must not start: without it its root reaches host devices.
    [[nodiscard]] Status restrictDevices(std::span<const DeviceRule> allowed = defaultDeviceAllowlist()) const;
    // Gives the cgroup (directory and delegation files, delegation.h) to
    // uid:gid, the host IDs of a user namespace's root, in every hierarchy.
    [[nodiscard]] Status delegateTo(uid_t uid, gid_t gid) const;
    // Moves `pid` (the whole process) into the cgroup in every hierarchy.
    [[nodiscard]] Status attach(pid_t pid) const;
    // The cgroup.procs files: a caller may open them before fork and have
    // the child write "0" to join before it execs.
    [[nodiscard]] std::vector<std::filesystem::path> procsFiles() const;
    [[nodiscard]] std::vector<std::filesystem::path> directories() const;
    // "<parent>/<name>", the same in every hierarchy.
    [[nodiscard]] const std::string& relativePath() const { return m_relative; }
    [[nodiscard]] Mode mode() const { return m_mode; }

    // Processes in the cgroup and its sub-cgroups, sorted, no duplicates.
    [[nodiscard]] Result<std::vector<pid_t>> pids() const;
    // Kills every process of the tree and waits until they are gone.
    [[nodiscard]] Status killAll() const;
    // Writes limits into the running cgroup as one change: a write the
    // kernel refuses leaves the old values in force (earlier files are
    // restored) and returns the kernel's reason naming file and value.
    [[nodiscard]] Status applyLimits(const std::vector<CgroupWrite>& writes) const;
    // Usage figures now; timestampNs is CLOCK_MONOTONIC, the name is left
    // to the caller.
    [[nodiscard]] Result<ContainerStats> stats() const;
    // Freezes (returns once every task is stopped) or thaws.
    [[nodiscard]] Status setFrozen(bool frozen) const;
    [[nodiscard]] Result<bool> frozen() const;

    // killAll, then removes the tree deepest first in every hierarchy; the
    // parent stays (other containers live there).
    [[nodiscard]] Status remove() const;

private:
    ContainerCgroup(Mode mode, std::string relative, std::vector<Placement> placements);

    Mode m_mode = Mode::Unified;
    std::string m_relative;
    std::vector<Placement> m_placements;
};

// Removes `parent` in every hierarchy when nothing is left in it (for tests
// and cleanup); a parent that still has cgroups is left alone.
[[nodiscard]] Status removeParentIfEmpty(const Layout& layout, std::string_view parent);

// A parent is one or more relative path components, a name exactly one;
// neither may contain "." or ".." components. EINVAL otherwise.
[[nodiscard]] Status validateCgroupPath(std::string_view path, bool singleComponent);

} // namespace berth::cgroup
