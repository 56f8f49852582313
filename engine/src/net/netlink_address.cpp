#include "net/netlink_address.h"

#include "net/netlink_error.h"
#include "net/netlink_link.h"
#include "net/netlink_lookup.h"
#include "net/netlink_socket.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <net/if.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

namespace berth::net {

using namespace detail;

namespace {

Ipv4Cidr networkOf(std::uint32_t address, unsigned prefix)
{
    const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
    return Ipv4Cidr{Ipv4Address{address & mask}, prefix};
}

// The IPv4 address in a libnl address, if it holds one.
std::optional<std::uint32_t> ipv4Of(nl_addr* addr)
{
    if (!addr || nl_addr_get_family(addr) != AF_INET || nl_addr_get_len(addr) != 4)
        return std::nullopt;
    std::uint32_t networkOrder = 0;
    std::memcpy(&networkOrder, nl_addr_get_binary_addr(addr), sizeof networkOrder);
    return ntohl(networkOrder);
}

std::string deviceName(int ifindex)
{
    char name[IF_NAMESIZE] = {};
    return ifindex > 0 && ::if_indextoname(static_cast<unsigned>(ifindex), name) ? std::string(name) : std::string();
}

Status collectAddresses(NetlinkSocket& sock, std::vector<HostNetwork>& out)
{
    nl_cache* raw = nullptr;
    if (int err = rtnl_addr_alloc_cache(sock.get(), &raw); err < 0)
        return fail(netlinkError(err, "list addresses"));
    CachePtr cache(raw);
    for (nl_object* obj = nl_cache_get_first(cache.get()); obj; obj = nl_cache_get_next(obj)) {
        auto* addr = reinterpret_cast<rtnl_addr*>(obj);
        const std::optional<std::uint32_t> local = ipv4Of(rtnl_addr_get_local(addr));
        if (local)
            out.emplace_back(networkOf(*local, static_cast<unsigned>(rtnl_addr_get_prefixlen(addr))),
                             deviceName(rtnl_addr_get_ifindex(addr)));
    }
    return {};
}

// The device of a route's first next hop, if it has one.
std::string routeDevice(rtnl_route* route)
{
    if (rtnl_route_get_nnexthops(route) < 1)
        return {};
    return deviceName(rtnl_route_nh_get_ifindex(rtnl_route_nexthop_n(route, 0)));
}

Status collectRoutes(NetlinkSocket& sock, std::vector<HostNetwork>& out)
{
    nl_cache* raw = nullptr;
    if (int err = rtnl_route_alloc_cache(sock.get(), AF_INET, 0, &raw); err < 0)
        return fail(netlinkError(err, "list routes"));
    CachePtr cache(raw);
    for (nl_object* obj = nl_cache_get_first(cache.get()); obj; obj = nl_cache_get_next(obj)) {
        auto* route = reinterpret_cast<rtnl_route*>(obj);
        nl_addr* dst = rtnl_route_get_dst(route);
        const std::optional<std::uint32_t> network = ipv4Of(dst);
        // A default route overlaps everything: it says nothing about subnets in use.
        if (!network || nl_addr_get_prefixlen(dst) == 0 || rtnl_route_get_table(route) != RT_TABLE_MAIN ||
            rtnl_route_get_type(route) != RTN_UNICAST)
            continue;
        out.emplace_back(networkOf(*network, nl_addr_get_prefixlen(dst)), routeDevice(route), true);
    }
    return {};
}

Result<RoutePtr> defaultRoute(int ifindex, Ipv4Address gateway)
{
    RoutePtr route(rtnl_route_alloc());
    NexthopPtr hop(rtnl_route_nh_alloc());
    Result<NlAddrPtr> dst = makeNlAddress(Ipv4Address{0}, 0);
    Result<NlAddrPtr> via = makeNlAddress(gateway, 32);
    if (!route || !hop || !dst || !via)
        return failWith(ENOMEM, "out of memory");
    rtnl_route_set_family(route.get(), AF_INET);
    rtnl_route_set_table(route.get(), RT_TABLE_MAIN);
    rtnl_route_set_scope(route.get(), RT_SCOPE_UNIVERSE);
    rtnl_route_set_protocol(route.get(), RTPROT_STATIC);
    rtnl_route_set_type(route.get(), RTN_UNICAST);
    if (int err = rtnl_route_set_dst(route.get(), dst->get()); err < 0)
        return fail(netlinkError(err, "set route destination"));
    rtnl_route_nh_set_ifindex(hop.get(), ifindex);
    rtnl_route_nh_set_gateway(hop.get(), via->get());
    rtnl_route_add_nexthop(route.get(), hop.release()); // the route owns it now
    return route;
}

} // namespace

Status addAddress(NetlinkSocket& sock, std::string_view name, const Ipv4Cidr& address)
{
    const std::string what = "add address " + formatCidr(address) + " to " + quotedName(name);
    Result<int> index = getLinkIndex(sock, name, what);
    if (!index)
        return fail(index.error());
    Result<NlAddrPtr> local = makeNlAddress(address.address, address.prefix);
    if (!local)
        return fail(local.error().wrap(what));
    AddrPtr addr(rtnl_addr_alloc());
    if (!addr)
        return failWith(ENOMEM, what + ": out of memory");
    rtnl_addr_set_ifindex(addr.get(), *index);
    if (int err = rtnl_addr_set_local(addr.get(), local->get()); err < 0)
        return fail(netlinkError(err, what));
    if (int err = rtnl_addr_add(sock.get(), addr.get(), NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return fail(netlinkError(err, what));
    return {};
}

Status addDefaultRoute(NetlinkSocket& sock, std::string_view name, Ipv4Address gateway)
{
    const std::string what = "add default route via " + formatAddress(gateway) + " on " + quotedName(name);
    Result<int> index = getLinkIndex(sock, name, what);
    if (!index)
        return fail(index.error());
    Result<RoutePtr> route = defaultRoute(*index, gateway);
    if (!route)
        return fail(route.error().wrap(what));
    if (int err = rtnl_route_add(sock.get(), route->get(), NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return fail(netlinkError(err, what));
    return {};
}

Status configureInterface(NetlinkSocket& sock, std::string_view name, std::optional<Ipv4Cidr> address,
                          std::optional<Ipv4Address> gateway, bool up)
{
    if (gateway && !up)
        return failWith(EINVAL, "configure " + quotedName(name) + ": a gateway needs the link up");
    if (address)
        if (Status ok = addAddress(sock, name, *address); !ok)
            return ok;
    if (up)
        if (Status ok = setLinkUp(sock, name, true); !ok)
            return ok;
    if (gateway)
        return addDefaultRoute(sock, name, *gateway);
    return {};
}

Result<std::vector<HostNetwork>> hostNetworks(NetlinkSocket& sock)
{
    std::vector<HostNetwork> result;
    if (Status ok = collectAddresses(sock, result); !ok)
        return fail(ok.error());
    if (Status ok = collectRoutes(sock, result); !ok)
        return fail(ok.error());
    return result;
}

Result<std::vector<Ipv4Cidr>> networksInUse(NetlinkSocket& sock)
{
    auto networks = hostNetworks(sock);
    if (!networks)
        return fail(networks.error());
    std::vector<Ipv4Cidr> result;
    for (const HostNetwork& network : *networks)
        result.push_back(network.network);
    const auto key = [](const Ipv4Cidr& c) { return std::pair(c.address.value, c.prefix); };
    std::ranges::sort(result, {}, key);
    const auto [first, last] = std::ranges::unique(result);
    result.erase(first, last);
    return result;
}

} // namespace berth::net
