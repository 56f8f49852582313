#include "runtime/exec_in_container.h"

#include "runtime/fd_passing.h"

#include <cstdio>
#include <cstring>

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

void attachStdio(const ExecRequest& request)
{
    const int given[3] = {request.stdinFd, request.stdoutFd, request.stderrFd};
    int null = -1;
    for (int fd = 0; fd < 3; ++fd) {
        if (given[fd] >= 0) {
            ::dup2(given[fd], fd);
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
    for (const UniqueFd& procs : context.cgroupProcs)
        if (::write(procs.get(), "0", 1) != 1)
            die("join the container's cgroup", errno);
    if (request.allocatePty)
        attachPty(ptySocket);
    else
        attachStdio(request);
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

// The waiter: joins the namespaces, forks the command into them and
// reports its wait status through statusFd.
[[noreturn]] void runWaiter(const ExecContext& context, const ExecRequest& request, const Prepared& prepared,
                            int statusFd, int ptySocket)
{
    if (::setns(context.initPidfd.get(), kNamespaces) != 0)
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
    int status = 0;
    while (::waitpid(command, &status, 0) < 0 && errno == EINTR) {}
    (void)!::write(statusFd, &status, sizeof(status));
    ::_exit(0);
}

} // namespace

Result<ExecProcess> execInContainer(const ExecContext& context, const ExecRequest& request)
{
    if (context.argv.empty())
        return failWith(EINVAL, "exec needs a command");
    const Prepared prepared = prepare(context);
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
