#include "core/running_cgroup.h"

#include "runtime/state_file.h"

namespace berth {

std::string recordedCgroupParent(const EngineSettings& settings, const std::string& name)
{
    auto recorded = runtime::readState(settings.paths.stateFile(name));
    return recorded ? cgroupParentIn(*recorded, settings) : settings.cgroupParent;
}

const std::string& cgroupParentIn(const runtime::RecordedState& recorded, const EngineSettings& settings)
{
    return recorded.cgroupParent.empty() ? settings.cgroupParent : recorded.cgroupParent;
}

Result<cgroup::ContainerCgroup> openRunningCgroup(const EngineSettings& settings, const cgroup::Layout& layout,
                                                  const std::string& name)
{
    return cgroup::ContainerCgroup::open(layout, recordedCgroupParent(settings, name), name);
}

} // namespace berth
