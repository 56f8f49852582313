#include "core/running_cgroup.h"

#include "runtime/state_file.h"

namespace berth {

std::string recordedCgroupParent(const EngineSettings& settings, const std::string& name)
{
    auto recorded = runtime::readState(settings.paths.stateFile(name));
    if (recorded && !recorded->cgroupParent.empty())
        return recorded->cgroupParent;
    return settings.cgroupParent;
}

Result<RunningCgroup> RunningCgroup::open(const EngineSettings& settings, const cgroup::Layout& layout,
                                          const std::string& name)
{
    auto group = cgroup::ContainerCgroup::open(layout, recordedCgroupParent(settings, name), name);
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
