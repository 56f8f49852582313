#include "check/link_probe.h"

#include "berth/unique_fd.h"

#include <cerrno>
#include <memory>

#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <netlink/route/link/macvlan.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/link/vlan.h>

namespace berth::check {

namespace {

struct SocketFree {
    void operator()(nl_sock* sock) const { nl_socket_free(sock); }
};
struct LinkPut {
    void operator()(rtnl_link* link) const { rtnl_link_put(link); }
};
using LinkPtr = std::unique_ptr<rtnl_link, LinkPut>;

// What the child sends back: its own setup failure (an errno), or the
// per-kind libnl results.
struct ChildMessage {
    int setupErrno = 0;
    LinkProbeReport report;
};

constexpr const char* kVethName = "bprobe0";

int addLink(nl_sock* sock, rtnl_link* link)
{
    return link ? rtnl_link_add(sock, link, NLM_F_CREATE | NLM_F_EXCL) : -NLE_NOMEM;
}

int probeVeth(nl_sock* sock)
{
    LinkPtr link(rtnl_link_veth_alloc());
    if (!link)
        return -NLE_NOMEM;
    rtnl_link_set_name(link.get(), kVethName);
    LinkPtr peer(rtnl_link_veth_get_peer(link.get()));
    rtnl_link_set_name(peer.get(), "bprobe1");
    return addLink(sock, link.get());
}

int probeBridge(nl_sock* sock)
{
    LinkPtr link(rtnl_link_alloc());
    if (!link)
        return -NLE_NOMEM;
    rtnl_link_set_name(link.get(), "bprobebr");
    if (int err = rtnl_link_set_type(link.get(), "bridge"); err < 0)
        return err;
    return addLink(sock, link.get());
}

// macvlan and vlan need a lower device: the veth made before, or a dummy
// when veth itself is missing.
int lowerIndex(nl_sock* sock)
{
    rtnl_link* raw = nullptr;
    if (rtnl_link_get_kernel(sock, 0, kVethName, &raw) < 0) {
        LinkPtr dummy(rtnl_link_alloc());
        if (!dummy || rtnl_link_set_type(dummy.get(), "dummy") < 0)
            return 0;
        rtnl_link_set_name(dummy.get(), kVethName);
        if (rtnl_link_add(sock, dummy.get(), NLM_F_CREATE | NLM_F_EXCL) < 0 ||
            rtnl_link_get_kernel(sock, 0, kVethName, &raw) < 0)
            return 0;
    }
    LinkPtr lower(raw);
    return rtnl_link_get_ifindex(lower.get());
}

int probeStacked(nl_sock* sock, LinkKind kind, int lower)
{
    if (lower <= 0)
        return -NLE_OBJ_NOTFOUND;
    LinkPtr link(kind == LinkKind::Macvlan ? rtnl_link_macvlan_alloc() : rtnl_link_vlan_alloc());
    if (!link)
        return -NLE_NOMEM;
    rtnl_link_set_link(link.get(), lower);
    if (kind == LinkKind::Vlan) {
        rtnl_link_set_name(link.get(), "bprobevl");
        if (int err = rtnl_link_vlan_set_id(link.get(), 10); err < 0)
            return err;
    } else {
        rtnl_link_set_name(link.get(), "bprobemv");
    }
    return addLink(sock, link.get());
}

void runProbes(LinkProbeReport& report)
{
    std::unique_ptr<nl_sock, SocketFree> sock(nl_socket_alloc());
    int err = sock ? nl_connect(sock.get(), NETLINK_ROUTE) : -NLE_NOMEM;
    if (err < 0) {
        report.results.fill(err);
        return;
    }
    report.results[static_cast<size_t>(LinkKind::Veth)] = probeVeth(sock.get());
    report.results[static_cast<size_t>(LinkKind::Bridge)] = probeBridge(sock.get());
    const int lower = lowerIndex(sock.get());
    report.results[static_cast<size_t>(LinkKind::Macvlan)] = probeStacked(sock.get(), LinkKind::Macvlan, lower);
    report.results[static_cast<size_t>(LinkKind::Vlan)] = probeStacked(sock.get(), LinkKind::Vlan, lower);
}

// The child never returns: its links die with its namespace at _exit.
// (glibc makes malloc usable after fork, which libnl needs here.)
[[noreturn]] void probeChild(int writeFd)
{
    ChildMessage message;
    if (::unshare(CLONE_NEWNET) != 0)
        message.setupErrno = errno;
    else
        runProbes(message.report);
    const ssize_t written = ::write(writeFd, &message, sizeof message);
    ::_exit(written == static_cast<ssize_t>(sizeof message) ? 0 : 1);
}

Result<ChildMessage> readMessage(int fd)
{
    ChildMessage message;
    ssize_t n = 0;
    do
        n = ::read(fd, &message, sizeof message);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return failErrno(errno, "read link probe result");
    if (n != static_cast<ssize_t>(sizeof message))
        return failWith(EIO, "link probe exited without a result");
    return message;
}

void reap(pid_t pid)
{
    // ECHILD when the caller ignores SIGCHLD: the child is gone either way.
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {}
}

} // namespace

Result<LinkProbeReport> probeLinkKinds()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return failErrno(errno, "create pipe for link probe");
    UniqueFd readEnd(fds[0]);
    UniqueFd writeEnd(fds[1]);
    const pid_t pid = ::fork();
    if (pid < 0)
        return failErrno(errno, "fork link probe");
    if (pid == 0)
        probeChild(writeEnd.get());
    writeEnd.reset();
    Result<ChildMessage> message = readMessage(readEnd.get());
    reap(pid);
    if (!message)
        return std::unexpected(std::move(message.error()));
    if (message->setupErrno != 0)
        return failErrno(message->setupErrno, "new network namespace for link probe");
    return message->report;
}

std::string linkProbeErrorText(int code)
{
    return nl_geterror(code);
}

} // namespace berth::check
