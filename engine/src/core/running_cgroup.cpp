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

Result<RunningCgroup> RunningCgroup::open(const EngineSettings& settings, const cgroup::Layout& layout,
                                          const std::string& name)
{
    return open(layout, recordedCgroupParent(settings, name), name);
}

Result<RunningCgroup> RunningCgroup::open(const cgroup::Layout& layout, const std::string& parent,
                                          const std::string& name)
{
    auto group = cgroup::ContainerCgroup::open(layout, parent, name);
    if (!group)
        return fail(group.error());
    group->release();
    return RunningCgroup(std::move(*group));
}

RunningCgroup::~RunningCgroup()
{
    m_cgroup.release();
}

} // namespace berth
