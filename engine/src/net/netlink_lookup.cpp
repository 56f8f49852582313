#include "net/netlink_lookup.h"

#include "net/netlink_error.h"
#include "net/netlink_socket.h"

#include <cerrno>

#include <arpa/inet.h>
#include <sys/socket.h>

namespace berth::net::detail {

Result<LinkPtr> getLink(NetlinkSocket& sock, std::string_view name, std::string_view what)
{
    if (Status ok = validateLinkName(name); !ok)
        return fail(ok.error().wrap(what));
    const std::string key(name);
    rtnl_link* raw = nullptr;
    if (int err = rtnl_link_get_kernel(sock.get(), 0, key.c_str(), &raw); err < 0)
        return fail(netlinkError(err, what));
    return LinkPtr(raw);
}

Result<int> getLinkIndex(NetlinkSocket& sock, std::string_view name, std::string_view what)
{
    Result<LinkPtr> link = getLink(sock, name, what);
    if (!link)
        return fail(link.error());
    return rtnl_link_get_ifindex(link->get());
}

Result<NlAddrPtr> makeNlAddress(Ipv4Address address, unsigned prefix)
{
    if (prefix > 32)
        return failWith(EINVAL, "prefix length " + std::to_string(prefix) + " is over 32");
    const std::uint32_t networkOrder = htonl(address.value);
    NlAddrPtr result(nl_addr_build(AF_INET, &networkOrder, sizeof networkOrder));
    if (!result)
        return failWith(ENOMEM, "allocate a netlink address");
    nl_addr_set_prefixlen(result.get(), static_cast<int>(prefix));
    return result;
}

std::string formatAddress(Ipv4Address address)
{
    std::string text;
    for (int shift = 24; shift >= 0; shift -= 8) {
        text += std::to_string((address.value >> shift) & 0xffu);
        if (shift > 0)
            text += '.';
    }
    return text;
}

std::string formatCidr(const Ipv4Cidr& cidr)
{
    return formatAddress(cidr.address) + "/" + std::to_string(cidr.prefix);
}

Status addLink(NetlinkSocket& sock, rtnl_link* link, std::string_view what)
{
    if (int err = rtnl_link_add(sock.get(), link, NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return fail(netlinkError(err, what));
    return {};
}

} // namespace berth::net::detail
