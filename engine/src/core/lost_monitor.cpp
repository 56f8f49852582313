#include "core/lost_monitor.h"

#include "cgroup/container_cgroup.h"
#include "cgroup/layout.h"
#include "core/engine_checks.h"
#include "core/running_cgroup.h"
#include "runtime/container_network.h"
#include "runtime/spawn_monitor.h"
#include "runtime/state_file.h"
#include "store/container_store.h"

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
    const bool networked = runtime::removeHostSideOfLostMonitor(
        settings, name, recorded ? recorded->hostInterfaces : std::vector<std::string>{});
    // Its forwards leave the table (a running container's stay).
    if (networked)
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

std::vector<std::string> finishDeadMonitorsTeardown(const EngineSettings& settings)
{
    std::vector<std::string> cleaned;
    auto names = ContainerStore(settings.paths).list();
    if (!names)
        return cleaned;
    for (const std::string& name : *names) {
        if (runtime::monitorAlive(settings.paths, name) || !processesLeftBehind(settings, name).empty())
            continue;
        auto recorded = runtime::readState(settings.paths.stateFile(name));
        if (recorded && recorded->state == RunState::Stopped)
            continue;
        auto lock = lockExistingContainer(settings.paths, name);
        if (!lock || runtime::monitorAlive(settings.paths, name))
            continue;
        if (!recorded && !containerCgroup(settings, name))
            continue; // never ran since boot
        if (cleanUpAfterDeadMonitor(settings, name))
            cleaned.push_back(settings.paths.containerRunDir(name).string());
    }
    return cleaned;
}

} // namespace berth
