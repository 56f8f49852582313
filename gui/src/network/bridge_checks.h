// What the bridge wizard checks as the user types, with the engine's rules
// (engine/src/net/bridge_config.cpp, helper/src/validation_net.cpp) so that
// what the wizard accepts the helper accepts too. Pure, table-tested.
#pragma once

#include "ipv4_net.h"

#include <QStringList>

namespace berth::gui {

enum class BridgeProblem {
    None,
    Empty,
    TooLong,  // names past IFNAMSIZ - 1
    BadStart, // '-' or '.' first
    BadCharacter,
    Taken,
    NotCidr,
    PrefixLength, // the engine takes /8../30
    HostBits,     // "10.0.3.1/24" where a subnet is asked for
    Reserved,     // loopback, link-local, multicast, ... (model/reserved_networks.h)
    Overlap,
    NotAddress,
    OutsideSubnet,
    NetworkOrBroadcast,
    Reversed,
    CoversGateway,
    BadDomain,
};

[[nodiscard]] BridgeProblem checkBridgeName(const QString& name, const QStringList& taken);
// `others`: the subnets of the other bridges.
[[nodiscard]] BridgeProblem checkSubnet(const QString& text, const QList<Ipv4Cidr>& others);
[[nodiscard]] BridgeProblem checkGateway(const Ipv4Cidr& subnet, const QString& gateway);
[[nodiscard]] BridgeProblem checkDhcpRange(const Ipv4Cidr& subnet, quint32 gateway, const QString& first,
                                           const QString& last);
// Empty is fine: the helper then uses 'berth'.
[[nodiscard]] BridgeProblem checkDomain(const QString& domain);

// The engine's default: .1 for the bridge, .2 to .199 for DHCP (less on
// smaller subnets).
[[nodiscard]] quint32 suggestedGateway(const Ipv4Cidr& subnet);
[[nodiscard]] Ipv4Range suggestedRange(const Ipv4Cidr& subnet);

// A sentence for the user; empty for None.
[[nodiscard]] QString bridgeProblemText(BridgeProblem problem);

} // namespace berth::gui
