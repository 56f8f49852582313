// The nftables ruleset of Berth's own table, as text for `nft -f`.
#pragma once

#include "net/ipv4.h"
#include "net/net_spec.h"

#include <string>
#include <vector>

namespace berth::net {

struct ForwardRule {
    PortForward forward;
    Ipv4Address containerAddress;
};

struct BridgeRules {
    std::string bridge; // a valid interface name (see ifname.h)
    Ipv4Cidr subnet;
    bool nat = true;
    std::vector<ForwardRule> forwards;
};

// One table, "inet berth", and nothing else: the caller deletes and
// recreates it in one transaction, so no other table is ever touched.
// Chains:
//  - forward (filter): established/related traffic and traffic from or to
//    each bridge is accepted, for hosts whose own forward chain drops;
//  - postrouting (srcnat): masquerade of each NAT bridge's subnet towards
//    anything outside it, and of hairpin traffic (a container reaching a
//    forward of its own bridge, so the reply comes back through the host);
//  - prerouting (dstnat): a DNAT per forward, on any local address ("fib
//    daddr type local"), and on the given host address only if one is set:
//    traffic routed through the host to other machines keeps its port,
//    even when a forward names another machine's address;
//  - output (dstnat): the same DNATs for connections the host itself opens
//    to its own addresses, which never pass prerouting (never those it
//    opens to other machines). 127.0.0.0/8 is left
//    out (also forwards bound to a loopback host address): a DNAT from
//    loopback to a bridge needs route_localnet, a host sysctl Berth does
//    not change.
[[nodiscard]] std::string berthRuleset(const std::vector<BridgeRules>& bridges);

} // namespace berth::net
