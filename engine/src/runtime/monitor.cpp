#include "runtime/monitor.h"

#include "berth/model/trace.h"

#include "cgroup/cgroup_manager.h"
#include "cgroup/layout.h"
#include "cgroup/limit_writes.h"
#include "cgroup/machine_registration.h"
#include "runtime/launcher.h"
#include "runtime/monitor_protocol.h"
#include "runtime/plan_builder.h"
#include "runtime/read_only_root.h"
#include "runtime/wake_remover.h"

#include <csignal>
#include <cstdlib>
#include <ctime>

#include <fcntl.h>
#include <net/if.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

// How long a container runs before the monitor gives its set-up's memory back.
constexpr std::chrono::seconds kSettleTime{2};

// The engine's liveness probe (monitorAlive) holds a shared lock on the
// file for a moment; a monitor holds it for its life. Waiting a little tells
// the two apart: a spare monitor reaches this within a millisecond of the
// start, while the helper is still reading the container's state.
constexpr auto kProbeGrace = std::chrono::milliseconds(100);

Result<UniqueFd> lockMonitorFile(const std::filesystem::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd)
        return failErrno(errno, "open " + file.string());
    const auto deadline = std::chrono::steady_clock::now() + kProbeGrace;
    while (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            return failErrno(errno, "lock " + file.string());
        if (std::chrono::steady_clock::now() >= deadline)
            return failWith(EBUSY, "another monitor runs this container");
        ::usleep(1000);
    }
    return fd;
}

Result<UniqueFd> blockSignals()
{
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGQUIT})
        sigaddset(&set, sig);
    if (::sigprocmask(SIG_BLOCK, &set, nullptr) != 0)
        return failErrno(errno, "block signals");
    ::signal(SIGPIPE, SIG_IGN);
    UniqueFd fd(::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK));
    if (!fd)
        return failErrno(errno, "signalfd");
    return fd;
}

struct PtyPair {
    UniqueFd master;
    UniqueFd slave;
    std::string slavePath;
};

Result<PtyPair> openPty()
{
    UniqueFd master(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK));
    if (!master)
        return failErrno(errno, "open a pty");
    if (::unlockpt(master.get()) != 0)
        return failErrno(errno, "unlock the pty");
    UniqueFd slave(::ioctl(master.get(), TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!slave)
        return failErrno(errno, "open the pty's slave");
    char name[64];
    if (::ptsname_r(master.get(), name, sizeof(name)) != 0)
        return failErrno(errno, "name the pty");
    return PtyPair{std::move(master), std::move(slave), name};
}

// The host ends of the container's veths, for machined (`machinectl status`
// lists them). Macvlans have no host end; a link already gone is left out.
std::vector<std::int32_t> hostInterfaceIndices(const NetworkPlan& network)
{
    std::vector<std::int32_t> indices;
    for (const InterfacePlan& iface : network.interfaces)
        if (!iface.hostName.empty())
            if (const unsigned index = ::if_nametoindex(iface.hostName.c_str()); index > 0)
                indices.push_back(static_cast<std::int32_t>(index));
    return indices;
}

// Without reaping it: the loop collects the exit status.
bool initHasExited(pid_t pid)
{
    siginfo_t info{};
    return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

// The console and tty slaves are host ptys bound into the container: its
// root (host BASE, tty group BASE+5) must own them, or it could not open
// /dev/console, as devpts gives its own ptys (mode 0620, gid=5).
Status givePtysTo(const std::vector<UniqueFd>& slaves, const model::IdMap& map)
{
    const auto uid = map.toHost(model::IdKind::User, 0);
    const auto gid = map.toHost(model::IdKind::Group, 5);
    if (!uid || !gid)
        return failWith(EINVAL, "the container's ID map has no root or tty group");
    for (const UniqueFd& slave : slaves)
        if (::fchown(slave.get(), *uid, *gid) != 0 || ::fchmod(slave.get(), 0620) != 0)
            return failErrno(errno, "give the console to the container's root");
    return {};
}

std::vector<CgroupMountSpec> cgroupTreesOf(const cgroup::Layout& layout)
{
    std::vector<CgroupMountSpec> trees;
    for (const cgroup::Hierarchy& h : layout.legacy) {
        std::string options;
        if (!h.name.empty())
            options = "name=" + h.name;
        for (const std::string& controller : h.controllers)
            options += (options.empty() ? "" : ",") + controller;
        trees.push_back({h.mountPoint.filename().string(), "cgroup", options});
    }
    if (layout.unified)
        trees.push_back({layout.unified->mountPoint.filename().string(), "cgroup2", ""});
    return trees;
}

// An init in a user namespace (systemd) manages sub-cgroups of its own; the
// limit files stay the host's root's.
Status delegateToContainerRoot(const cgroup::ContainerCgroup& group, const model::IdMap& map)
{
    if (map.empty())
        return {};
    const auto uid = map.toHost(model::IdKind::User, 0);
    const auto gid = map.toHost(model::IdKind::Group, 0);
    if (!uid || !gid)
        return failWith(EINVAL, "the ID map does not map root");
    return group.delegateTo(*uid, *gid);
}

} // namespace

