#include "runtime/exec_in_container.h"

#include "runtime/exec_failure.h"
#include "runtime/fd_passing.h"
#include "process/stdio_proxy.h"
#include "runtime/user_identity.h"

#include <algorithm>

#include <optional>

#include <fcntl.h>
#include <linux/close_range.h>
#include <poll.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char** environ;

namespace berth::runtime {

namespace {

constexpr int kNamespaces = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWCGROUP;

// Everything the children need, prepared before fork so they only make
// system calls.
struct Prepared {
    std::vector<char*> argv;
    std::vector<char*> envp;
    CallerStdio caller{-1, -1, -1};
    std::optional<StdioPipes> stdio; // the caller's fds, copied by a proxy
    std::vector<int> waiterKeeps;    // sorted: what the waiter holds on to
    std::vector<int> proxyKeeps;
    int failureFd = -1; // why the command did not start (exec_failure.h)
};

Prepared prepare(const ExecContext& context)
{
    Prepared p;
    for (const std::string& arg : context.argv)
        p.argv.push_back(const_cast<char*>(arg.c_str()));
    p.argv.push_back(nullptr);
    for (const std::string& var : context.env)
        p.envp.push_back(const_cast<char*>(var.c_str()));
    p.envp.push_back(nullptr);
    return p;
}

// The waiter keeps its own stdio, what the command needs and its channels
// back; the caller's fds and everything else the helper
// holds are closed before it joins the container.
void planKeeps(Prepared& p, const ExecContext& context, std::initializer_list<int> channels)
{
    p.waiterKeeps = {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO, context.initPidfd.get()};
    for (const UniqueFd& procs : context.cgroupProcs)
        p.waiterKeeps.push_back(procs.get());
    p.waiterKeeps.insert(p.waiterKeeps.end(), channels);
    if (p.stdio) {
        for (const UniqueFd& fd : p.stdio->command)
            p.waiterKeeps.push_back(fd.get());
        p.waiterKeeps.push_back(p.stdio->doneWrite.get());
        p.proxyKeeps.assign(p.caller.begin(), p.caller.end());
        for (const UniqueFd& fd : p.stdio->proxy)
            p.proxyKeeps.push_back(fd.get());
        p.proxyKeeps.push_back(p.stdio->doneRead.get());
    }
    std::ranges::sort(p.waiterKeeps);
    std::ranges::sort(p.proxyKeeps);
}

// The engine reads the step and errno before exec returns; the exit
// status only matters to the waiter.
[[noreturn]] void die(const Prepared& prepared, ExecStep step, int err)
{
    reportExecFailure(prepared.failureFd, step, err);
    ::_exit(err == ENOENT ? 127 : 126);
}

void attachPty(const Prepared& prepared, int ptySocket)
{
    UniqueFd master(::open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!master)
        die(prepared, ExecStep::OpenPty, errno);
    int unlock = 0;
    if (::ioctl(master.get(), TIOCSPTLCK, &unlock) != 0)
        die(prepared, ExecStep::OpenPty, errno);
    UniqueFd slave(::ioctl(master.get(), TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!slave)
        die(prepared, ExecStep::OpenPty, errno);
    if (!sendMessage(ptySocket, "pty", master.get()))
        die(prepared, ExecStep::HandOverPty, errno);
    if (::setsid() < 0 || ::ioctl(slave.get(), TIOCSCTTY, 0) != 0)
        die(prepared, ExecStep::ControllingTerminal, errno);
    for (int fd = 0; fd < 3; ++fd)
        ::dup2(slave.get(), fd);
}

// The command's stdio: the exec's own pipes (the proxy copies them to the
// caller's fds), /dev/null where the caller gave none.
void attachStdio(const Prepared& prepared)
{
    int null = -1;
    for (int fd = 0; fd < 3; ++fd) {
        const int given = prepared.stdio ? prepared.stdio->command[std::size_t(fd)].get() : -1;
        if (given >= 0) {
            ::dup2(given, fd);
            continue;
        }
        if (null < 0)
            null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        ::dup2(null, fd);
    }
    ::setsid();
}

[[noreturn]] void runCommand(const ExecContext& context, const ExecRequest& request, const Prepared& prepared,
                             int ptySocket)
{
    // The cgroup files were opened by host root: writing them needs no
    // right inside the user namespace.
    for (const UniqueFd& procs : context.cgroupProcs)
        if (::write(procs.get(), "0", 1) != 1)
            die(prepared, ExecStep::JoinCgroup, errno);
    // Before the pty: its slave is then the container root's.
    if (context.userNamespace)
        if (auto root = becomeNamespaceRoot(); !root)
            die(prepared, ExecStep::BecomeRoot, root.error().code);
    if (request.allocatePty)
        attachPty(prepared, ptySocket);
    else
        attachStdio(prepared);
    if (::chdir(context.cwd.c_str()) != 0)
        die(prepared, ExecStep::ChangeDirectory, errno);
    ::syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
    if (context.noNewPrivs && security::setNoNewPrivs() != 0)
        die(prepared, ExecStep::NoNewPrivs, errno);
    if (int err = security::applySeccomp(context.seccomp); err != 0)
        die(prepared, ExecStep::Seccomp, err);
    if (int err = security::applyCapabilities(context.capabilities); err != 0)
        die(prepared, ExecStep::Capabilities, err);
    environ = const_cast<char**>(prepared.envp.data());
    ::execvp(prepared.argv[0], prepared.argv.data());
    die(prepared, ExecStep::Execute, errno);
}

// The proxy is forked while the waiter is still wholly on the host: it
// copies between the caller's fds and the pipes outside the container's
// namespaces. The waiter then lets go of the caller's fds.
pid_t startProxy(const Prepared& prepared)
{
    if (!prepared.stdio)
        return 0;
    const pid_t proxy = ::fork();
    if (proxy < 0)
        die(prepared, ExecStep::ForkProxy, errno);
    if (proxy == 0) {
        closeAllExcept(prepared.proxyKeeps.data(), prepared.proxyKeeps.size());
        runStdioProxy(prepared.caller, *prepared.stdio);
    }
    return proxy;
}

// The command is reaped: the proxy forwards what is left of its output
// and ends; only then is the exit status reported.
void waitProxy(const Prepared& prepared, pid_t proxy)
{
    if (proxy <= 0)
        return;
    ::close(prepared.stdio->doneWrite.get());
    while (::waitpid(proxy, nullptr, 0) < 0 && errno == EINTR) {}
}

// The waiter: joins the namespaces, forks the command into them and
// reports its wait status through statusFd.
[[noreturn]] void runWaiter(const ExecContext& context, const ExecRequest& request, const Prepared& prepared,
                            int statusFd, int ptySocket)
{
    const pid_t proxy = startProxy(prepared);
    closeAllExcept(prepared.waiterKeeps.data(), prepared.waiterKeeps.size());
    // The user namespace is joined in the same call, so the others are
    // entered with host root's rights over them.
    if (::setns(context.initPidfd.get(), kNamespaces | (context.userNamespace ? CLONE_NEWUSER : 0)) != 0)
        die(prepared, ExecStep::JoinNamespaces, errno);
    const pid_t command = ::fork();
    if (command < 0)
        die(prepared, ExecStep::ForkCommand, errno);
    if (command == 0) {
        ::close(statusFd);
        runCommand(context, request, prepared, ptySocket);
    }
    // Only the command holds it now: its execve or failure ends the engine's read.
    ::close(prepared.failureFd);
    if (ptySocket >= 0)
        ::close(ptySocket);
    if (prepared.stdio)
        for (const UniqueFd& fd : prepared.stdio->command)
            if (fd)
                ::close(fd.get());
    int status = 0;
    while (::waitpid(command, &status, 0) < 0 && errno == EINTR) {}
    waitProxy(prepared, proxy);
    (void)!::write(statusFd, &status, sizeof(status));
    ::_exit(0);
}

} // namespace

Result<ExecProcess> execInContainer(const ExecContext& context, const ExecRequest& request)
{
    if (context.argv.empty())
        return failWith(EINVAL, "exec needs a command");
    Prepared prepared = prepare(context);
    prepared.caller = {request.stdinFd, request.stdoutFd, request.stderrFd};
    if (!request.allocatePty && std::ranges::any_of(prepared.caller, [](int fd) { return fd >= 0; })) {
        auto pipes = makeStdioPipes(prepared.caller);
        if (!pipes)
            return fail(pipes.error());
        if (context.userNamespace)
            if (auto given = giveCommandEnds(*pipes, context.rootUid, context.rootGid); !given)
                return fail(given.error());
        prepared.stdio = std::move(*pipes);
    }
    int statusPipe[2], failurePipe[2];
    if (::pipe2(statusPipe, O_CLOEXEC) != 0)
        return failErrno(errno, "pipe");
    UniqueFd statusRead(statusPipe[0]), statusWrite(statusPipe[1]);
    if (::pipe2(failurePipe, O_CLOEXEC) != 0)
        return failErrno(errno, "pipe");
    UniqueFd failureRead(failurePipe[0]), failureWrite(failurePipe[1]);
    prepared.failureFd = failureWrite.get();
    UniqueFd ptyOurs, ptyTheirs;
    if (request.allocatePty) {
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
            return failErrno(errno, "socketpair");
        ptyOurs.reset(pair[0]);
        ptyTheirs.reset(pair[1]);
    }

    planKeeps(prepared, context, {statusWrite.get(), failureWrite.get(), ptyTheirs.get()});

    const pid_t waiter = ::fork();
    if (waiter < 0)
        return failErrno(errno, "fork");
    if (waiter == 0) {
        statusRead.reset();
        failureRead.reset();
        ptyOurs.reset();
        runWaiter(context, request, prepared, statusWrite.get(), ptyTheirs.get());
    }
    statusWrite.reset();
    failureWrite.reset();
    ptyTheirs.reset();
    prepared.stdio.reset(); // the waiter and the proxy hold what they need
    auto failure = readExecFailure(failureRead.get());
    if (!failure || *failure) {
        ExecProcess failed(waiter, std::move(statusRead), UniqueFd{});
        (void)failed.wait(); // the waiter reaps the command and ends
        return fail(failure ? describeExecFailure(**failure, context.argv.front(), context.cwd) : failure.error());
    }
    if (!request.allocatePty)
        return ExecProcess(waiter, std::move(statusRead), UniqueFd{});
    // The pty master was sent before the execve, so it is there now.
    auto message = receiveMessage(ptyOurs.get());
    if (!message || !message->fd.valid()) {
        ExecProcess lost(waiter, std::move(statusRead), UniqueFd{}); // its end stops the waiter
        return failWith(EIO, "the command's terminal was not handed over");
    }
    return ExecProcess(waiter, std::move(statusRead), std::move(message->fd));
}

} // namespace berth::runtime
