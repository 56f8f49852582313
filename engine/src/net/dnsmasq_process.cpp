#include "net/dnsmasq_process.h"

#include "berth/unique_fd.h"
#include "common/pidfd.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <optional>
#include <string_view>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::net {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// Bounds on waiting for dnsmasq; generous because a loaded machine is slow,
// and only reached when dnsmasq misbehaves.
constexpr auto kStartTimeout = std::chrono::seconds(10);
constexpr auto kTermTimeout = std::chrono::seconds(5);
constexpr auto kKillTimeout = std::chrono::seconds(5);
constexpr int kPollSliceMs = 20;

Result<std::string> readAllFrom(int fd, const std::string& what)
{
    std::string text;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "read " + what);
        if (n == 0)
            return text;
        text.append(buf, static_cast<std::size_t>(n));
    }
}

Result<std::string> readAt(int dirFd, const char* name, const std::string& what)
{
    UniqueFd fd(::openat(dirFd, name, O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + what);
    return readAllFrom(fd.get(), what);
}

// The pid in a pid file; nullopt when there is no pid file.
Result<std::optional<pid_t>> readPidFile(const fs::path& pidFile)
{
    UniqueFd fd(::open(pidFile.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd && errno == ENOENT)
        return std::nullopt;
    if (!fd)
        return failErrno(errno, "open pid file " + pidFile.string());
    auto text = readAllFrom(fd.get(), "pid file " + pidFile.string());
    if (!text)
        return std::unexpected(std::move(text.error()));
    std::string_view digits = *text;
    if (digits.ends_with('\n'))
        digits.remove_suffix(1);
    pid_t pid = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
    if (ec != std::errc() || end != digits.data() + digits.size() || pid <= 0)
        return failWith(EINVAL, "malformed pid file " + pidFile.string() + ": '" + *text + "'", pidFile.string());
    return pid;
}

Status removePidFile(const fs::path& pidFile)
{
    if (::unlink(pidFile.c_str()) != 0 && errno != ENOENT)
        return failErrno(errno, "remove pid file " + pidFile.string());
    return {};
}

// comm is "dnsmasq" and the process has not exited (zombies keep their comm).
bool isLiveDnsmasq(int procDir)
{
    auto stat = readAt(procDir, "stat", "stat");
    if (!stat)
        return false;
    // "pid (comm) S ...": comm may itself contain ')', so use the last one.
    const std::size_t open = stat->find('(');
    const std::size_t close = stat->rfind(')');
    if (open == std::string::npos || close == std::string::npos || close + 2 >= stat->size())
        return false;
    const std::string_view comm = std::string_view(*stat).substr(open + 1, close - open - 1);
    const char state = (*stat)[close + 2];
    return comm == "dnsmasq" && state != 'Z' && state != 'X';
}

// The command line of the process behind /proc/<pid> (as `procDir`), program first.
std::vector<std::string> commandLine(int procDir)
{
    auto cmdline = readAt(procDir, "cmdline", "cmdline");
    std::vector<std::string> args;
    std::size_t start = 0;
    while (cmdline && start < cmdline->size()) {
        std::size_t end = cmdline->find('\0', start);
        if (end == std::string::npos)
            end = cmdline->size();
        args.emplace_back(cmdline->substr(start, end - start));
        start = end + 1;
    }
    return args;
}

// The process behind /proc/<pid> (as `procDir`) is a live dnsmasq started
// for `pidFile`.
bool isDnsmasqFor(int procDir, const fs::path& pidFile)
{
    if (!isLiveDnsmasq(procDir))
        return false;
    std::vector<std::string> args = commandLine(procDir);
    if (args.empty())
        return false;
    args.erase(args.begin());
    return argumentsNamePidFile(args, pidFile);
}

UniqueFd openProcDir(pid_t pid)
{
    const std::string dir = "/proc/" + std::to_string(pid);
    return UniqueFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

// The dnsmasq the pid file names runs with exactly `argv`.
bool runsWith(const fs::path& pidFile, const std::vector<std::string>& argv)
{
    auto pid = readPidFile(pidFile);
    if (!pid || !*pid)
        return false;
    UniqueFd procDir = openProcDir(**pid);
    return procDir && isDnsmasqFor(procDir.get(), pidFile) && commandLine(procDir.get()) == argv;
}

// Reaps `pid` if it is our child and has exited (a dnsmasq started with
// -k stays our child); harmless otherwise.
void reapIfExitedChild(int pidFd)
{
    siginfo_t info{};
    ::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(pidFd), &info, WEXITED | WNOHANG);
}

// Waits until the process behind `pidFd` has exited; false on timeout.
bool waitForExit(int pidFd, Clock::duration timeout)
{
    const auto deadline = Clock::now() + timeout;
    pollfd pfd{pidFd, POLLIN, 0};
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        const int r = ::poll(&pfd, 1, static_cast<int>(std::max<long long>(left.count(), 0)));
        if (r > 0)
            return true;
        if (r == 0 || (r < 0 && errno != EINTR))
            return false;
    }
}

// The child: only system calls from fork to exec, since the caller may run
// other threads.
[[noreturn]] void execDnsmasq(char* const* argv, int devNull, int errorsWrite)
{
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; ++sig)
        ::sigaction(sig, &dfl, nullptr);
    ::setsid();
    if (::dup2(devNull, STDIN_FILENO) < 0 || ::dup2(devNull, STDOUT_FILENO) < 0 ||
        ::dup2(errorsWrite, STDERR_FILENO) < 0)
        ::_exit(127);
    ::close_range(3, ~0U, 0);
    char* const noEnvironment[] = {nullptr};
    ::execve(argv[0], argv, noEnvironment);
    static constexpr char msg[] = "dnsmasq: cannot execute the program\n";
    [[maybe_unused]] const ssize_t ignored = ::write(STDERR_FILENO, msg, sizeof msg - 1);
    ::_exit(127);
}

