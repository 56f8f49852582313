#include "net/netlink_socket.h"

#include "net/netlink_error.h"

#include <cerrno>

#include <fcntl.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

namespace berth::net {

void NetlinkSocket::Free::operator()(nl_sock* sock) const
{
    nl_socket_free(sock); // closes the fd too
}

NetlinkSocket::NetlinkSocket(NetlinkSocket&&) noexcept = default;
NetlinkSocket& NetlinkSocket::operator=(NetlinkSocket&&) noexcept = default;
NetlinkSocket::~NetlinkSocket() = default;

Result<NetlinkSocket> NetlinkSocket::open()
{
    std::unique_ptr<nl_sock, Free> sock(nl_socket_alloc());
    if (!sock)
        return failWith(ENOMEM, "allocate a netlink socket");
    if (int err = nl_connect(sock.get(), NETLINK_ROUTE); err < 0)
        return fail(netlinkError(err, "connect a NETLINK_ROUTE socket"));
    // Not every libnl release opens with SOCK_CLOEXEC; a forked child must not inherit it.
    if (::fcntl(nl_socket_get_fd(sock.get()), F_SETFD, FD_CLOEXEC) != 0)
        return failErrno(errno, "set close-on-exec on the netlink socket");
    return NetlinkSocket(std::move(sock));
}

} // namespace berth::net
