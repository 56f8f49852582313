#include "runtime/launcher.h"

#include "berth/model/trace.h"

#include "common/pidfd.h"
#include "runtime/container_init.h"
#include "runtime/container_rootfs.h"
#include "runtime/fd_passing.h"
#include "runtime/monitor_protocol.h"
#include "security/user_namespace.h"

#include <csignal>
#include <utility>

#include <sched.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

constexpr unsigned long kNamespaces = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC;

// A fork-like clone: the child continues on a copy of this stack, which is
// what a single-threaded monitor wants (no separate stack to size). A
// container on the host's network (lxc.net.0.type = none) keeps its netns.
// With a user namespace, made in the same call, every other new namespace
// belongs to it: the container's root may then mount its own /proc, set up
// its own network and devpts.
pid_t cloneWithNamespaces(const LaunchPlan& plan)
{
    const unsigned long flags = kNamespaces | (plan.network.hostNetwork ? 0 : CLONE_NEWNET) |
                                (plan.ownUserNamespace() ? CLONE_NEWUSER : 0) | SIGCHLD;
    return static_cast<pid_t>(::syscall(SYS_clone, flags, nullptr, nullptr, nullptr, nullptr));
}

void reap(pid_t pid)
{
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {}
}

// EOF means the sync socket closed on exec: the init runs.
Status readSetupResult(int fd)
{
    char buffer[8192];
    ssize_t got;
    bool reset = false;
    // A child that fails before it read the seccomp filter leaves it unread:
    // its exit resets the socket (ECONNRESET, reported once), and its report
    // is still queued behind that.
    do {
        got = ::read(fd, buffer, sizeof(buffer));
    } while (got < 0 && (errno == EINTR || (errno == ECONNRESET && !std::exchange(reset, true))));
    if (got < 0)
        return failErrno(errno, "read the container's setup result");
    if (got == 0)
        return {};
    auto report = decodeSetupFailure(std::string_view(buffer, static_cast<size_t>(got)));
    if (!report)
        return failWith(EPROTO, "the container's setup failed without a readable reason");
    return fail(std::move(report->error));
}

Status sendSeccomp(int fd, const LaunchPlan& plan)
{
    auto program = security::buildDefaultSeccomp(plan.seccompKind, plan.capabilities.keep,
                                                 plan.ownUserNamespace() ? security::UserNamespace::Own
                                                                         : security::UserNamespace::Host);
    if (!program)
        return fail(program.error());
    const auto bytes = program->instructions.size() * sizeof(sock_filter);
    if (::write(fd, program->instructions.data(), bytes) != static_cast<ssize_t>(bytes))
        return failErrno(errno, "send the seccomp filter to the container");
    return {};
}

// Right after the go-ahead, when the container cannot mount its own sysfs.
Status sendSysfs(int fd, const LaunchPlan& plan)
{
    if (!plan.autoMounts.sysFromMonitor)
        return {};
    auto sysfs = hostNetworkSysfs();
    if (!sysfs)
        return fail(sysfs.error());
    return sendMessage(fd, "sysfs", sysfs->get());
}

} // namespace

Result<LaunchedInit> launchContainer(const LaunchPlan& plan, const std::function<Status(pid_t)>& placeInCgroup)
{
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
        return failErrno(errno, "socketpair");
    UniqueFd ours(pair[0]), theirs(pair[1]);

    const pid_t pid = cloneWithNamespaces(plan);
    if (pid < 0)
        return failErrno(errno, "clone the container's init");
    if (pid == 0) {
        ours.reset();
        runContainerInit(plan, theirs.get());
    }
    theirs.reset();
    trace::point("monitor", "launch: cloned");

    if (auto placed = placeInCgroup(pid); !placed) {
        reap(pid);
        return fail(placed.error());
    }
    if (plan.ownUserNamespace())
        if (auto mapped = security::writeIdMaps(pid, plan.idMap); !mapped) {
            reap(pid);
            return fail(mapped.error().wrap("map the container's IDs"));
        }
    // The links are made straight inside the child's new namespace.
    auto links = createHostSide(plan.network, pid);
    if (!links) {
        reap(pid);
        return fail(links.error());
    }
    UniqueFd pidfd = pidfdOpen(pid);
    if (!pidfd) {
        const int err = errno;
        reap(pid);
        return failErrno(err, "pidfd_open");
    }
    trace::point("monitor", "launch: placed, mapped, linked");
    // Made once the maps are written: the idmapped tree takes them from the child's namespace.
    auto rootfs = rootfsMountFor(plan, pid);
    if (!rootfs) {
        reap(pid);
        return fail(rootfs.error());
    }
    trace::point("monitor", "launch: root tree made, go");
    if (auto go = sendMessage(ours.get(), "go", rootfs->get()); !go) {
        reap(pid);
        return fail(go.error().wrap("signal the container to start"));
    }
    if (auto sysfs = sendSysfs(ours.get(), plan); !sysfs) {
        reap(pid);
        return fail(sysfs.error());
    }
    if (auto sent = sendSeccomp(ours.get(), plan); !sent) {
        // A child that failed first explains better why the send failed.
        auto result = readSetupResult(ours.get());
        reap(pid);
        return fail(result ? sent.error() : result.error());
    }
    trace::point("monitor", "launch: seccomp filter sent");
    if (auto result = readSetupResult(ours.get()); !result) {
        reap(pid);
        return fail(result.error());
    }
    return LaunchedInit{pid, std::move(pidfd), std::move(*links)};
}

} // namespace berth::runtime
