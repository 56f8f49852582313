#include "runtime/loopback.h"

#include <memory>

#include <net/if.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>

namespace berth::runtime {

namespace {

struct SocketFree {
    void operator()(nl_sock* sock) const { nl_socket_free(sock); }
};
struct LinkPut {
    void operator()(rtnl_link* link) const { rtnl_link_put(link); }
};

Status netlinkError(int err, const char* what)
{
    return failWith(EIO, std::string(what) + ": " + nl_geterror(err));
}

} // namespace

Status bringUpLoopback()
{
    std::unique_ptr<nl_sock, SocketFree> sock(nl_socket_alloc());
    if (!sock)
        return failWith(ENOMEM, "allocate netlink socket");
    if (int err = nl_connect(sock.get(), NETLINK_ROUTE); err < 0)
        return netlinkError(err, "connect to rtnetlink");
    rtnl_link* raw = nullptr;
    if (int err = rtnl_link_get_kernel(sock.get(), 0, "lo", &raw); err < 0)
        return netlinkError(err, "find link lo");
    std::unique_ptr<rtnl_link, LinkPut> lo(raw);
    std::unique_ptr<rtnl_link, LinkPut> change(rtnl_link_alloc());
    if (!change)
        return failWith(ENOMEM, "allocate link");
    rtnl_link_set_flags(change.get(), IFF_UP);
    if (int err = rtnl_link_change(sock.get(), lo.get(), change.get(), 0); err < 0)
        return netlinkError(err, "bring up lo");
    return {};
}

} // namespace berth::runtime
