#include "net/netlink_counters.h"

#include "net/netlink_error.h"
#include "net/netlink_lookup.h"

namespace berth::net {

Result<LinkCounters> linkCounters(NetlinkSocket& sock, std::string_view name)
{
    Result<detail::LinkPtr> link = detail::getLink(sock, name, "read counters of " + quotedName(name));
    if (!link)
        return fail(link.error());
    LinkCounters counters;
    counters.rxBytes = rtnl_link_get_stat(link->get(), RTNL_LINK_RX_BYTES);
    counters.rxPackets = rtnl_link_get_stat(link->get(), RTNL_LINK_RX_PACKETS);
    counters.txBytes = rtnl_link_get_stat(link->get(), RTNL_LINK_TX_BYTES);
    counters.txPackets = rtnl_link_get_stat(link->get(), RTNL_LINK_TX_PACKETS);
    return counters;
}

} // namespace berth::net
