// IPv4 addresses and routes in the caller's network namespace: a bridge's
// address, the configuration a container's init applies to its own
// interface before it execs, and what the namespace already uses.
#pragma once

#include "berth/error.h"
#include "net/host_network.h"
#include "net/ipv4.h"

#include <optional>
#include <string_view>
#include <vector>

namespace berth::net {

class NetlinkSocket;

// address/prefix on the link, e.g. 10.0.3.1/24 on a bridge. EEXIST when present.
[[nodiscard]] Status addAddress(NetlinkSocket& sock, std::string_view name, const Ipv4Cidr& address);

// Default route via `gateway` out of the link; the link must be up and the
// gateway reachable on one of its subnets (ENETUNREACH otherwise).
[[nodiscard]] Status addDefaultRoute(NetlinkSocket& sock, std::string_view name, Ipv4Address gateway);

// Address (if any), then the link up (if `up`), then the default route (if
// a gateway is given; needs `up`, EINVAL otherwise).
[[nodiscard]] Status configureInterface(NetlinkSocket& sock, std::string_view name, std::optional<Ipv4Cidr> address,
                                        std::optional<Ipv4Address> gateway, bool up);

// The IPv4 networks the namespace uses, for choosing a free subnet: the
// subnet of every address and the destination of every unicast route of
// the main table, without default routes; as network/prefix
// (10.0.3.1/24 -> 10.0.3.0/24), sorted, without duplicates.
[[nodiscard]] Result<std::vector<Ipv4Cidr>> networksInUse(NetlinkSocket& sock);
// The same addresses and routes, unsorted, each with its device, for
// refusals that name them.
[[nodiscard]] Result<std::vector<HostNetwork>> hostNetworks(NetlinkSocket& sock);

} // namespace berth::net
