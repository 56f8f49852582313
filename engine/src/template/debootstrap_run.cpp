#include "template/debootstrap_run.h"

#include "berth/unique_fd.h"

#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::templates {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kMaxLine = 4096;

// Kills the child's process group and reaps the child, unless released.
// The leader is waited for without reaping first, so its pid (the group's
// id) cannot be reused by anyone else while the group is killed.
class GroupGuard {
public:
    explicit GroupGuard(pid_t pid) : m_pid(pid) {}
    GroupGuard(const GroupGuard&) = delete;
    GroupGuard& operator=(const GroupGuard&) = delete;
    ~GroupGuard()
    {
        if (m_pid > 0) {
            ::kill(-m_pid, SIGKILL);
            ::kill(m_pid, SIGKILL);
            (void)reap();
        }
    }
    // Waits for the leader, kills what is left of its group, reaps the leader.
    Result<int> reap()
    {
        siginfo_t info{};
        while (::waitid(P_PID, static_cast<id_t>(m_pid), &info, WEXITED | WNOWAIT) != 0)
            if (errno != EINTR)
                return failErrno(errno, "wait for debootstrap");
        ::kill(-m_pid, SIGKILL);
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0)
            if (errno != EINTR)
                return failErrno(errno, "reap debootstrap");
        m_pid = -1;
        return status;
    }

private:
    pid_t m_pid;
};

[[noreturn]] void execChild(const std::vector<char*>& argv, const std::vector<char*>& envp, int outFd, int nullFd,
                            const LoggedRunOptions& options)
{
    // Only system calls from here on: the parent may have other threads.
    ::setpgid(0, 0);
    // The forking thread waits for the child until it is reaped: if it
    // dies (the helper killed), the build stops rather than go on
    // writing into a staging directory the next build removes.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP)
            ::signal(sig, SIG_DFL);
    if (options.privateMounts &&
        (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0))
        ::_exit(125);
    if (::dup2(nullFd, 0) < 0 || ::dup2(outFd, 1) < 0 || ::dup2(outFd, 2) < 0)
        ::_exit(125);
    if (options.childMain)
        ::_exit(options.childMain(argv.data(), envp.data()));
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
}

struct ChildStart {
    const std::vector<char*>& argv;
    const std::vector<char*>& envp;
    int outFd, nullFd;
    const LoggedRunOptions& options;
};

// fork(2) into a new pid namespace: clone(2) without a stack of its own,
// so the child runs on its copy of this one, as after fork. Its system
// call takes the stack first on s390.
pid_t forkIntoNewPidNamespace()
{
    constexpr unsigned long kFlags = CLONE_NEWPID | SIGCHLD;
#if defined(__s390__) || defined(__s390x__)
    return static_cast<pid_t>(::syscall(SYS_clone, 0UL, kFlags, 0UL, 0UL, 0UL));
#else
    return static_cast<pid_t>(::syscall(SYS_clone, kFlags, 0UL, 0UL, 0UL, 0UL));
#endif
}

// fork(), or with newPidNamespace a child that is the pid 1 of a new pid
// namespace: when it is reaped, everything in it is gone.
pid_t startChild(const ChildStart& start)
{
    const pid_t pid = start.options.newPidNamespace ? forkIntoNewPidNamespace() : ::fork();
    if (pid == 0)
        execChild(start.argv, start.envp, start.outFd, start.nullFd, start.options);
    return pid;
}

// Splits what arrives into lines; an overlong line is cut.
class LineBuffer {
public:
    explicit LineBuffer(const std::function<void(std::string_view)>& onLine) : m_onLine(onLine) {}
    void add(std::string_view data)
    {
        for (char c : data) {
            if (c == '\n' || m_line.size() >= kMaxLine)
                flush();
            if (c != '\n' && c != '\r')
                m_line += c;
        }
    }
    void flush()
    {
        if (!m_line.empty())
            m_onLine(m_line);
        m_line.clear();
    }

private:
    const std::function<void(std::string_view)>& m_onLine;
    std::string m_line;
};

// Reads until end of file. ECANCELED or ETIMEDOUT leave the child to the guard.
Status pumpOutput(int fd, const Progress& progress, LineBuffer& lines, std::chrono::milliseconds silenceLimit)
{
    auto lastOutput = Clock::now();
    char buffer[4096];
    for (;;) {
        if (progress.cancelled())
            return failWith(ECANCELED, "cancelled");
        if (Clock::now() - lastOutput > silenceLimit)
            return failWith(ETIMEDOUT, "debootstrap printed nothing for " +
                                           std::to_string(silenceLimit.count() / 1000) + " s and was stopped");
        pollfd pfd{fd, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, 200);
        if (ready < 0 && errno != EINTR)
            return failErrno(errno, "poll debootstrap's output");
        if (ready <= 0)
            continue;
        const ssize_t got = ::read(fd, buffer, sizeof(buffer));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return failErrno(errno, "read debootstrap's output");
        if (got == 0)
            break;
        lastOutput = Clock::now();
        lines.add(std::string_view(buffer, static_cast<std::size_t>(got)));
    }
    lines.flush();
    return {};
}

} // namespace

Result<int> runLogged(const std::vector<std::string>& argv, const Progress& progress,
                      const std::function<void(std::string_view)>& onLine, const LoggedRunOptions& options)
{
    if (argv.empty() || !argv.front().starts_with('/'))
        return failWith(EINVAL, "the program to run must be an absolute path");
    std::vector<char*> args, envp;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    std::string path = "PATH=/usr/sbin:/usr/bin:/sbin:/bin", lang = "LANG=C";
    envp = {path.data(), lang.data()};
    std::vector<std::string> extra = options.extraEnvironment;
    for (std::string& entry : extra)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return failErrno(errno, "create a pipe");
    UniqueFd readEnd(fds[0]), writeEnd(fds[1]);
    UniqueFd devNull(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    if (!devNull)
        return failErrno(errno, "open /dev/null");
    const ChildStart start{args, envp, writeEnd.get(), devNull.get(), options};
    const pid_t pid = startChild(start);
    if (pid < 0)
        return failErrno(errno, "fork");
    ::setpgid(pid, pid); // also here, so the group exists before any kill
    GroupGuard guard(pid);
    writeEnd.reset();
    LineBuffer lines(onLine);
    if (auto pumped = pumpOutput(readEnd.get(), progress, lines, options.silenceLimit); !pumped)
        return fail(pumped.error());
    auto status = guard.reap();
    if (status && progress.cancelled())
        return failWith(ECANCELED, "cancelled");
    return status;
}

} // namespace berth::templates