struct Spawned {
    pid_t pid = -1;
    UniqueFd pidFd;
    UniqueFd errors; // read end of dnsmasq's stderr, non-blocking
};

Result<Spawned> spawnDnsmasq(const std::vector<std::string>& argv)
{
    std::vector<char*> args;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    UniqueFd devNull(::open("/dev/null", O_RDWR | O_CLOEXEC));
    if (!devNull)
        return failErrno(errno, "open /dev/null");
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
        return failErrno(errno, "pipe for dnsmasq's errors");
    UniqueFd readEnd(fds[0]), writeEnd(fds[1]);
    // The child's stderr must block like any stderr would.
    ::fcntl(writeEnd.get(), F_SETFL, 0);
    const pid_t pid = ::fork();
    if (pid < 0)
        return failErrno(errno, "fork for dnsmasq");
    if (pid == 0)
        execDnsmasq(args.data(), devNull.get(), writeEnd.get());
    UniqueFd pidFd = pidfdOpen(pid);
    if (!pidFd) {
        const int err = errno;
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        return failErrno(err, "pidfd_open for dnsmasq");
    }
    return Spawned{pid, std::move(pidFd), std::move(readEnd)};
}

void drain(int fd, std::string& text)
{
    char buf[1024];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0)
        text.append(buf, static_cast<std::size_t>(n));
}

// dnsmasq's documented exit codes; 127 is our own exec failure.
int codeForExit(int status)
{
    if (!WIFEXITED(status))
        return EINTR;
    switch (WEXITSTATUS(status)) {
    case 1:
        return EINVAL; // bad configuration
    case 2:
        return EADDRINUSE; // network: cannot bind, ...
    case 4:
        return ENOMEM;
    case 127:
        return ENOENT;
    default:
        return EIO; // 3: file system; 5: other
    }
}

