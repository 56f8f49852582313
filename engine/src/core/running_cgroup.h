// The cgroup of a running container, as seen from outside its monitor.
#pragma once

#include "berth/engine.h"
#include "cgroup/container_cgroup.h"
#include "cgroup/layout.h"

namespace berth {

// Opens the container's existing cgroup without owning it: the monitor
// removes it when the container stops, never this handle.
class RunningCgroup {
public:
    [[nodiscard]] static Result<RunningCgroup> open(const EngineSettings& settings, const cgroup::Layout& layout,
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
