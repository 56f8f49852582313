// Internal helpers shared by the netlink_*.cpp files.
#pragma once

#include "berth/error.h"
#include "net/ipv4.h"
#include "net/netlink_ptr.h"

#include <string>
#include <string_view>

namespace berth::net {

class NetlinkSocket;

namespace detail {

// The kernel's current view of a link; validates the name first. Errors
// read "what: No such device"; `what` names the operation and the link.
[[nodiscard]] Result<LinkPtr> getLink(NetlinkSocket& sock, std::string_view name, std::string_view what);
// getLink(), then its index.
[[nodiscard]] Result<int> getLinkIndex(NetlinkSocket& sock, std::string_view name, std::string_view what);
// An AF_INET nl_addr for the address with its prefix length.
[[nodiscard]] Result<NlAddrPtr> makeNlAddress(Ipv4Address address, unsigned prefix);
// "10.0.3.1" / "10.0.3.1/24" without relying on ipv4.cpp, for messages.
[[nodiscard]] std::string formatAddress(Ipv4Address address);
[[nodiscard]] std::string formatCidr(const Ipv4Cidr& cidr);
// Creates `link` (NLM_F_CREATE | NLM_F_EXCL); `what` names it for errors.
[[nodiscard]] Status addLink(NetlinkSocket& sock, rtnl_link* link, std::string_view what);

} // namespace detail
} // namespace berth::net