Monitor::Monitor(MonitorOptions options)
    : m_options(std::move(options)), m_paths(m_options.settings.paths),
      m_cgroupManager(
          cgroup::makeCgroupManager(cgroup::managerKindFor("/", m_options.settings.cgroupParent, kDefaultCgroupParent),
                                    m_options.settings.cgroupParent))
{}

Status Monitor::openConsoles(unsigned ttyCount, std::size_t ringSize)
{
    for (unsigned i = 0; i <= ttyCount; ++i) {
        auto pty = openPty();
        if (!pty)
            return fail(pty.error());
        m_consoles.emplace_back(std::move(pty->master), ringSize, i == 0 ? m_log.get() : nullptr);
        m_slaves.push_back(std::move(pty->slave));
        m_slavePaths.push_back(std::move(pty->slavePath));
    }
    m_consoles.front().setWindowSize(24, 80);
    return {};
}

Status Monitor::listen()
{
    const std::filesystem::path path = m_paths.monitorSocket(m_options.name);
    ::unlink(path.c_str());
    m_listen.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!m_listen)
        return failErrno(errno, "socket");
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.native().size() >= sizeof(addr.sun_path))
        return failWith(ENAMETOOLONG, "monitor socket path is too long: " + path.string());
    std::snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path.c_str());
    const mode_t old = ::umask(0077);
    const int bound = ::bind(m_listen.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    ::umask(old);
    if (bound != 0)
        return failErrno(errno, "bind " + path.string());
    if (::listen(m_listen.get(), 16) != 0)
        return failErrno(errno, "listen on " + path.string());
    return {};
}

Status Monitor::removeCgroup()
{
    if (!m_cgroup)
        return {};
    Status removed = m_cgroup->remove();
    m_cgroup.reset();
    return removed;
}

// Once the container's cgroup is gone: what the manager made for it.
void Monitor::releaseCgroupParent()
{
    if (auto released = m_cgroupManager->release(); !released)
        noteProblem(released.error().describe());
}

// Through the cgroup manager (machined, in systemd's delegated scope).
// Called once the init has exec'd: the leader was placed in <parent>/<name>
// before its setup even began, so machined finds the scope; its pid is
// final; and as nothing after this can fail the start, a failed start never
// leaves a machine behind. Any problem is a warning: the container runs
// either way.
void Monitor::registerWithMachined(const std::filesystem::path& rootfs)
{
    cgroup::MachineRegistration machine;
    machine.name = m_options.name;
    // No id: the one that means something is the container's own
    // /etc/machine-id, which systemd inside may only write as it boots; one
    // made up here would match nothing (machined takes none as unknown).
    machine.leader = m_initPid;
    machine.rootDirectory = rootfs.string();
    machine.interfaces = hostInterfaceIndices(m_network);
    auto registered = m_cgroupManager->announce(machine);
    // An init that ended during the call cannot be a machine's leader; that
    // is how the run went, not a problem to report.
    if (!registered && !initHasExited(m_initPid))
        noteProblem("machinectl will not list the container: " + registered.error().describe());
}

// Problems that do not stop the container; kept with the state so that
// clients show them. Earlier notes are kept, not overwritten.
void Monitor::noteProblem(const std::string& note)
{
    m_exitNote += (m_exitNote.empty() ? "" : "; ") + note;
}

// Limits go on before the init runs, so it never runs unconstrained.
Status Monitor::applyConfiguredLimits(const Limits& limits, const cgroup::Layout& layout)
{
    if (limits.empty())
        return {};
    auto host = cgroup::readHostResources(layout);
    if (!host)
        return fail(host.error());
    auto writes = cgroup::limitWrites(limits, layout.mode, *host);
    if (!writes)
        return fail(writes.error());
    if (auto applied = m_cgroup->applyLimits(*writes); !applied)
        return fail(applied.error().wrap("apply the configured limits"));
    return {};
}

