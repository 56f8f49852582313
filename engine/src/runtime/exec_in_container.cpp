#include "runtime/exec_in_container.h"

#include "runtime/fd_passing.h"
#include "runtime/stdio_proxy.h"
#include "runtime/user_identity.h"

#include <algorithm>

#include <cstdio>
#include <cstring>
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
    std::optional<StdioPipes> stdio;   // the caller's fds, copied by a proxy
    std::vector<int> waiterKeeps;      // sorted: what the waiter holds on to
    std::vector<int> proxyKeeps;
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

// The waiter keeps its own stdio (for die()), what the command needs and
// its channels back; the caller's fds and everything else the helper
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

[[noreturn]] void die(const char* what, int err)
{
    dprintf(STDERR_FILENO, "berth exec: %s: %s\n", what, strerror(err));
    ::_exit(err == ENOENT ? 127 : 126);
}

void attachPty(int ptySocket)
{
    UniqueFd master(::open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!master)
        die("open the container's /dev/ptmx", errno);
    int unlock = 0;
    if (::ioctl(master.get(), TIOCSPTLCK, &unlock) != 0)
        die("unlock pty", errno);
    UniqueFd slave(::ioctl(master.get(), TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!slave)
        die("open pty slave", errno);
    if (!sendMessage(ptySocket, "pty", master.get()))
        die("hand over the pty", errno);
    if (::setsid() < 0 || ::ioctl(slave.get(), TIOCSCTTY, 0) != 0)
        die("make the pty the controlling terminal", errno);
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
            die("join the container's cgroup", errno);
    // Before the pty: its slave is then the container root's.
    if (context.userNamespace)
        if (auto root = becomeNamespaceRoot(); !root)
            die("become root of the container's user namespace", root.error().code);
    if (request.allocatePty)
        attachPty(ptySocket);
    else
        attachStdio(prepared);
    if (::chdir(context.cwd.c_str()) != 0)
        die("change directory", errno);
    ::syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
    if (context.noNewPrivs && security::setNoNewPrivs() != 0)
        die("set no_new_privs", errno);
    if (int err = security::applySeccomp(context.seccomp); err != 0)
        die("load the seccomp filter", err);
    if (int err = security::applyCapabilities(context.capabilities); err != 0)
        die("drop capabilities", err);
    environ = const_cast<char**>(prepared.envp.data());
    ::execvp(prepared.argv[0], prepared.argv.data());
    die(prepared.argv[0], errno);
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
        die("fork the stdio proxy", errno);
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
        die("join the container's namespaces", errno);
    const pid_t command = ::fork();
    if (command < 0)
        die("fork", errno);
    if (command == 0) {
        ::close(statusFd);
        runCommand(context, request, prepared, ptySocket);
    }
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
    int statusPipe[2];
    if (::pipe2(statusPipe, O_CLOEXEC) != 0)
        return failErrno(errno, "pipe");
    UniqueFd statusRead(statusPipe[0]), statusWrite(statusPipe[1]);
    UniqueFd ptyOurs, ptyTheirs;
    if (request.allocatePty) {
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
            return failErrno(errno, "socketpair");
        ptyOurs.reset(pair[0]);
        ptyTheirs.reset(pair[1]);
    }

    planKeeps(prepared, context, {statusWrite.get(), ptyTheirs.get()});

    const pid_t waiter = ::fork();
    if (waiter < 0)
        return failErrno(errno, "fork");
    if (waiter == 0) {
        statusRead.reset();
        ptyOurs.reset();
        runWaiter(context, request, prepared, statusWrite.get(), ptyTheirs.get());
    }
    statusWrite.reset();
    ptyTheirs.reset();
    prepared.stdio.reset();   // the waiter and the proxy hold what they need
    if (!request.allocatePty)
        return ExecProcess(waiter, std::move(statusRead), UniqueFd{});

    // The command sends its pty master before it execs; if it fails first,
    // the socket closes and the reason is in its exit status.
    auto message = receiveMessage(ptyOurs.get());
    if (!message || !message->fd.valid()) {
        ExecProcess failed(waiter, std::move(statusRead), UniqueFd{});
        auto status = failed.wait();
        return failWith(EIO, "exec: the command failed before its terminal was ready" +
                                 (status ? " (exit status " + std::to_string(status->shellStatus()) + ")"
                                         : std::string()));
    }
    return ExecProcess(waiter, std::move(statusRead), std::move(message->fd));
}

} // namespace berth::runtime