std::string describeFailure(std::string errors, std::string_view fallback)
{
    while (!errors.empty() && (errors.back() == '\n' || errors.back() == ' '))
        errors.pop_back();
    return errors.empty() ? std::string(fallback) : errors;
}

// Kills the process we forked and whatever dnsmasq it may have left under
// the pid file, after a start that failed or took too long.
void abandonStart(Spawned& child, const fs::path& pidFile)
{
    pidfdSignal(child.pidFd.get(), SIGKILL);
    ::waitpid(child.pid, nullptr, 0);
    (void)stopDnsmasq(pidFile);
}

// Our child's exit status if it has exited, without blocking.
std::optional<int> exitStatus(pid_t pid)
{
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid)
        return status;
    return std::nullopt;
}

// The pid file names a live dnsmasq for it.
std::optional<pid_t> startedPid(const fs::path& pidFile)
{
    auto pid = readPidFile(pidFile);
    if (!pid || !*pid)
        return std::nullopt;
    UniqueFd procDir = openProcDir(**pid);
    if (!procDir || !isDnsmasqFor(procDir.get(), pidFile))
        return std::nullopt;
    return **pid;
}

// dnsmasq daemonizes by default: the process we forked exits (0, or its
// error code with a message on stderr) after the daemon is ready. With -k
// it stays; then the pid file naming our child is the signal.
Result<pid_t> waitForStart(Spawned child, const fs::path& pidFile)
{
    const auto deadline = Clock::now() + kStartTimeout;
    std::string errors;
    std::optional<int> status;
    while (Clock::now() < deadline) {
        pollfd pfd{child.errors.get(), POLLIN, 0};
        ::poll(&pfd, 1, kPollSliceMs);
        drain(child.errors.get(), errors);
        if (!status)
            status = exitStatus(child.pid);
        if (status && !(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)) {
            drain(child.errors.get(), errors);
            return failWith(codeForExit(*status), "start dnsmasq: " + describeFailure(errors, "dnsmasq exited at once"),
                            pidFile.string());
        }
        const std::optional<pid_t> pid = startedPid(pidFile);
        if (pid && (status || *pid == child.pid))
            return *pid;
    }
    abandonStart(child, pidFile);
    return failWith(ETIMEDOUT,
                    "start dnsmasq: no running dnsmasq named in " + pidFile.string() + " in time" +
                        (errors.empty() ? "" : ": " + describeFailure(errors, "")),
                    pidFile.string());
}

} // namespace

bool argumentsNamePidFile(const std::vector<std::string>& args, const fs::path& pidFile)
{
    const std::string path = pidFile.string();
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--pid-file=" + path || arg == "-x" + path)
            return true;
        if ((arg == "--pid-file" || arg == "-x") && i + 1 < args.size() && args[i + 1] == path)
            return true;
    }
    return false;
}

