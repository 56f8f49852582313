#include "runtime/spawn_monitor.h"

#include "berth/model/trace.h"

#include "fs/file_io.h"
#include "runtime/monitor_protocol.h"
#include "runtime/plan_builder.h"

#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

constexpr int kSyncFd = 3;
constexpr int kAssignmentFd = 4;
constexpr auto kStartTimeout = std::chrono::seconds(60);

// `name` empty: a spare, which reads its container from kAssignmentFd.
std::vector<std::string> monitorArguments(const EngineSettings& settings, const std::string& name,
                                          const std::vector<std::string>& commandOverride)
{
    std::vector<std::string> args = {libexecPath(settings, "berth-monitor").string()};
    if (name.empty()) {
        args.emplace_back("--assignment-fd");
        args.push_back(std::to_string(kAssignmentFd));
    } else {
        args.emplace_back("--name");
        args.push_back(name);
    }
    args.insert(args.end(), {
                                "--root",
                                settings.paths.root().string(),
                                "--cgroup-parent",
                                settings.cgroupParent,
                                "--libexec",
                                libexecPath(settings, "").string(),
                                "--sync-fd",
                                std::to_string(kSyncFd),
                            });
    for (const auto& root : settings.includeRoots) {
        args.emplace_back("--include-root");
        args.push_back(root.string());
    }
    for (const auto& arg : settings.wakeCommand) {
        args.emplace_back("--wake-arg");
        args.push_back(arg);
    }
    if (!commandOverride.empty()) {
        args.emplace_back("--");
        args.insert(args.end(), commandOverride.begin(), commandOverride.end());
    }
    return args;
}

// The monitor starts in a session of its own (it must outlive the helper and
// never get the helper's terminal) with /dev/null for stdio and the sync pipe
// as fd kSyncFd, nothing else. posix_spawn, not fork: the helper is large and
// threaded, and copying its page tables (then faulting them back in, copy on
// write) cost more than the monitor's whole set-up. The monitor leaves the
// session's leadership itself (monitor_main.cpp).
Result<pid_t> spawnDetached(char* const* argv, char* const* envp, int syncFd, int assignmentFd, int nullFd)
{
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    if (int err = ::posix_spawn_file_actions_init(&actions); err != 0)
        return failErrno(err, "spawn the monitor");
    if (int err = ::posix_spawnattr_init(&attr); err != 0) {
        ::posix_spawn_file_actions_destroy(&actions);
        return failErrno(err, "spawn the monitor");
    }
    int err = ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    if (err == 0)
        err = ::posix_spawnattr_setsigmask(&attr, &none);
    if (err == 0)
        err = ::posix_spawnattr_setsigdefault(&attr, &all);
    for (int target : {0, 1, 2})
        if (err == 0)
            err = ::posix_spawn_file_actions_adddup2(&actions, nullFd, target);
    // dup2 onto the same number clears close-on-exec (glibc 2.29 on).
    if (err == 0)
        err = ::posix_spawn_file_actions_adddup2(&actions, syncFd, kSyncFd);
    if (err == 0 && assignmentFd >= 0)
        err = ::posix_spawn_file_actions_adddup2(&actions, assignmentFd, kAssignmentFd);
    if (err == 0)
        err = ::posix_spawn_file_actions_addclosefrom_np(&actions, (assignmentFd >= 0 ? kAssignmentFd : kSyncFd) + 1);
    pid_t child = -1;
    if (err == 0)
        err = ::posix_spawn(&child, argv[0], &actions, &attr, argv, envp);
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attr);
    if (err != 0)
        return failErrno(err, std::string("start ") + argv[0]);
    return child;
}

Result<std::string> readStartReport(int fd)
{
    pollfd pfd{fd, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, static_cast<int>(std::chrono::milliseconds(kStartTimeout).count()));
    if (ready == 0)
        return failWith(ETIMEDOUT, "the monitor did not report in time");
    return fs::readAll(fd, 64 * 1024);
}

} // namespace

Result<SpawnedMonitor> spawnMonitorProcess(const EngineSettings& settings, const std::string& name,
                                           const std::vector<std::string>& commandOverride, int assignmentFd)
{
    const std::vector<std::string> args = monitorArguments(settings, name, commandOverride);
    std::vector<char*> argv;
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    // The monitor runs with a fixed, minimal environment, never the caller's;
    // the engine's own trace file (BERTH_TRACE, see berth/model/trace.h) goes along.
    const std::string traceVar = trace::enabled() ? std::string("BERTH_TRACE=") + trace::file() : std::string();
    const char* envp[] = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                          traceVar.empty() ? nullptr : traceVar.c_str(), nullptr};

    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return failErrno(errno, "pipe");
    UniqueFd readEnd(pipeFds[0]), writeEnd(pipeFds[1]);
    UniqueFd nullFd(::open("/dev/null", O_RDWR | O_CLOEXEC));
    if (!nullFd)
        return failErrno(errno, "open /dev/null");

    auto child = spawnDetached(argv.data(), const_cast<char* const*>(envp), writeEnd.get(), assignmentFd, nullFd.get());
    if (!child)
        return fail(child.error());
    return SpawnedMonitor{*child, std::move(readEnd), args.front()};
}

Result<pid_t> awaitMonitorReport(SpawnedMonitor& spawned)
{
    // The first process forks the monitor and exits at once (monitor_main.cpp).
    int status = 0;
    while (::waitpid(spawned.first, &status, 0) < 0 && errno == EINTR) {}
    spawned.first = -1;

    auto text = readStartReport(spawned.report.get());
    if (!text)
        return fail(text.error());
    if (text->empty())
        return failWith(EIO, "the monitor exited without reporting (is " + spawned.binary + " installed?)");
    auto report = decodeStartReport(*text);
    if (!report)
        return fail(report.error());
    if (report->error)
        return fail(std::move(*report->error));
    return report->initPid;
}

Result<pid_t> spawnMonitor(const EngineSettings& settings, const std::string& name,
                           const std::vector<std::string>& commandOverride)
{
    auto spawned = spawnMonitorProcess(settings, name, commandOverride, -1);
    if (!spawned)
        return fail(spawned.error());
    return awaitMonitorReport(*spawned);
}

bool monitorAlive(const Paths& paths, const std::string& name)
{
    UniqueFd fd(::open(paths.monitorLock(name).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return false;
    if (::flock(fd.get(), LOCK_SH | LOCK_NB) == 0)
        return false; // nobody holds it: no monitor
    return errno == EWOULDBLOCK;
}

bool waitMonitorGone(const Paths& paths, const std::string& name, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (monitorAlive(paths, name)) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

} // namespace berth::runtime
