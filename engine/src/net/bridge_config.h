// A Berth bridge as it is stored in /var/lib/berth/networks/<name>.conf,
// and the checks a new or changed bridge must pass.
#pragma once

#include "berth/error.h"
#include "net/host_network.h"
#include "net/ipv4.h"

#include <string>
#include <string_view>
#include <vector>

namespace berth::net {

struct BridgeConfig {
    std::string name;
    Ipv4Cidr gateway; // "10.0.3.1/24": the bridge's own address on its subnet
    Ipv4Range dhcpRange;
    bool nat = true;
    std::string domain = "berth";
    unsigned mtu = 0;       // 0 = kernel default
    std::string ipv6Prefix; // empty = no IPv6

    bool operator==(const BridgeConfig&) const = default;
};

// Reads "key = value" lines (keys: name, ipv4.address, ipv4.dhcp_range,
// ipv4.nat, dns.domain, mtu, ipv6.address). Blank lines and '#' comments
// are skipped; unknown or repeated keys are errors, naming
// "<sourceName>:<line>". name, ipv4.address and ipv4.dhcp_range are
// required. Only the syntax is checked here: see validateBridge.
[[nodiscard]] Result<BridgeConfig> parseBridgeConfig(std::string_view text,
                                                     std::string_view sourceName = "network config");
// The file parseBridgeConfig reads back; mtu and ipv6.address only when set.
[[nodiscard]] std::string serializeBridgeConfig(const BridgeConfig& bridge);

// Whether `bridge` can be brought up next to `others` (Berth's other
// bridges; one with the same name is taken for this bridge's old self and
// skipped) and the host's networks in use (addresses and routes, from the
// caller; prefix-0 entries such as default routes are ignored: they claim
// no address space). A subnet overlapping a reserved block (loopback,
// link-local, multicast, 0/8, 240/4: model/reserved_networks.h) or a host
// network is refused, whoever asks. Errors are EINVAL and name the field
// and value, and the host's route or address and its device.
[[nodiscard]] Status validateBridge(const BridgeConfig& bridge, const std::vector<BridgeConfig>& others,
                                    const std::vector<HostNetwork>& hostNetworks);

// A bridge on the first 10.0.N.0/24 (N = 3, 4, ...) that overlaps nothing
// in `inUse`: gateway .1, DHCP .2-.199 (.200-.254 stay for static IPAM),
// NAT on. ENOSPC when every block up to 10.0.255.0/24 is taken.
[[nodiscard]] Result<BridgeConfig> defaultBridge(std::string name, const std::vector<Ipv4Cidr>& inUse);

} // namespace berth::net