Result<fs::path> findDnsmasq(const fs::path& program)
{
    struct stat st {};
    if (::stat(program.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return failWith(ENOENT,
                        "dnsmasq not found at " + program.string() + ": install the Debian package dnsmasq-base",
                        program.string());
    if (::access(program.c_str(), X_OK) != 0)
        return failWith(EACCES, "dnsmasq at " + program.string() + " is not executable (Debian package dnsmasq-base)",
                        program.string());
    return program;
}

Result<pid_t> startDnsmasq(const std::vector<std::string>& argv, const fs::path& pidFile)
{
    if (argv.empty())
        return failWith(EINVAL, "start dnsmasq: no program given", pidFile.string());
    if (auto program = findDnsmasq(argv[0]); !program)
        return std::unexpected(std::move(program.error()));
    if (!argumentsNamePidFile({argv.begin() + 1, argv.end()}, pidFile))
        return failWith(EINVAL, "start dnsmasq: its arguments do not name the pid file " + pidFile.string(),
                        pidFile.string());
    auto running = dnsmasqRunning(pidFile);
    if (!running)
        return std::unexpected(std::move(running.error()));
    if (*running)
        return failWith(EEXIST, "start dnsmasq: already running for " + pidFile.string(), pidFile.string());
    // A stale pid file would be taken for the new dnsmasq's.
    if (auto removed = removePidFile(pidFile); !removed)
        return std::unexpected(std::move(removed.error()));
    auto child = spawnDnsmasq(argv);
    if (!child)
        return std::unexpected(std::move(child.error()));
    return waitForStart(std::move(*child), pidFile);
}

Result<bool> dnsmasqRunning(const fs::path& pidFile)
{
    auto pid = readPidFile(pidFile);
    if (!pid)
        return std::unexpected(std::move(pid.error()));
    if (!*pid)
        return false;
    UniqueFd pidFd = pidfdOpen(**pid);
    if (!pidFd)
        return false;
    UniqueFd procDir = openProcDir(**pid);
    const bool running = procDir && isDnsmasqFor(procDir.get(), pidFile);
    if (!running)
        reapIfExitedChild(pidFd.get());
    return running;
}

Status stopDnsmasq(const fs::path& pidFile)
{
    auto pid = readPidFile(pidFile);
    if (!pid)
        return std::unexpected(std::move(pid.error()));
    if (!*pid)
        return {};
    // pidfd first, /proc/<pid> second: if the pidfd's process is still alive
    // when signalled, it held the pid all along, so the check below was of
    // that very process and not of a recycled pid.
    UniqueFd pidFd = pidfdOpen(**pid);
    UniqueFd procDir = pidFd ? openProcDir(**pid) : UniqueFd();
    if (!procDir || !isDnsmasqFor(procDir.get(), pidFile)) {
        if (pidFd)
            reapIfExitedChild(pidFd.get());
        return removePidFile(pidFile);
    }
    const std::string what = "stop dnsmasq " + std::to_string(**pid);
    if (pidfdSignal(pidFd.get(), SIGTERM) != 0 && errno != ESRCH)
        return failErrno(errno, what + ": SIGTERM");
    if (!waitForExit(pidFd.get(), kTermTimeout)) {
        if (pidfdSignal(pidFd.get(), SIGKILL) != 0 && errno != ESRCH)
            return failErrno(errno, what + ": SIGKILL");
        if (!waitForExit(pidFd.get(), kKillTimeout))
            return failWith(ETIMEDOUT, what + ": still running after SIGKILL", pidFile.string());
    }
    reapIfExitedChild(pidFd.get());
    return removePidFile(pidFile);
}

Status reloadDnsmasq(const fs::path& pidFile)
{
    auto pid = readPidFile(pidFile);
    if (!pid)
        return std::unexpected(std::move(pid.error()));
    if (!*pid)
        return {};
    // The same pidfd-then-/proc check as stopDnsmasq: never signal a recycled pid.
    UniqueFd pidFd = pidfdOpen(**pid);
    UniqueFd procDir = pidFd ? openProcDir(**pid) : UniqueFd();
    if (!procDir || !isDnsmasqFor(procDir.get(), pidFile))
        return {};
    if (pidfdSignal(pidFd.get(), SIGHUP) != 0 && errno != ESRCH)
        return failErrno(errno, "reload dnsmasq " + std::to_string(**pid) + ": SIGHUP");
    return {};
}

Status ensureDnsmasq(const std::vector<std::string>& argv, const fs::path& pidFile)
{
    auto running = dnsmasqRunning(pidFile);
    if (!running)
        return std::unexpected(std::move(running.error()));
    if (*running && runsWith(pidFile, argv))
        return {};
    // Started with other arguments (by an older Berth, whose files were
    // elsewhere): it would keep serving those.
    if (*running)
        if (auto stopped = stopDnsmasq(pidFile); !stopped)
            return stopped;
    auto started = startDnsmasq(argv, pidFile);
    if (!started)
        return std::unexpected(std::move(started.error()));
    return {};
}

} // namespace berth::net
