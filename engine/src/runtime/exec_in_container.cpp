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
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

// The pid namespace is the waiter's to join: it only places the children.
constexpr int kNamespacesBesidePid = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWCGROUP;

// Everything the waiter and the command need, prepared before fork so they
// only make system calls.
struct Prepared {
    std::vector<char*> argv;
    std::vector<char*> envp;
    CallerStdio caller{-1, -1, -1};
    std::optional<StdioPipes> stdio; // the caller's fds, copied by the waiter
    std::vector<int> waiterKeeps;    // sorted: what the waiter holds on to
    int failureFd = -1;              // why the command did not start (exec_failure.h)
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

// The waiter keeps its own stdio, what the command needs, its channels
// back and, to copy them, the caller's fds and its ends of the pipes;
// everything else the helper holds is closed before the command is made.
void planKeeps(Prepared& p, const ExecContext& context, std::initializer_list<int> channels)
{
    p.waiterKeeps = {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO, context.initPidfd.get()};
    for (const UniqueFd& procs : context.cgroupProcs)
        p.waiterKeeps.push_back(procs.get());
    p.waiterKeeps.insert(p.waiterKeeps.end(), channels);
    if (p.stdio) {
        p.waiterKeeps.insert(p.waiterKeeps.end(), p.caller.begin(), p.caller.end());
        for (const auto* ends : {&p.stdio->command, &p.stdio->proxy})
            for (const UniqueFd& fd : *ends)
                p.waiterKeeps.push_back(fd.get());
    }
    std::erase(p.waiterKeeps, -1);
    std::ranges::sort(p.waiterKeeps);
    const auto [first, last] = std::ranges::unique(p.waiterKeeps); // a caller's stdout may be its stderr
    p.waiterKeeps.erase(first, last);
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

// What the command, cloned into the waiter's memory, is given.
struct CommandStart {
    const ExecContext* context;
    const ExecRequest* request;
    const Prepared* prepared;
    int ptySocket;
    sigset_t signalMask; // the waiter's, restored before the execve
};

// The command: a process of its own (its fd table, its fs, not yet its
// memory) already in the container's pid namespace. A process alone in its
// thread group with an fs of its own may join a user and a mount namespace.
// The user namespace is joined in the same call, so the others are entered
// with host root's rights over them.
int runCommand(void* argument)
{
    const CommandStart& start = *static_cast<const CommandStart*>(argument);
    const ExecContext& context = *start.context;
    const ExecRequest& request = *start.request;
    const Prepared& prepared = *start.prepared;
    if (::setns(context.initPidfd.get(), kNamespacesBesidePid | (context.userNamespace ? CLONE_NEWUSER : 0)) != 0)
        die(prepared, ExecStep::JoinNamespaces, errno);
    // The cgroup files were opened by host root: writing them needs no
    // right inside the user namespace.
    for (const UniqueFd& procs : context.cgroupProcs)
        if (::write(procs.get(), "0", 1) != 1)
            die(prepared, ExecStep::JoinCgroup, errno);
    // Before the pty: its slave is then the container root's.
    if (context.userNamespace) {
        if (auto root = becomeNamespaceRoot(); !root)
            die(prepared, ExecStep::BecomeRoot, root.error().code);
        // A change of IDs sets the shared memory's dumpable flag to
        // fs.suid_dumpable (refused at 1 by execInContainer); set it back.
        if (::prctl(PR_SET_DUMPABLE, 0) != 0)
            die(prepared, ExecStep::BecomeRoot, errno);
    }
    if (request.allocatePty)
        attachPty(prepared, start.ptySocket);
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
    ::sigprocmask(SIG_SETMASK, &start.signalMask, nullptr);
    ::execvpe(prepared.argv[0], prepared.argv.data(), prepared.envp.data());
    die(prepared, ExecStep::Execute, errno);
}

// The command's stack while it shares the waiter's memory (until its execve).
constexpr std::size_t kCommandStack = 256 * 1024;

// Clones the command into the container's pid namespace, sharing the
// waiter's memory (a fork costs a copy of the helper's page tables, about
// 2 ms here) and suspending the waiter until its execve or its end. The
// waiter is not dumpable first: the command, in the container's user
// namespace before its execve, is then not ptrace-able by the container's
// root, who would otherwise write into the waiter's memory. Its pidfd, or -1.
int cloneCommand(const ExecContext& context, const ExecRequest& request, const Prepared& prepared, int ptySocket,
                 pid_t* command)
{
    if (::prctl(PR_SET_DUMPABLE, 0) != 0)
        die(prepared, ExecStep::ForkCommand, errno);
    // Only the command's children land in it; the waiter stays on the host.
    if (::setns(context.initPidfd.get(), CLONE_NEWPID) != 0)
        die(prepared, ExecStep::JoinNamespaces, errno);
    void* stack =
        ::mmap(nullptr, kCommandStack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED)
        die(prepared, ExecStep::CommandStack, errno);
    // No handler of the helper's may run on the shared memory before the execve.
    CommandStart start{&context, &request, &prepared, ptySocket, {}};
    sigset_t all;
    ::sigfillset(&all);
    ::sigprocmask(SIG_SETMASK, &all, &start.signalMask);
    int pidfd = -1;
    *command = ::clone(runCommand, static_cast<char*>(stack) + kCommandStack,
                       CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, &start, &pidfd);
    const int err = errno;
    ::sigprocmask(SIG_SETMASK, &start.signalMask, nullptr);
    if (*command < 0)
        die(prepared, ExecStep::ForkCommand, err);
    ::munmap(stack, kCommandStack);
    return pidfd;
}

// The waiter, on the host: clones the command into the container, copies
// the caller's stdio to and from it, and reports its wait status through
// statusFd once it is reaped and what it wrote is forwarded.
[[noreturn]] void runWaiter(const ExecContext& context, const ExecRequest& request, const Prepared& prepared,
                            int statusFd, int ptySocket)
{
    closeAllExcept(prepared.waiterKeeps.data(), prepared.waiterKeeps.size());
    pid_t command = -1;
    const int pidfd = cloneCommand(context, request, prepared, ptySocket, &command);
    // The command has executed or failed: what only it needed goes, so its
    // execve (or its end) alone ends the engine's read and its output's EOF.
    ::close(prepared.failureFd);
    if (ptySocket >= 0)
        ::close(ptySocket);
    for (const UniqueFd& procs : context.cgroupProcs)
        ::close(procs.get());
    ::close(context.initPidfd.get());
    if (prepared.stdio) {
        for (const UniqueFd& fd : prepared.stdio->command)
            if (fd)
                ::close(fd.get());
        copyStdio(prepared.caller, *prepared.stdio, pidfd);
    }
    int status = 0;
    while (::waitpid(command, &status, 0) < 0 && errno == EINTR) {}
    (void)!::write(statusFd, &status, sizeof(status));
    ::_exit(0);
}

// fs.suid_dumpable = 1 makes a process that changed its IDs ptrace-able
// by its new user: the command, root of the container's user namespace,
// would be so while it still shares the waiter's memory.
bool suidDumpableIsDebug()
{
    char value = 0;
    const UniqueFd file(::open("/proc/sys/fs/suid_dumpable", O_RDONLY | O_CLOEXEC));
    return file && ::read(file.get(), &value, 1) == 1 && value == '1';
}

} // namespace

Result<ExecProcess> execInContainer(const ExecContext& context, const ExecRequest& request)
{
    if (context.argv.empty())
        return failWith(EINVAL, "exec needs a command");
    if (context.userNamespace && suidDumpableIsDebug())
        return failWith(EPERM, "fs.suid_dumpable is 1 (debug): a command entering the container could be traced by "
                               "its root; set it to 0 or 2");
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
