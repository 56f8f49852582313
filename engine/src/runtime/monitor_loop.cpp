// The monitor's event loop: signals, console traffic and requests.
#include "runtime/monitor.h"

#include "common/code_pages.h"
#include "common/pidfd.h"
#include "net/bridge_host.h"
#include "runtime/fd_passing.h"
#include "runtime/monitor_protocol.h"
#include "runtime/signal_taken.h"

#include <csignal>
#include <cstring>
#include <variant>

#include <malloc.h>
#include <poll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kStopSignalGrace = std::chrono::seconds(2);
constexpr auto kServiceCheckInterval = std::chrono::seconds(5);
// How long after its launch an init counts as starting, and how often a
// halt waiting for it looks again.
constexpr auto kInitStartup = std::chrono::seconds(5);
constexpr auto kHaltRetryInterval = std::chrono::milliseconds(20);

bool peerIsRoot(int connection)
{
    ucred cred{};
    socklen_t len = sizeof(cred);
    return ::getsockopt(connection, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 && cred.uid == 0;
}

ExitStatus exitStatusOf(int waitStatus)
{
    if (WIFSIGNALED(waitStatus))
        return ExitStatus{0, WTERMSIG(waitStatus)};
    return ExitStatus{WEXITSTATUS(waitStatus), 0};
}

// The console `tty` of a request.
Result<ConsoleMux*> consoleAt(std::vector<ConsoleMux>& consoles, int tty)
{
    if (tty < 0 || static_cast<size_t>(tty) >= consoles.size())
        return failWith(ENOENT, "the container has no tty " + std::to_string(tty));
    return &consoles[static_cast<size_t>(tty)];
}

} // namespace

void Monitor::loop()
{
    while (m_state != RunState::Stopped) {
        const auto now = Clock::now();
        std::vector<pollfd> fds{{m_signalFd.get(), POLLIN, 0}, {m_listen.get(), POLLIN, 0}};
        std::vector<std::pair<size_t, int>> owners; // console index, client fd (-1 = master)
        int timeout = -1;
        // The shortest wait any pending deadline asks for.
        auto wakeIn = [&](Clock::time_point when) {
            const long left =
                std::max<long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(when - now).count());
            timeout = timeout < 0 ? static_cast<int>(left) : std::min(timeout, static_cast<int>(left));
        };
        for (size_t i = 0; i < m_consoles.size(); ++i) {
            if (m_consoles[i].masterPaused(now))
                wakeIn(now + std::chrono::milliseconds(50));
            else {
                fds.push_back({m_consoles[i].masterFd(), POLLIN, 0});
                owners.emplace_back(i, -1);
            }
            for (int client : m_consoles[i].clientFds()) {
                fds.push_back({client, POLLIN, 0});
                owners.emplace_back(i, client);
            }
        }
        if (m_killDeadline)
            wakeIn(*m_killDeadline);
        if (m_haltWaiting)
            wakeIn(now + kHaltRetryInterval);
        if (m_nextServiceCheck)
            wakeIn(*m_nextServiceCheck);
        if (m_settleAt)
            wakeIn(*m_settleAt);
        if (::poll(fds.data(), fds.size(), timeout) < 0 && errno != EINTR)
            break;

        if (m_nextServiceCheck && Clock::now() >= *m_nextServiceCheck)
            checkNetworkServices();
        if (m_killDeadline && Clock::now() >= *m_killDeadline)
            escalateStop();
        if (m_haltWaiting)
            sendHaltWhenTaken();
        if (m_settleAt && Clock::now() >= *m_settleAt)
            settle();
        for (size_t i = 2; i < fds.size(); ++i) {
            if (!fds[i].revents)
                continue;
            auto [console, client] = owners[i - 2];
            if (client < 0)
                m_consoles[console].readMaster();
            else if (!m_consoles[console].readClient(client))
                m_consoles[console].removeClient(client);
        }
        if (fds[1].revents & POLLIN)
            acceptConnection();
        if (fds[0].revents & POLLIN)
            handleSignals();
    }
}

// The container has run for a moment: what only the set-up used (its code,
// freed heap) leaves the monitor's resident set. A command that ends at
// once never pays for it.
void Monitor::settle()
{
    m_settleAt.reset();
    ::malloc_trim(0);
    releaseCodePages();
}

void Monitor::handleSignals()
{
    signalfd_siginfo info{};
    while (::read(m_signalFd.get(), &info, sizeof(info)) == sizeof(info)) {
        if (info.ssi_signo == SIGTERM || info.ssi_signo == SIGINT)
            requestStop(std::chrono::seconds(10), UniqueFd{});
    }
    int status = 0;
    pid_t pid;
    while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0)
        if (pid == m_initPid)
            onInitExited(status);
}

void Monitor::onInitExited(int waitStatus)
{
    m_exit = exitStatusOf(waitStatus);
    m_killDeadline.reset();
    m_haltWaiting = false;
    // Processes that joined the container later (exec) may outlive the
    // namespace's init in the cgroup; they go with it.
    if (m_cgroup)
        if (auto killed = m_cgroup->killAll(); !killed)
            m_exitNote = killed.error().describe();
    m_state = RunState::Stopped;
}

