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

// The container's existing cgroup where its state file says it is. A
// handle: the monitor removes the cgroup when the container stops, never
// a reader of it.
[[nodiscard]] Result<cgroup::ContainerCgroup> openRunningCgroup(const EngineSettings& settings,
                                                                const cgroup::Layout& layout, const std::string& name);

} // namespace berth
