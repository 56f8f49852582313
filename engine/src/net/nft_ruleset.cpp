#include "net/nft_ruleset.h"

#include "net/ipv4_ops.h"

namespace berth::net {

namespace {

std::string quoted(const std::string& name)
{
    return '"' + name + '"';
}

std::string chainHeader(const std::string& name, const std::string& hook)
{
    return "\tchain " + name + " {\n\t\t" + hook + "; policy accept;\n";
}

std::string forwardChain(const std::vector<BridgeRules>& bridges)
{
    std::string out = chainHeader("forward", "type filter hook forward priority filter");
    out += "\t\tct state established,related accept\n";
    for (const BridgeRules& bridge : bridges) {
        out += "\t\tiifname " + quoted(bridge.bridge) + " accept\n";
        out += "\t\toifname " + quoted(bridge.bridge) + " accept\n";
    }
    return out + "\t}\n";
}

std::string postroutingChain(const std::vector<BridgeRules>& bridges)
{
    std::string out = chainHeader("postrouting", "type nat hook postrouting priority srcnat");
    for (const BridgeRules& bridge : bridges) {
        const std::string subnet = subnetOf(bridge.subnet).toString();
        if (bridge.nat)
            out += "\t\tip saddr " + subnet + " ip daddr != " + subnet + " masquerade\n";
        if (!bridge.forwards.empty())
            out += "\t\tip saddr " + subnet + " ip daddr " + subnet + " ct status dnat masquerade\n";
    }
    return out + "\t}\n";
}

// "tcp dport 8080 dnat ip to 10.0.3.5:80" with what selects the destination.
std::string dnatRule(const ForwardRule& rule, const std::string& destination)
{
    const PortForward& forward = rule.forward;
    const std::string protocol(protocolName(forward.protocol));
    return "\t\t" + destination + " " + protocol + " dport " + std::to_string(forward.hostPort) + " dnat ip to " +
           rule.containerAddress.toString() + ":" + std::to_string(forward.containerPort) + "\n";
}

bool isLoopback(Ipv4Address address)
{
    return (address.value >> 24) == 127;
}

// `local`: the output chain, where loopback destinations are left alone
// (see the header). Every rule needs a local destination: a forward on
// another machine's address must not catch traffic to that machine.
std::string dnatChain(const std::vector<BridgeRules>& bridges, const std::string& name, const std::string& hook,
                      const std::string& anyLocal, bool local)
{
    std::string out = chainHeader(name, hook);
    for (const BridgeRules& bridge : bridges) {
        for (const ForwardRule& rule : bridge.forwards) {
            const auto& host = rule.forward.hostAddress;
            if (local && host && isLoopback(*host))
                continue;
            out += dnatRule(rule, host ? anyLocal + " ip daddr " + host->toString() : anyLocal);
        }
    }
    return out + "\t}\n";
}

} // namespace

std::string berthRuleset(const std::vector<BridgeRules>& bridges)
{
    std::string out = "table inet berth {\n";
    out += forwardChain(bridges);
    out += postroutingChain(bridges);
    out += dnatChain(bridges, "prerouting", "type nat hook prerouting priority dstnat",
                     "meta nfproto ipv4 fib daddr type local", false);
    // nft 1.0.6 (Debian 12) knows the name "dstnat" only at the prerouting
    // hook; -100 is its value.
    out += dnatChain(bridges, "output", "type nat hook output priority -100",
                     "fib daddr type local ip daddr != 127.0.0.0/8", true);
    return out + "}\n";
}

} // namespace berth::net