Status Monitor::setUp()
{
    auto lock = lockMonitorFile(m_paths.monitorLock(m_options.name));
    if (!lock)
        return fail(lock.error());
    m_lock = std::move(*lock);
    auto signals = blockSignals();
    if (!signals)
        return fail(signals.error());
    m_signalFd = std::move(*signals);
    trace::point("monitor", "locked");

    auto spec = loadContainerSpec(m_options.settings, m_options.name);
    if (!spec)
        return fail(spec.error());
    if (auto checked = preflight(*spec, m_options.commandOverride); !checked)
        return checked;
    if (spec->overlay)
        if (auto dirs = image::prepareOverlayDirs(*spec->overlay); !dirs)
            return fail(dirs.error().wrap("prepare the snapshot"));
    trace::point("monitor", "config read and checked");
    auto layout = cgroup::detectLayout();
    if (!layout)
        return fail(layout.error());
    auto plan = buildLaunchPlan(m_options.settings, *spec, m_options.commandOverride, *layout);
    if (!plan)
        return fail(plan.error());
    // Open until the init has attached them (end of this function).
    auto sharedTrees = prepareSharedFolders(spec->shares, spec->idMap);
    if (!sharedTrees)
        return fail(sharedTrees.error());
    plan->shares = sharedMountsOf(*sharedTrees);
    // An overlay container writes to its upper layer, which its snapshots have as a lower.
    auto readOnly =
        rootMustBeReadOnly(m_options.settings, m_options.name, spec->overlay ? spec->overlay->upper : spec->rootfs);
    if (!readOnly)
        return fail(readOnly.error());
    plan->readOnlyRoot = *readOnly;
    m_haltSignal = effectiveHaltSignal(*spec, m_options.commandOverride);
    trace::point("monitor", "launch planned");
    auto network = prepareContainerNetwork(m_options.settings, m_options.name, *spec);
    if (!network)
        return fail(network.error());
    plan->network = *network;
    plan->autoMounts.sysFromMonitor =
        plan->ownUserNamespace() && plan->network.hostNetwork && plan->autoMounts.sys != AutoMountPlan::Sys::None;
    m_network = std::move(*network);
    m_hasForwards = !spec->forwards.empty();
    for (const InterfacePlan& iface : m_network.interfaces)
        if (!iface.bridge.empty())
            m_nextServiceCheck = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    m_stopSignal = spec->stopSignal;

    trace::point("monitor", "network prepared");
    auto log = ConsoleLog::open(spec->consoleLogfile.value_or(m_paths.logFile(m_options.name)),
                                {spec->consoleLogSize, spec->consoleLogRotate});
    if (!log)
        return fail(log.error());
    m_log = std::make_unique<ConsoleLog>(std::move(*log));
    if (auto consoles = openConsoles(spec->ttyMax, spec->consoleBufferSize); !consoles)
        return consoles;
    if (plan->ownUserNamespace())
        if (auto given = givePtysTo(m_slaves, plan->idMap); !given)
            return given;
    plan->dev.consoleSlavePath = m_slavePaths[0];
    plan->dev.ttySlavePaths.assign(m_slavePaths.begin() + 1, m_slavePaths.end());
    plan->cgroupTrees = cgroupTreesOf(*layout);

    trace::point("monitor", "log and consoles open");
    auto parent = m_cgroupManager->prepareParent(*layout, m_options.name, ::getpid());
    if (!parent)
        return fail(parent.error());
    m_cgroupParent = *parent;
    auto group = cgroup::ContainerCgroup::create(*layout, m_cgroupParent, m_options.name);
    if (!group)
        return fail(group.error().wrap("create the container's cgroup"));
    m_cgroup.emplace(std::move(*group));
    if (auto restricted = m_cgroup->restrictDevices(spec->devices); !restricted)
        return fail(restricted.error());
    if (auto delegated = delegateToContainerRoot(*m_cgroup, spec->idMap); !delegated)
        return fail(delegated.error());
    if (auto limited = applyConfiguredLimits(spec->limits, *layout); !limited)
        return limited;
    if (auto listening = listen(); !listening)
        return listening;
    trace::point("monitor", "cgroup made, socket listening");

    auto launched = launchContainer(*plan, [this](pid_t pid) { return m_cgroup->attach(pid); });
    if (!launched)
        return fail(launched.error());
    m_initPid = launched->pid;
    m_pidfd = std::move(launched->pidfd);
    m_initLaunched = std::chrono::steady_clock::now();
    trace::point("monitor", "init launched");
    // Teardown deletes the host ends by these indexes, never by name alone.
    for (std::size_t i = 0; i < launched->hostLinks.size() && i < m_network.interfaces.size(); ++i)
        m_network.interfaces[i].hostIndex = launched->hostLinks[i];
    m_slaves.clear(); // the container holds its ends now
    m_startedAt = static_cast<std::int64_t>(::time(nullptr));
    // Clients know a running container by this file: a start that cannot
    // write it (a full /run) fails, rather than run a container shown stopped.
    if (auto recorded = recordState(RunState::Running); !recorded)
        return recorded;
    trace::point("monitor", "state recorded");
    registerWithMachined(spec->rootfs);
    // Forwards of this container, and the NAT of a bridge made on first use.
    if (m_hasForwards || m_nextServiceCheck)
        if (auto firewall = reconcileFirewall(m_options.settings); !firewall)
            noteProblem("port forwards not applied: " + firewall.error().describe());
    trace::point("monitor", "set up");
    return {};
}

