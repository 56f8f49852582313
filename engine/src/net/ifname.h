// Linux network interface names, as Berth accepts them for bridges, veth
// ends and container interfaces.
#pragma once

#include "berth/error.h"

#include <string_view>

namespace berth::net {

// 1..15 bytes (IFNAMSIZ - 1) of [A-Za-z0-9_.-], never "." or "..". The
// kernel allows more (anything but '/', ':' and whitespace), but these names
// also land in nftables rules and dnsmasq arguments, so stay plain.
[[nodiscard]] bool isValidInterfaceName(std::string_view name);
// The same; the error (EINVAL) names `what` ("bridge name") and the name.
[[nodiscard]] Status validateInterfaceName(std::string_view name, std::string_view what);

} // namespace berth::net
