#include "core/running_cgroup.h"

namespace berth {

Result<RunningCgroup> RunningCgroup::open(const EngineSettings& settings, const cgroup::Layout& layout,
                                          const std::string& name)
{
    auto group = cgroup::ContainerCgroup::open(layout, settings.cgroupParent, name);
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
