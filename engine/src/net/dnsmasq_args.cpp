#include "net/dnsmasq_args.h"

#include "net/ipv4_ops.h"

namespace berth::net {

namespace {

void addDhcp(std::vector<std::string>& args, const BridgeConfig& bridge, const DnsmasqPaths& paths)
{
    const Ipv4Range& range = bridge.dhcpRange;
    args.push_back("--dhcp-range=" + range.first.toString() + "," + range.last.toString() + "," +
                   bridge.gateway.netmask().toString());
    args.push_back("--dhcp-lease-max=" + std::to_string(rangeSize(range)));
    args.push_back("--dhcp-no-override");
    args.push_back("--dhcp-authoritative");
    args.push_back("--dhcp-leasefile=" + paths.leaseFile);
    if (bridge.mtu != 0)
        args.push_back("--dhcp-option-force=26," + std::to_string(bridge.mtu));
}

void addDns(std::vector<std::string>& args, const BridgeConfig& bridge, const DnsmasqPaths& paths)
{
    args.push_back("--domain=" + bridge.domain);
    // Names under the domain are answered here only, never asked upstream.
    args.push_back("--local=/" + bridge.domain + "/");
    args.push_back("--expand-hosts");
    if (!paths.hostsDir.empty())
        args.push_back("--hostsdir=" + paths.hostsDir);
}

} // namespace

std::vector<std::string> dnsmasqArguments(const BridgeConfig& bridge, const DnsmasqPaths& paths, DnsmasqMode mode)
{
    // An empty --conf-file= is dnsmasq's way to read no configuration file.
    std::vector<std::string> args{"--conf-file=" + paths.configFile};
    if (mode == DnsmasqMode::Foreground)
        args.push_back("--keep-in-foreground");
    if (!paths.pidFile.empty())
        args.push_back("--pid-file=" + paths.pidFile);
    args.push_back("--strict-order");
    args.push_back("--bind-interfaces");
    args.push_back("--except-interface=lo");
    args.push_back("--interface=" + bridge.name);
    args.push_back("--listen-address=" + bridge.gateway.address.toString());
    addDhcp(args, bridge, paths);
    addDns(args, bridge, paths);
    return args;
}

} // namespace berth::net
