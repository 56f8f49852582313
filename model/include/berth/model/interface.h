// A container's network interface as its config declares it (lxc.net.N.*),
// as GetContainer reports it in `interfaces` (aa{sv}, keys below), and the
// rule on a static address a container takes on a bridge.
#pragma once

#include "berth/model/ipv4.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::model {

struct NetInterface {
    unsigned index = 0;         // the N of lxc.net.N
    std::string type;           // veth, macvlan, empty, none
    std::string link;           // the bridge (veth) or parent (macvlan)
    std::string hwaddr;         // empty: chosen at start
    std::string name;           // inside the container
    std::vector<Ipv4Cidr> ipv4; // static addresses, "10.0.3.12/24"
    unsigned mtu = 0;           // 0: the link's default
    bool operator==(const NetInterface&) const = default;
};

// The keys of one interface's a{sv}: index u, type s, link s, hwaddr s,
// name s, ipv4 as ("10.0.3.12/24"), mtu u.
namespace interface_keys {
inline constexpr std::string_view kIndex = "index";
inline constexpr std::string_view kType = "type";
inline constexpr std::string_view kLink = "link";
inline constexpr std::string_view kHwaddr = "hwaddr";
inline constexpr std::string_view kName = "name";
inline constexpr std::string_view kIpv4 = "ipv4";
inline constexpr std::string_view kMtu = "mtu";
} // namespace interface_keys

enum class AddressProblem {
    None,
    Empty,
    NotAddress,
    OutsideSubnet, // not in the bridge's subnet
    Network,       // the subnet's own address
    Broadcast,
    BridgeAddress, // the bridge's: IPAM would hand it out twice
};

// Whether `text` (a dotted quad) can be the static address of a container on
// the bridge whose own address is `bridge` ("10.0.3.1/24"), as the engine
// checks it at start. /31 and /32 have no network or broadcast address
// (RFC 3021).
[[nodiscard]] AddressProblem checkStaticAddress(std::string_view text, const Ipv4Cidr& bridge);

// `text` with the bridge subnet's prefix ("10.0.3.12/24"), as
// lxc.net.N.ipv4.address takes it; none when checkStaticAddress finds a problem.
[[nodiscard]] std::optional<Ipv4Cidr> staticAddressCidr(std::string_view text, const Ipv4Cidr& bridge);

} // namespace berth::model
