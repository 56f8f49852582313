// The cgroup of a running container, as seen from outside its monitor.
#pragma once

#include "berth/engine.h"
#include "cgroup/container_cgroup.h"
#include "cgroup/layout.h"
#include "runtime/state_file.h"

namespace berth {

// Where the monitor put the container's cgroup (its state file says; a
// systemd scope on systemd hosts), else the settings' parent.
[[nodiscard]] std::string recordedCgroupParent(const EngineSettings& settings, const std::string& name);
// The same, from a state already read.
[[nodiscard]] const std::string& cgroupParentIn(const runtime::RecordedState& recorded, const EngineSettings& settings);

// Opens the container's existing cgroup without owning it: the monitor
// removes it when the container stops, never this handle.
class RunningCgroup {
public:
    [[nodiscard]] static Result<RunningCgroup> open(const EngineSettings& settings, const cgroup::Layout& layout,
                                                    const std::string& name);
    // The same, for a caller that has read the state file already.
    [[nodiscard]] static Result<RunningCgroup> open(const cgroup::Layout& layout, const std::string& parent,
                                                    const std::string& name);
    RunningCgroup(RunningCgroup&&) = default;
    RunningCgroup& operator=(RunningCgroup&&) = default;
    ~RunningCgroup();

    [[nodiscard]] const cgroup::ContainerCgroup& get() const { return m_cgroup; }

private:
    explicit RunningCgroup(cgroup::ContainerCgroup cgroup) : m_cgroup(std::move(cgroup)) {}
    cgroup::ContainerCgroup m_cgroup;
};

} // namespace berth
