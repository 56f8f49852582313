// The command line of the dnsmasq that serves DHCP and DNS on one bridge,
// built like LXC's lxc-net does it.
#pragma once

#include "net/bridge_config.h"

#include <string>
#include <vector>

namespace berth::net {

struct DnsmasqPaths {
    std::string pidFile;    // --pid-file; empty: none
    std::string leaseFile;  // --dhcp-leasefile (required)
    std::string hostsDir;   // --hostsdir: container names; empty: none
    std::string configFile; // --conf-file; empty: read no config file at all
};

enum class DnsmasqMode {
    Daemon,     // dnsmasq forks; the pid file tells where it went
    Foreground, // --keep-in-foreground: the caller supervises the child
};

// The arguments after the program name. dnsmasq keeps its default user
// (it drops to "nobody") and forwards queries to the host's resolvers
// (no --no-resolv); /etc/dnsmasq.conf is never read unless configFile names
// it. The DHCP lease limit is the range's size; with an MTU set, DHCP
// option 26 hands it to the containers.
[[nodiscard]] std::vector<std::string> dnsmasqArguments(const BridgeConfig& bridge, const DnsmasqPaths& paths,
                                                        DnsmasqMode mode = DnsmasqMode::Daemon);

} // namespace berth::net