// Each monitor watches over the networks its container uses: a dnsmasq that
// died is started again (as lxc-net's supervision would).
void Monitor::checkNetworkServices()
{
    for (const InterfacePlan& iface : m_network.interfaces) {
        if (iface.bridge.empty())
            continue;
        if (auto bridge = net::loadBridge(m_options.settings.paths, iface.bridge))
            (void)net::bridgeUp(m_options.settings.paths, *bridge);
    }
    m_nextServiceCheck = Clock::now() + kServiceCheckInterval;
}

// The halt timed out: lxc.signal.stop (SIGKILL by default), and if that is
// ignored too, SIGKILL a little later.
void Monitor::escalateStop()
{
    m_killDeadline.reset();
    m_haltWaiting = false;
    m_exitNote = "did not halt in time; killed";
    if (m_stopSignal != SIGKILL && !m_stopSignalSent) {
        m_stopSignalSent = true;
        sendSignal(m_stopSignal);
        m_killDeadline = Clock::now() + kStopSignalGrace;
        return;
    }
    sendSignal(SIGKILL);
}

void Monitor::sendSignal(int signal)
{
    if (pidfdSignal(m_pidfd.get(), signal) != 0 && errno != ESRCH)
        m_exitNote = "cannot signal the init: " + std::string(strerror(errno));
    if (signal == SIGKILL && m_cgroup)
        (void)m_cgroup->killAll();
}

void Monitor::requestStop(std::chrono::milliseconds timeout, UniqueFd waiter)
{
    if (waiter)
        m_waiters.push_back(std::move(waiter));
    if (m_state == RunState::Stopping)
        return;
    // Not written (a full /run): the file keeps "running" until the stop
    // ends, which is still true of the container.
    (void)recordState(RunState::Stopping);
    // A frozen init cannot act on its halt signal.
    if (m_cgroup)
        (void)m_cgroup->setFrozen(false);
    if (timeout.count() <= 0 || m_haltSignal == SIGKILL) {
        sendSignal(SIGKILL);
        return;
    }
    m_killDeadline = Clock::now() + timeout;
    sendHaltWhenTaken();
}

// A namespace's init drops a signal it neither catches nor blocks: a halt
// asked for while the init starts waits until it takes it (signal_taken.h),
// within the halt's timeout and the init's first seconds; after those it
// is sent at once, as it always was.
void Monitor::sendHaltWhenTaken()
{
    const bool starting = Clock::now() < m_initLaunched + kInitStartup;
    m_haltWaiting = starting && !processTakesSignal(m_initPid, m_haltSignal);
    if (!m_haltWaiting)
        sendSignal(m_haltSignal);
}

void Monitor::acceptConnection()
{
    for (;;) {
        UniqueFd connection(::accept4(m_listen.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!connection)
            return;
        if (!peerIsRoot(connection.get()))
            continue;
        // Requests are one small message sent right after connecting.
        pollfd pfd{connection.get(), POLLIN, 0};
        if (::poll(&pfd, 1, 1000) == 1)
            handleRequest(std::move(connection));
    }
}

void Monitor::reply(int connection, bool ok, const Error* error, int fd)
{
    MonitorAnswer answer;
    if (!ok)
        answer.error = error ? *error : Error::make(EIO, "monitor request failed");
    (void)sendMessage(connection, encodeMessage(answer), fd);
}

void Monitor::handleRequest(UniqueFd connection)
{
    auto message = receiveMessage(connection.get());
    if (!message || message->text.empty())
        return;
    const auto request = decodeRequest(message->text);
    if (!request) {
        reply(connection.get(), false, &request.error());
        return;
    }
    if (const auto* stop = std::get_if<StopRequest>(&*request)) {
        requestStop(stop->timeout, std::move(connection));
    } else if (std::holds_alternative<WaitRequest>(*request)) {
        m_waiters.push_back(std::move(connection));
    } else if (const auto* kill = std::get_if<KillRequest>(&*request)) {
        const int signal = kill->signal;
        if (signal <= 0 || signal > SIGRTMAX) {
            const Error error = Error::make(EINVAL, "invalid signal " + std::to_string(signal));
            reply(connection.get(), false, &error);
            return;
        }
        sendSignal(signal);
        reply(connection.get(), true);
    } else if (const auto* resize = std::get_if<ResizeRequest>(&*request)) {
        auto console = consoleAt(m_consoles, resize->tty);
        if (!console) {
            reply(connection.get(), false, &console.error());
            return;
        }
        (*console)->setWindowSize(resize->rows, resize->cols);
        reply(connection.get(), true);
    } else if (const auto* attach = std::get_if<ConsoleRequest>(&*request)) {
        auto console = consoleAt(m_consoles, attach->tty);
        if (!console) {
            reply(connection.get(), false, &console.error());
            return;
        }
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
            const Error error = Error::fromErrno(errno, "socketpair");
            reply(connection.get(), false, &error);
            return;
        }
        UniqueFd ours(pair[0]), theirs(pair[1]);
        (*console)->addClient(std::move(ours));
        reply(connection.get(), true, nullptr, theirs.get());
    } else if (std::holds_alternative<PidfdRequest>(*request)) {
        reply(connection.get(), true, nullptr, m_pidfd.get());
    } else if (std::holds_alternative<RecordRequest>(*request)) {
        // A write that fails (a full /run) is the answer; one that succeeds is read back.
        if (auto recorded = recordState(m_state); !recorded) {
            reply(connection.get(), false, &recorded.error());
            return;
        }
        auto written = readState(m_paths.stateFile(m_options.name));
        reply(connection.get(), static_cast<bool>(written), written ? nullptr : &written.error());
    }
}

} // namespace berth::runtime
