#include "berth/model/bridge.h"

#include "berth/model/reserved_networks.h"

#include <algorithm>

namespace berth::model {
namespace {

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

bool isDomainChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool isEdge(const Ipv4Cidr& subnet, Ipv4Address address)
{
    return address == subnet.network() || address == subnet.broadcast();
}

template <typename T> std::optional<T> changed(const T& before, const T& after)
{
    return before == after ? std::nullopt : std::optional<T>(after);
}

template <typename T> std::optional<T> changedIfSet(const std::optional<T>& before, const std::optional<T>& after)
{
    return after && after != before ? after : std::nullopt;
}

} // namespace

BridgeChange diff(const BridgeSettings& before, const BridgeSettings& after)
{
    return {changedIfSet(before.address, after.address), changedIfSet(before.dhcpRange, after.dhcpRange),
            changed(before.nat, after.nat), changed(before.domain, after.domain), changed(before.mtu, after.mtu)};
}

BridgeProblem checkBridgeName(std::string_view name, std::span<const std::string> taken)
{
    if (name.empty())
        return BridgeProblem::Empty;
    if (name.size() > kMaxInterfaceName)
        return BridgeProblem::TooLong;
    if (name.front() == '-' || name.front() == '.')
        return BridgeProblem::BadStart;
    if (!std::ranges::all_of(name, isNameChar))
        return BridgeProblem::BadCharacter;
    return std::ranges::find(taken, name) != taken.end() ? BridgeProblem::Taken : BridgeProblem::None;
}

BridgeProblem checkSubnet(std::string_view text, std::span<const Ipv4Cidr> others)
{
    const auto cidr = Ipv4Cidr::parse(text);
    if (!cidr)
        return BridgeProblem::NotCidr;
    if (cidr->prefix < kMinBridgePrefix || cidr->prefix > kMaxBridgePrefix)
        return BridgeProblem::PrefixLength;
    if (cidr->address != cidr->network())
        return BridgeProblem::HostBits;
    if (reservedIpv4Overlap(cidr->network().value, cidr->prefix))
        return BridgeProblem::Reserved;
    const bool overlap = std::ranges::any_of(others, [&](const Ipv4Cidr& other) { return cidr->overlaps(other); });
    return overlap ? BridgeProblem::Overlap : BridgeProblem::None;
}

BridgeProblem checkGateway(const Ipv4Cidr& subnet, std::string_view gateway)
{
    const auto address = Ipv4Address::parse(gateway);
    if (!address)
        return BridgeProblem::NotAddress;
    if (!subnet.contains(*address))
        return BridgeProblem::OutsideSubnet;
    return isEdge(subnet, *address) ? BridgeProblem::NetworkOrBroadcast : BridgeProblem::None;
}

BridgeProblem checkDhcpRange(const Ipv4Cidr& subnet, Ipv4Address gateway, std::string_view first, std::string_view last)
{
    const auto from = Ipv4Address::parse(first);
    const auto to = Ipv4Address::parse(last);
    if (!from || !to)
        return BridgeProblem::NotAddress;
    if (!subnet.contains(*from) || !subnet.contains(*to))
        return BridgeProblem::OutsideSubnet;
    if (*to < *from)
        return BridgeProblem::Reversed;
    if (isEdge(subnet, *from) || isEdge(subnet, *to))
        return BridgeProblem::NetworkOrBroadcast;
    return Ipv4Range{*from, *to}.contains(gateway) ? BridgeProblem::CoversGateway : BridgeProblem::None;
}

BridgeProblem checkDomain(std::string_view domain)
{
    if (domain.empty())
        return BridgeProblem::None;
    bool ok = domain.size() <= kMaxDomain && domain.front() != '.' && domain.back() != '.' &&
              domain.find("..") == std::string_view::npos;
    for (char c : domain)
        ok = ok && (c == '.' || isDomainChar(c));
    return ok ? BridgeProblem::None : BridgeProblem::BadDomain;
}

BridgeProblem checkMtu(unsigned mtu)
{
    return mtu == 0 || (mtu >= kMinMtu && mtu <= kMaxMtu) ? BridgeProblem::None : BridgeProblem::Mtu;
}

Ipv4Address suggestedGateway(const Ipv4Cidr& subnet)
{
    return Ipv4Address{subnet.network().value + 1};
}

Ipv4Range suggestedRange(const Ipv4Cidr& subnet)
{
    const std::uint32_t network = subnet.network().value;
    return {Ipv4Address{network + 2}, Ipv4Address{std::min(network + 199, subnet.broadcast().value - 1)}};
}

} // namespace berth::model
