// IPv4 forwarding of the current network namespace.
//
// On the real host this is the one host-wide setting Berth changes, as
// LXC's lxc-net does: without it the bridge cannot route its containers'
// packets to the outside. Berth turns it on and never off again, since
// other software on the host may rely on it once it is on.
#pragma once

#include "berth/error.h"

#include <filesystem>

namespace berth::net {

// Writes 1 to <procSys>/net/ipv4/ip_forward unless it is 1 already. The
// file belongs to the network namespace of the caller (procfs resolves it
// per namespace), so callers enter the namespace they mean first.
[[nodiscard]] Status enableIpv4Forwarding(const std::filesystem::path& procSys = "/proc/sys");

// Whether <procSys>/net/ipv4/ip_forward reads 1.
[[nodiscard]] Result<bool> ipv4ForwardingEnabled(const std::filesystem::path& procSys = "/proc/sys");

} // namespace berth::net