void Monitor::reportStart(const Status& result)
{
    StartReport report;
    if (result)
        report.initPid = m_initPid;
    else
        report.error = result.error();
    const std::string text = encodeMessage(report);
    (void)!::write(m_options.syncFd, text.data(), text.size());
    ::close(m_options.syncFd);
    m_options.syncFd = -1;
}

Status Monitor::recordState(RunState state)
{
    m_state = state;
    RecordedState recorded;
    recorded.state = state;
    recorded.initPid = state == RunState::Stopped ? 0 : m_initPid;
    recorded.monitorPid = state == RunState::Stopped ? 0 : ::getpid();
    recorded.startedAt = m_startedAt;
    recorded.lastExit = m_exit;
    recorded.lastError = m_exitNote;
    recorded.cgroupParent = m_cgroupParent;
    if (state != RunState::Stopped)
        for (const InterfacePlan& iface : m_network.interfaces)
            if (!iface.hostName.empty())
                recorded.hostInterfaces.push_back(iface.hostName);
    if (m_cgroup && state != RunState::Stopped)
        for (const auto& file : m_cgroup->procsFiles())
            recorded.cgroupProcsFiles.push_back(file.string());
    return writeState(m_paths.stateFile(m_options.name), recorded);
}

// The last word of a run. If it cannot be written (a full /run), the file of
// the run must not outlive it saying "running": without a file the
// container reads as stopped, only its exit status is lost.
void Monitor::recordStopped()
{
    if (auto recorded = recordState(RunState::Stopped); !recorded)
        ::unlink(m_paths.stateFile(m_options.name).c_str());
}

// A start that failed after its init was launched: the init and all it
// runs are killed, and reaped here, as nobody reaps an orphan on a host
// whose PID 1 does not.
void Monitor::undoLaunch()
{
    if (m_initPid <= 0)
        return;
    sendSignal(SIGKILL);
    ::waitpid(m_initPid, nullptr, 0);
    m_initPid = 0;
    m_pidfd.reset();
}

void Monitor::tearDown()
{
    trace::point("monitor", "init ended");
    // No request is served from here on: one waiting to be taken is let go
    // now (its asker sees the monitor going), not when the teardown is over.
    m_listen.reset();
    for (ConsoleMux& console : m_consoles)
        console.drainMaster();
    trace::point("monitor", "consoles drained");
    removeHostSide(m_options.settings, m_options.name, m_network);
    // Forwards added while it ran are in the firewall too: any container on
    // a bridge may have some, whatever its config said at the start.
    if (m_hasForwards || !m_network.interfaces.empty())
        (void)reconcileFirewall(m_options.settings, m_options.name);
    trace::point("monitor", "host side removed");
    if (auto removed = removeCgroup(); !removed)
        m_exitNote = removed.error().describe();
    releaseCgroupParent();
    trace::point("monitor", "cgroup removed");
    recordStopped();
    trace::point("monitor", "stopped recorded");
    ::unlink(m_paths.monitorSocket(m_options.name).c_str());
    const std::string text = encodeMessage(MonitorAnswer{std::nullopt, m_exit});
    // The connections stay open until the lock is released: their closing
    // tells the waiters the monitor is gone.
    for (const UniqueFd& waiter : m_waiters)
        (void)!::send(waiter.get(), text.data(), text.size(), MSG_NOSIGNAL);
}

int Monitor::run()
{
    auto started = setUp();
    if (!started) {
        undoLaunch();
        removeHostSide(m_options.settings, m_options.name, m_network);
        removeBridgesMade(m_options.settings, m_options.name, m_network);
        // Leave nothing of this attempt: what the cgroup holds is killed
        // with it; the consoles go with this object; the socket and state
        // files are ours to remove.
        (void)removeCgroup();
        releaseCgroupParent();
        ::unlink(m_paths.monitorSocket(m_options.name).c_str());
        reportStart(started);
        return 1;
    }
    reportStart(started);
    trace::point("monitor", "start reported");
    m_settleAt = std::chrono::steady_clock::now() + kSettleTime;
    loop();
    tearDown();
    // Everything is torn down: the container counts as gone from here on.
    // Closing the waiters' connections tells them so; the wake below may
    // take a while and nobody waits for it.
    m_lock.reset();
    m_waiters.clear();
    trace::point("monitor", "lock released");
    wakeRemover(m_options.settings, m_options.name);
    trace::point("monitor", "exits");
    return 0;
}

} // namespace berth::runtime
