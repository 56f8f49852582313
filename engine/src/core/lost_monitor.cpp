#include "core/lost_monitor.h"

#include "cgroup/container_cgroup.h"
#include "cgroup/layout.h"
#include "core/engine_checks.h"
#include "core/running_cgroup.h"
#include "runtime/container_network.h"
#include "runtime/state_file.h"

#include <unistd.h>

namespace berth {

namespace {

std::optional<cgroup::ContainerCgroup> containerCgroup(const EngineSettings& settings, const std::string& name)
{
    auto layout = cgroup::detectLayout();
    if (!layout)
        return std::nullopt;
    auto group = openRunningCgroup(settings, *layout, name);
    if (!group)
        return std::nullopt;
    return std::move(*group);
}

} // namespace

std::vector<pid_t> processesLeftBehind(const EngineSettings& settings, const std::string& name)
{
    auto group = containerCgroup(settings, name);
    if (!group)
        return {};
    auto pids = group->pids();
    return pids ? std::move(*pids) : std::vector<pid_t>{};
}

Status noMonitorError(const EngineSettings& settings, const std::string& name)
{
    if (processesLeftBehind(settings, name).empty())
        return notRunningError(name);
    return failWith(EBUSY, "container '" + name +
                               "' runs without its monitor (it was killed), which exec, the "
                               "console and signals need: stop it, then start it again");
}

Status cleanUpAfterDeadMonitor(const EngineSettings& settings, const std::string& name)
{
    const Paths& paths = settings.paths;
    auto recorded = runtime::readState(paths.stateFile(name));
    auto group = containerCgroup(settings, name);
    // Stopped cleanly, or never ran: the monitor left nothing.
    if (!group && (!recorded || recorded->state == RunState::Stopped))
        return {};
    if (group)
        if (Status removed = group->remove(); !removed)
            return fail(removed.error().wrap("end '" + name + "' (its monitor was lost)"));
    runtime::removeHostSideOfLostMonitor(settings, name,
                                         recorded ? recorded->hostInterfaces : std::vector<std::string>{});
    // Its forwards leave the table (a running container's stay).
    (void)runtime::reconcileFirewall(settings, name);
    runtime::RecordedState stopped;
    if (recorded) {
        stopped.startedAt = recorded->startedAt;
        stopped.lastExit = recorded->lastExit;
        stopped.cgroupParent = recorded->cgroupParent;
    }
    stopped.lastError = kMonitorEnded;
    (void)runtime::writeState(paths.stateFile(name), stopped);
    ::unlink(paths.monitorSocket(name).c_str());
    return {};
}

} // namespace berth
