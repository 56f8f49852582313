// A container's static IPv4 address on a bridge, checked as the engine
// will check it at start (engine/src/net/net_spec.cpp setIpv4 and
// runtime/container_network.cpp): inside the bridge's subnet, neither the
// network nor the broadcast address, and not the bridge's own address
// (IPAM would then hand the bridge's address to the container).
#pragma once

#include "ipv4_net.h"

#include <QString>

namespace berth::gui {

// Empty when `text` can be the address of a container on the bridge whose
// own address is `bridge` ("10.0.3.1/24"), else why not, for people.
[[nodiscard]] QString staticAddressProblem(const QString& text, const Ipv4Cidr& bridge);

// "10.0.3.12/24": `text` with the bridge subnet's prefix, as
// lxc.net.0.ipv4.address takes it; empty when `text` has a problem.
[[nodiscard]] QString staticAddressCidr(const QString& text, const Ipv4Cidr& bridge);

} // namespace berth::gui
