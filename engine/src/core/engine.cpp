// Engine: lifecycle operations. Each takes the container's lock, so two
// operations on one container never interleave.
#include "berth/engine.h"

#include "berth/config.h"
#include "berth/model/trace.h"
#include "berth/names.h"
#include "cgroup/container_cgroup.h"
#include "cgroup/layout.h"
#include "spec/container_spec.h"
#include "core/engine_checks.h"
#include "core/engine_images.h"
#include "core/lost_monitor.h"
#include "core/running_cgroup.h"
#include "fs/atomic_file.h"
#include "image_store/store_sweep.h"
#include "runtime/container_network.h"
#include "runtime/monitor_client.h"
#include "runtime/plan_builder.h"
#include "runtime/spare_monitor.h"
#include "runtime/spawn_monitor.h"
#include "runtime/state_file.h"
#include "store/container_lock.h"
#include "store/container_store.h"
#include "store/leftovers.h"

#include <algorithm>
#include <csignal>
#include <iterator>
#include <unistd.h>

namespace berth {

using namespace std::chrono_literals;

namespace {

constexpr auto kRequestTimeout = 10s;
constexpr auto kMonitorExitTimeout = 30s;

void removeRunFilesOfFailedStart(const Paths& paths, const std::string& name)
{
    ::unlink(paths.stateFile(name).c_str());
    ::unlink(paths.monitorSocket(name).c_str());
    ::unlink(paths.monitorLock(name).c_str());
}

bool isFrozen(const std::string& cgroupParent, const std::string& name)
{
    auto layout = cgroup::detectLayout();
    if (!layout)
        return false;
    auto group = cgroup::ContainerCgroup::open(*layout, cgroupParent, name);
    if (!group)
        return false;
    auto frozen = group->frozen();
    return frozen && *frozen;
}

// A damaged state file with its monitor alive: the monitor writes it again
// from what it knows.
Result<runtime::RecordedState> recordedAgain(const Paths& paths, const std::string& name)
{
    if (auto reply = runtime::askMonitor(paths.monitorSocket(name), runtime::RecordRequest{}, kRequestTimeout); !reply)
        return failWith(EIO, "the state file of '" + name + "' is damaged and its monitor did not write it again",
                        reply.error().describe());
    return runtime::readState(paths.stateFile(name));
}

// No monitor: what is left in the cgroup of a lost one is killed, and the
// rest of its teardown done.
Status stopUnmanaged(const EngineSettings& settings, const std::string& name)
{
    if (processesLeftBehind(settings, name).empty())
        return notRunningError(name);
    if (Status cleaned = cleanUpAfterDeadMonitor(settings, name); !cleaned)
        return fail(cleaned.error().wrap("stop '" + name + "'"));
    return {};
}

// What runs without its monitor: the init's pid only when the cgroup holds
// it (a pid in a file may name another process by now).
ContainerState unmanagedState(const std::string& name, const std::vector<pid_t>& left,
                              const Result<runtime::RecordedState>& recorded)
{
    ContainerState state;
    state.name = name;
    state.state = RunState::Unmanaged;
    state.lastError = kMonitorLost;
    if (recorded) {
        if (std::ranges::binary_search(left, recorded->initPid))
            state.initPid = recorded->initPid;
        state.startedAt = recorded->startedAt;
        state.lastExit = recorded->lastExit;
    }
    return state;
}

} // namespace

Engine::Engine(EngineSettings settings)
    : m_settings(std::move(settings)),
      m_spareMonitor(m_settings.spareMonitor ? std::make_shared<runtime::SpareMonitor>(m_settings) : nullptr)
{}

Status Engine::start(const std::string& name, const StartOptions& options)
{
    const trace::Span traced("engine", "start " + name);
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    if (runtime::monitorAlive(m_settings.paths, name))
        return failWith(EBUSY, "container '" + name + "' is already running");
    if (!processesLeftBehind(m_settings, name).empty())
        return failWith(EBUSY, "container '" + name + "' still runs without its monitor: stop it first");
    if (Status cleaned = cleanUpAfterDeadMonitor(m_settings, name); !cleaned)
        return cleaned;

    // Errors found here change nothing at all.
    auto spec = runtime::loadContainerSpec(m_settings, name);
    if (!spec)
        return fail(spec.error().wrap("start '" + name + "'"));
    if (auto checked = runtime::preflight(*spec, options.command); !checked)
        return fail(checked.error().wrap("start '" + name + "'"));

    trace::point("engine", "start: checked, spawning the monitor");
    auto pid = m_spareMonitor ? m_spareMonitor->start(name, options.command)
                              : runtime::spawnMonitor(m_settings, name, options.command);
    if (!pid) {
        removeRunFilesOfFailedStart(m_settings.paths, name);
        return fail(pid.error().wrap("start '" + name + "'"));
    }
    return {};
}

Status Engine::stop(const std::string& name, std::chrono::milliseconds timeout)
{
    const trace::Span traced("engine", "stop " + name);
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    if (!runtime::monitorAlive(m_settings.paths, name))
        return stopUnmanaged(m_settings, name);
    const runtime::StopRequest request{timeout};
    auto reply =
        runtime::askMonitorAndWaitExit(m_settings.paths.monitorSocket(name), request, timeout + kRequestTimeout);
    if (!reply && reply.error().code == ETIMEDOUT)
        return fail(reply.error().wrap("stop '" + name + "'"));
    // A monitor whose init ended as we asked takes no request: its going,
    // with the container stopped, is the answer (as for waitStopped).
    if (!runtime::waitMonitorGone(m_settings.paths, name, kMonitorExitTimeout))
        return reply ? failWith(ETIMEDOUT, "stop '" + name + "': the monitor did not exit")
                     : fail(reply.error().wrap("stop '" + name + "'"));
    if (!reply)
        if (auto now = state(name); !now || now->state != RunState::Stopped)
            return fail(reply.error().wrap("stop '" + name + "'"));
    return {};
}

Status Engine::kill(const std::string& name, int signal)
{
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return exists;
    if (signal <= 0 || signal > SIGRTMAX)
        return failWith(EINVAL, "invalid signal " + std::to_string(signal));
    if (!runtime::monitorAlive(m_settings.paths, name))
        return noMonitorError(m_settings, name);
    const runtime::KillRequest request{signal};
    if (auto reply = runtime::askMonitor(m_settings.paths.monitorSocket(name), request, kRequestTimeout); !reply)
        return fail(reply.error().wrap("kill '" + name + "'"));
    return {};
}

Result<ContainerState> Engine::state(const std::string& name) const
{
    const trace::Span traced("engine", "state " + name);
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    ContainerState state;
    state.name = name;
    auto recorded = runtime::readState(m_settings.paths.stateFile(name));
    const bool alive = runtime::monitorAlive(m_settings.paths, name);
    if (!alive) {
        // The cgroup says whether anything still runs, not the file; a
        // readable "stopped" was written after the monitor removed it, so
        // a list of stopped containers reads no cgroup.
        const bool recordedStopped = recorded && recorded->state == RunState::Stopped;
        if (auto left = recordedStopped ? std::vector<pid_t>{} : processesLeftBehind(m_settings, name); !left.empty())
            return unmanagedState(name, left, recorded);
        if (!recorded)
            return state; // never ran since boot
        state.lastExit = recorded->lastExit;
        state.lastError = recorded->state == RunState::Stopped ? recorded->lastError : std::string(kMonitorEnded);
        return state;
    }
    if (!recorded && recorded.error().code != ENOENT)
        recorded = recordedAgain(m_settings.paths, name);
    if (!recorded) {
        // Before its first record a starting monitor has written nothing.
        if (recorded.error().code == ENOENT)
            return state;
        // A monitor holds the lock: the container is not stopped, whatever
        // the file says.
        state.state = RunState::Running;
        state.lastError = recorded.error().describe();
        return state;
    }
    state.lastExit = recorded->lastExit;
    state.lastError = recorded->lastError;
    state.state = recorded->state;
    if (state.state == RunState::Running && isFrozen(cgroupParentIn(*recorded, m_settings), name))
        state.state = RunState::Frozen;
    state.initPid = recorded->initPid;
    state.monitorPid = recorded->monitorPid;
    state.startedAt = recorded->startedAt;
    return state;
}

Result<std::vector<std::string>> Engine::list() const
{
    return ContainerStore(m_settings.paths).list();
}

std::vector<std::string> Engine::sweepLeftovers()
{
    auto swept = berth::sweepLeftovers(m_settings.paths);
    // A pull killed while it extracted a layer (no pull runs at start).
    std::ranges::move(image_store::sweepStore(m_settings.paths), std::back_inserter(swept));
    // What a monitor killed with nothing left running did not tear down.
    std::ranges::move(finishDeadMonitorsTeardown(m_settings), std::back_inserter(swept));
    return swept;
}

Result<UniqueFd> Engine::console(const std::string& name, int tty)
{
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    if (!runtime::monitorAlive(m_settings.paths, name))
        return fail(noMonitorError(m_settings, name).error());
    const runtime::ConsoleRequest request{tty};
    auto reply = runtime::askMonitor(m_settings.paths.monitorSocket(name), request, kRequestTimeout);
    if (!reply)
        return fail(reply.error().wrap("console of '" + name + "'"));
    if (!reply->fd)
        return failWith(EPROTO, "console of '" + name + "': the monitor sent no terminal");
    return std::move(reply->fd);
}

Status Engine::resizeConsole(const std::string& name, int tty, unsigned short rows, unsigned short cols)
{
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return exists;
    const runtime::ResizeRequest request{tty, rows, cols};
    if (auto reply = runtime::askMonitor(m_settings.paths.monitorSocket(name), request, kRequestTimeout); !reply)
        return fail(reply.error().wrap("resize console of '" + name + "'"));
    return {};
}

Result<ContainerState> Engine::waitStopped(const std::string& name, std::chrono::milliseconds timeout)
{
    const trace::Span traced("engine", "wait stopped " + name);
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    if (runtime::monitorAlive(m_settings.paths, name)) {
        const runtime::WaitRequest request;
        auto reply = runtime::askMonitorAndWaitExit(m_settings.paths.monitorSocket(name), request, timeout);
        if (!reply && reply.error().code == ETIMEDOUT)
            return fail(reply.error().wrap("wait for '" + name + "'"));
        // The monitor may finish between the check and the request, or while it
        // answers (a reset, a broken pipe, a cut message): its going is the answer.
        if (!runtime::waitMonitorGone(m_settings.paths, name, kMonitorExitTimeout)) {
            if (!reply)
                return fail(reply.error().wrap("wait for '" + name + "'"));
            return failWith(ETIMEDOUT, "wait for '" + name + "': the monitor did not exit");
        }
    }
    return state(name);
}

Status Engine::destroy(const std::string& name, bool force)
{
    const trace::Span traced("engine", "destroy " + name);
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    // Snapshots read this rootfs as their lower layer: it must stay.
    if (auto snapshots = checkNoSnapshotsOf(m_settings, name); !snapshots)
        return snapshots;
    if (runtime::monitorAlive(m_settings.paths, name)) {
        if (!force)
            return failWith(EBUSY, "container '" + name + "' is running: stop it first, or force the destroy");
        const runtime::StopRequest request{std::chrono::milliseconds(0)};
        if (auto reply = runtime::askMonitor(m_settings.paths.monitorSocket(name), request, kRequestTimeout); !reply)
            return fail(reply.error().wrap("destroy '" + name + "'"));
        if (!runtime::waitMonitorGone(m_settings.paths, name, kMonitorExitTimeout))
            return failWith(ETIMEDOUT, "destroy '" + name + "': the monitor did not exit");
    } else if (!force && !processesLeftBehind(m_settings, name).empty()) {
        return failWith(EBUSY,
                        "container '" + name + "' still runs without its monitor: stop it first, or force the destroy");
    }
    if (Status cleaned = cleanUpAfterDeadMonitor(m_settings, name); !cleaned)
        return fail(cleaned.error().wrap("destroy '" + name + "'"));
    runtime::releaseContainerAddresses(m_settings, name);
    trace::point("engine", "destroy: checked, removing the files");
    if (auto removed = ContainerStore(m_settings.paths).remove(name); !removed)
        return fail(removed.error().wrap("destroy '" + name + "'"));
    return {};
}

} // namespace berth
