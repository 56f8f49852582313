// A Berth bridge's settings as the user gives them (CreateBridge,
// ChangeBridge, the bridge wizard), what a change of them is, and the
// checks on each field. The engine re-checks the whole bridge against the
// host's routes and addresses (engine/src/net/bridge_config.h).
#pragma once

#include "berth/model/ipv4.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace berth::model {

inline constexpr std::size_t kMaxInterfaceName = 15; // IFNAMSIZ - 1
inline constexpr unsigned kMinBridgePrefix = 8;
inline constexpr unsigned kMaxBridgePrefix = 30; // a /31 or /32 leaves no room for DHCP
inline constexpr unsigned kMinMtu = 68;          // RFC 791's minimum
inline constexpr unsigned kMaxMtu = 65535;
inline constexpr std::size_t kMaxDomain = 253;

struct BridgeSettings {
    std::optional<Ipv4Cidr> address;    // the bridge's own, "10.0.3.1/24"; none: a free subnet (create)
    std::optional<Ipv4Range> dhcpRange; // none: .2 to .199
    bool nat = true;
    std::string domain; // empty: 'berth'
    unsigned mtu = 0;   // 0: the kernel's default
    bool operator==(const BridgeSettings&) const = default;
};

// A change of a bridge: what is set changes, nothing else.
struct BridgeChange {
    std::optional<Ipv4Cidr> address;
    std::optional<Ipv4Range> dhcpRange;
    std::optional<bool> nat;
    std::optional<std::string> domain;
    std::optional<unsigned> mtu;
    [[nodiscard]] bool empty() const { return !address && !dhcpRange && !nat && !domain && !mtu; }
    bool operator==(const BridgeChange&) const = default;
};

// What differs between `before` and `after`: the one change that makes the
// one the other. An address or range `after` leaves unset is kept.
[[nodiscard]] BridgeChange diff(const BridgeSettings& before, const BridgeSettings& after);

// The keys of ChangeBridge's a{sv}: address s ("10.0.3.1/24"), dhcpRange s
// ("first-last"), nat b, domain s, mtu u.
namespace bridge_keys {
inline constexpr std::string_view kAddress = "address";
inline constexpr std::string_view kDhcpRange = "dhcpRange";
inline constexpr std::string_view kNat = "nat";
inline constexpr std::string_view kDomain = "domain";
inline constexpr std::string_view kMtu = "mtu";
} // namespace bridge_keys

enum class BridgeProblem {
    None,
    Empty,
    TooLong,  // names past IFNAMSIZ - 1
    BadStart, // '-' or '.' first
    BadCharacter,
    Taken,
    NotCidr,
    PrefixLength, // kMinBridgePrefix..kMaxBridgePrefix
    HostBits,     // "10.0.3.1/24" where a subnet is asked for
    Reserved,     // loopback, link-local, multicast, ... (reserved_networks.h)
    Overlap,
    NotAddress,
    OutsideSubnet,
    NetworkOrBroadcast,
    Reversed,
    CoversGateway,
    BadDomain,
    Mtu, // not 0 or kMinMtu..kMaxMtu
};

// 1..15 of [A-Za-z0-9_.-], not starting with '-' or '.'; Taken when in `taken`.
[[nodiscard]] BridgeProblem checkBridgeName(std::string_view name, std::span<const std::string> taken = {});
// A subnet "10.0.5.0/24" for a new bridge; `others`: the other bridges' subnets.
[[nodiscard]] BridgeProblem checkSubnet(std::string_view text, std::span<const Ipv4Cidr> others = {});
// The bridge's own address inside `subnet`.
[[nodiscard]] BridgeProblem checkGateway(const Ipv4Cidr& subnet, std::string_view gateway);
[[nodiscard]] BridgeProblem checkDhcpRange(const Ipv4Cidr& subnet, Ipv4Address gateway, std::string_view first,
                                           std::string_view last);
// Lower-case labels of a-z, 0-9 and '-' between dots; empty is fine (the
// helper then uses 'berth'). It goes into dnsmasq's --domain.
[[nodiscard]] BridgeProblem checkDomain(std::string_view domain);
[[nodiscard]] BridgeProblem checkMtu(unsigned mtu);

// The engine's default: .1 for the bridge, .2 to .199 for DHCP (less on
// smaller subnets; .200 up stays for static addresses).
[[nodiscard]] Ipv4Address suggestedGateway(const Ipv4Cidr& subnet);
[[nodiscard]] Ipv4Range suggestedRange(const Ipv4Cidr& subnet);

} // namespace berth::model
