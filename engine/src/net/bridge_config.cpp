#include "net/bridge_config.h"

#include "berth/model/bridge.h"
#include "berth/model/reserved_networks.h"
#include "config/values.h"
#include "net/ifname.h"
#include "net/ipv4_ops.h"

#include <cerrno>
#include <functional>
#include <set>

namespace berth::net {

namespace {

std::string_view trim(std::string_view text)
{
    const std::size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

using Setter = std::function<Status(BridgeConfig&, std::string_view)>;

template <class T> Setter parsedInto(Result<T> (*parse)(std::string_view), T BridgeConfig::*member)
{
    return [parse, member](BridgeConfig& bridge, std::string_view value) -> Status {
        Result<T> parsed = parse(value);
        if (!parsed)
            return fail(parsed.error());
        bridge.*member = *parsed;
        return {};
    };
}

Setter textInto(std::string BridgeConfig::*member)
{
    return [member](BridgeConfig& bridge, std::string_view value) -> Status {
        bridge.*member = std::string(value);
        return {};
    };
}

const std::vector<std::pair<std::string_view, Setter>>& setters()
{
    static const std::vector<std::pair<std::string_view, Setter>> table = {
        {"name", textInto(&BridgeConfig::name)},
        {"ipv4.address", parsedInto(&parseIpv4Cidr, &BridgeConfig::gateway)},
        {"ipv4.dhcp_range", parsedInto(&parseIpv4Range, &BridgeConfig::dhcpRange)},
        {"ipv4.nat",
         [](BridgeConfig& bridge, std::string_view value) -> Status {
             Result<bool> nat = parseBoolValue(value);
             if (!nat)
                 return fail(nat.error());
             bridge.nat = *nat;
             return {};
         }},
        {"dns.domain", textInto(&BridgeConfig::domain)},
        {"mtu",
         [](BridgeConfig& bridge, std::string_view value) -> Status {
             Result<std::uint64_t> mtu = parseUnsignedValue(value, 0, 65535);
             if (!mtu)
                 return fail(mtu.error());
             bridge.mtu = static_cast<unsigned>(*mtu);
             return {};
         }},
        {"ipv6.address", textInto(&BridgeConfig::ipv6Prefix)},
    };
    return table;
}

const Setter* findSetter(std::string_view key)
{
    for (const auto& [name, setter] : setters()) {
        if (name == key)
            return &setter;
    }
    return nullptr;
}

// One "key = value" line into `bridge`; `seen` catches repeated keys.
Status parseLine(std::string_view line, BridgeConfig& bridge, std::set<std::string, std::less<>>& seen)
{
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos)
        return failWith(EINVAL, "expected 'key = value': " + quoteForMessage(line));
    const std::string_view key = trim(line.substr(0, equals));
    const Setter* setter = findSetter(key);
    if (!setter)
        return failWith(EINVAL, "unknown key " + quoteForMessage(key));
    if (!seen.insert(std::string(key)).second)
        return failWith(EINVAL, std::string(key) + " is given twice");
    Status set = (*setter)(bridge, trim(line.substr(equals + 1)));
    if (!set)
        return fail(Error::make(set.error().code, std::string(key) + ": " + set.error().message));
    return {};
}

bool isDomainLabelChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// A DNS name of plain labels: it goes into dnsmasq's --domain and --local=/d/.
Status validateDomain(std::string_view domain)
{
    bool ok = !domain.empty() && domain.size() <= 253 && domain.front() != '.' && domain.back() != '.' &&
              domain.find("..") == std::string_view::npos;
    for (char c : domain)
        ok = ok && (c == '.' || isDomainLabelChar(c));
    if (!ok)
        return failWith(EINVAL,
                        "DNS domain " + quoteForMessage(domain) + " is not a domain name (letters, digits, '-', '.')");
    return {};
}

// Only the shape "hex:digits::/n": the address itself is the kernel's to judge.
Status validateIpv6Prefix(std::string_view prefix)
{
    const std::size_t slash = prefix.find('/');
    bool ok = slash != std::string_view::npos && slash > 1 &&
              prefix.substr(0, slash).find_first_not_of("0123456789abcdefABCDEF:") == std::string_view::npos;
    ok = ok && parseUnsignedValue(prefix.substr(slash + 1), 1, 128).has_value();
    if (!ok)
        return failWith(EINVAL,
                        "IPv6 prefix " + quoteForMessage(prefix) + " is not an IPv6 address with a prefix length");
    return {};
}

Status validateGateway(const BridgeConfig& bridge)
{
    const Ipv4Cidr& gw = bridge.gateway;
    if (gw.prefix < model::kMinBridgePrefix || gw.prefix > model::kMaxBridgePrefix)
        return failWith(EINVAL, "bridge address " + gw.toString() + ": the prefix length must be 8..30");
    if (gw.address == gw.network() || gw.address == gw.broadcast())
        return failWith(EINVAL, "bridge address " + gw.toString() + " is the network or broadcast address of " +
                                    subnetOf(gw).toString());
    return {};
}

Status validateDhcpRange(const BridgeConfig& bridge)
{
    const Ipv4Range& range = bridge.dhcpRange;
    const Ipv4Cidr subnet = subnetOf(bridge.gateway);
    const std::string text = "DHCP range " + rangeToString(range);
    if (range.last < range.first)
        return failWith(EINVAL, text + " ends before it starts");
    if (!subnet.contains(range.first) || !subnet.contains(range.last))
        return failWith(EINVAL, text + " is outside the subnet " + subnet.toString());
    if (range.contains(bridge.gateway.address))
        return failWith(EINVAL, text + " covers the bridge address " + bridge.gateway.address.toString());
    if (range.first == subnet.network() || range.last == subnet.broadcast())
        return failWith(EINVAL, text + " covers the network or broadcast address of " + subnet.toString());
    return {};
}

Status validateNotReserved(const BridgeConfig& bridge)
{
    const Ipv4Cidr subnet = subnetOf(bridge.gateway);
    if (auto reserved = model::reservedIpv4Overlap(subnet.address.value, subnet.prefix))
        return failWith(EINVAL, "subnet " + subnet.toString() + " overlaps " + reserved->describe() +
                                    ": a bridge needs a private subnet such as 10.0.5.0/24");
    return {};
}

Status validateNoOverlap(const BridgeConfig& bridge, const std::vector<BridgeConfig>& others,
                         const std::vector<HostNetwork>& hostNetworks)
{
    const Ipv4Cidr subnet = subnetOf(bridge.gateway);
    for (const BridgeConfig& other : others) {
        if (other.name != bridge.name && subnet.overlaps(other.gateway))
            return failWith(EINVAL, "subnet " + subnet.toString() + " overlaps " + subnetOf(other.gateway).toString() +
                                        " of bridge '" + other.name + "'");
    }
    for (const HostNetwork& host : hostNetworks) {
        if (host.network.prefix > 0 && subnet.overlaps(host.network))
            return failWith(EINVAL, "subnet " + subnet.toString() + " overlaps " + host.describe());
    }
    return {};
}

} // namespace

Result<BridgeConfig> parseBridgeConfig(std::string_view text, std::string_view sourceName)
{
    BridgeConfig bridge;
    std::set<std::string, std::less<>> seen;
    int lineNumber = 0;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::string_view line = trim(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        ++lineNumber;
        if (line.empty() || line.front() == '#')
            continue;
        const std::string where = std::string(sourceName) + ":" + std::to_string(lineNumber);
        if (Status parsed = parseLine(line, bridge, seen); !parsed)
            return failWith(parsed.error().code, where + ": " + parsed.error().message, where);
    }
    for (std::string_view required : {"name", "ipv4.address", "ipv4.dhcp_range"}) {
        if (!seen.contains(required))
            return failWith(EINVAL, std::string(sourceName) + ": " + std::string(required) + " is missing",
                            std::string(sourceName));
    }
    return bridge;
}

std::string serializeBridgeConfig(const BridgeConfig& bridge)
{
    std::string out = "name = " + bridge.name + "\n";
    out += "ipv4.address = " + bridge.gateway.toString() + "\n";
    out += "ipv4.dhcp_range = " + rangeToString(bridge.dhcpRange) + "\n";
    out += std::string("ipv4.nat = ") + (bridge.nat ? "1" : "0") + "\n";
    out += "dns.domain = " + bridge.domain + "\n";
    if (bridge.mtu != 0)
        out += "mtu = " + std::to_string(bridge.mtu) + "\n";
    if (!bridge.ipv6Prefix.empty())
        out += "ipv6.address = " + bridge.ipv6Prefix + "\n";
    return out;
}

Status validateBridge(const BridgeConfig& bridge, const std::vector<BridgeConfig>& others,
                      const std::vector<HostNetwork>& hostNetworks)
{
    if (Status name = validateInterfaceName(bridge.name, "bridge name"); !name)
        return name;
    if (Status gateway = validateGateway(bridge); !gateway)
        return gateway;
    if (Status reserved = validateNotReserved(bridge); !reserved)
        return reserved;
    if (Status range = validateDhcpRange(bridge); !range)
        return range;
    if (Status domain = validateDomain(bridge.domain); !domain)
        return domain;
    if (model::checkMtu(bridge.mtu) != model::BridgeProblem::None)
        return failWith(EINVAL, "MTU " + std::to_string(bridge.mtu) + " is outside 68..65535");
    if (!bridge.ipv6Prefix.empty()) {
        if (Status ipv6 = validateIpv6Prefix(bridge.ipv6Prefix); !ipv6)
            return ipv6;
    }
    return validateNoOverlap(bridge, others, hostNetworks);
}

Result<BridgeConfig> defaultBridge(std::string name, const std::vector<Ipv4Cidr>& inUse)
{
    if (Status valid = validateInterfaceName(name, "bridge name"); !valid)
        return fail(valid.error());
    if (const auto subnet = model::suggestFreeSubnet(inUse)) {
        BridgeConfig bridge;
        bridge.name = std::move(name);
        bridge.gateway = Ipv4Cidr{model::suggestedGateway(*subnet), subnet->prefix};
        bridge.dhcpRange = model::suggestedRange(*subnet);
        return bridge;
    }
    return failWith(ENOSPC,
                    "no free 10.0.N.0/24 subnet for bridge '" + name + "': all of 10.0.3.0-10.0.255.0 are in use");
}

} // namespace berth::net
