// Ethernet (MAC) addresses of container interfaces.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

namespace berth::net {

// "00:16:3e:xx:xx:xx" (the Xen OUI LXC uses too) with the last three bytes
// from an FNV-1a hash of the container name and interface index, so a
// container keeps its MAC (and its DHCP lease) across restarts. The OUI is
// unicast and globally administered, so the result is never multicast or
// broadcast.
[[nodiscard]] std::string stableMac(std::string_view container, unsigned index);

// Six ':'-separated pairs of hex digits, returned in lower case. Multicast
// (and so broadcast) and all-zero addresses are refused (EINVAL): no
// interface can carry them.
[[nodiscard]] Result<std::string> parseMac(std::string_view text);

} // namespace berth::net
