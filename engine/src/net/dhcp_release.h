// Ends a lease of a bridge's dnsmasq from the host, as dnsmasq's own
// dhcp_release tool (and libvirt) does: a DHCPRELEASE for the address and
// MAC, sent on the bridge to the bridge's address. dnsmasq keeps a lease
// until it expires otherwise, long after its container is gone.
#pragma once

#include "berth/error.h"
#include "net/ipv4.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace berth::net {

// The BOOTP/DHCP message (RFC 2131): op BOOTREQUEST, ciaddr the lease,
// chaddr the MAC, options: message type 7 (DHCPRELEASE), server identifier.
// EINVAL for a malformed MAC.
[[nodiscard]] Result<std::array<std::uint8_t, 300>> dhcpReleaseMessage(Ipv4Address server, Ipv4Address lease,
                                                                       std::string_view mac, std::uint32_t xid);

// Sends it on `bridge` to server:67; dnsmasq answers nothing.
[[nodiscard]] Status sendDhcpRelease(const std::string& bridge, Ipv4Address server, Ipv4Address lease,
                                     std::string_view mac);

} // namespace berth::net
