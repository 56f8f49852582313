// Owners for every object libnl hands out, each with its own free function,
// so an early return never leaks one (ksystemstats leaks its caches there).
#pragma once

#include <memory>

#include <netlink/addr.h>
#include <netlink/cache.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/route.h>

namespace berth::net::detail {

template <auto Free> struct NlDeleter {
    template <class T> void operator()(T* object) const { Free(object); }
};

using SockPtr = std::unique_ptr<nl_sock, NlDeleter<nl_socket_free>>;
using LinkPtr = std::unique_ptr<rtnl_link, NlDeleter<rtnl_link_put>>;
using AddrPtr = std::unique_ptr<rtnl_addr, NlDeleter<rtnl_addr_put>>;
using RoutePtr = std::unique_ptr<rtnl_route, NlDeleter<rtnl_route_put>>;
using NexthopPtr = std::unique_ptr<rtnl_nexthop, NlDeleter<rtnl_route_nh_free>>;
using CachePtr = std::unique_ptr<nl_cache, NlDeleter<nl_cache_free>>;
using NlAddrPtr = std::unique_ptr<nl_addr, NlDeleter<nl_addr_put>>;

} // namespace berth::net::detail
