#include "bridge_checks.h"

#include "berth/model/reserved_networks.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace berth::gui {
namespace {

// A context of its own for lupdate.
struct BridgeChecks {
    Q_DECLARE_TR_FUNCTIONS(BridgeChecks)
};

constexpr int kMaxInterfaceName = 15; // IFNAMSIZ - 1
constexpr int kMinPrefix = 8;
constexpr int kMaxPrefix = 30; // a /31 or /32 leaves no room for DHCP

bool isNameChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') || c == QLatin1Char('-') ||
           c == QLatin1Char('.');
}

bool isEdge(const Ipv4Cidr& subnet, quint32 address)
{
    return address == subnet.network() || address == subnet.broadcast();
}

} // namespace

BridgeProblem checkBridgeName(const QString& name, const QStringList& taken)
{
    if (name.isEmpty())
        return BridgeProblem::Empty;
    if (name.size() > kMaxInterfaceName)
        return BridgeProblem::TooLong;
    if (name.front() == QLatin1Char('-') || name.front() == QLatin1Char('.'))
        return BridgeProblem::BadStart;
    if (!std::all_of(name.begin(), name.end(), isNameChar))
        return BridgeProblem::BadCharacter;
    return taken.contains(name) ? BridgeProblem::Taken : BridgeProblem::None;
}

BridgeProblem checkSubnet(const QString& text, const QList<Ipv4Cidr>& others)
{
    const auto cidr = parseIpv4Cidr(text);
    if (!cidr)
        return BridgeProblem::NotCidr;
    if (cidr->prefix < kMinPrefix || cidr->prefix > kMaxPrefix)
        return BridgeProblem::PrefixLength;
    if (cidr->address != cidr->network())
        return BridgeProblem::HostBits;
    if (model::reservedIpv4Overlap(cidr->network(), static_cast<unsigned>(cidr->prefix)))
        return BridgeProblem::Reserved;
    for (const Ipv4Cidr& other : others) {
        if (cidr->overlaps(other))
            return BridgeProblem::Overlap;
    }
    return BridgeProblem::None;
}

BridgeProblem checkGateway(const Ipv4Cidr& subnet, const QString& gateway)
{
    const auto address = parseIpv4(gateway);
    if (!address)
        return BridgeProblem::NotAddress;
    if (!subnet.contains(*address))
        return BridgeProblem::OutsideSubnet;
    return isEdge(subnet, *address) ? BridgeProblem::NetworkOrBroadcast : BridgeProblem::None;
}

BridgeProblem checkDhcpRange(const Ipv4Cidr& subnet, quint32 gateway, const QString& first, const QString& last)
{
    const auto from = parseIpv4(first);
    const auto to = parseIpv4(last);
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

BridgeProblem checkDomain(const QString& domain)
{
    // Lower case only: the helper refuses capitals though the engine would take them.
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9-]+(\\.[a-z0-9-]+)*$"));
    if (domain.isEmpty())
        return BridgeProblem::None;
    return domain.size() <= 253 && pattern.match(domain).hasMatch() ? BridgeProblem::None : BridgeProblem::BadDomain;
}

quint32 suggestedGateway(const Ipv4Cidr& subnet)
{
    return subnet.network() + 1;
}

Ipv4Range suggestedRange(const Ipv4Cidr& subnet)
{
    const quint32 first = subnet.network() + 2;
    return {first, std::min(subnet.network() + 199, subnet.broadcast() - 1)};
}

QString bridgeProblemText(BridgeProblem problem)
{
    switch (problem) {
    case BridgeProblem::None:
        return {};
    case BridgeProblem::Empty:
        return BridgeChecks::tr("Enter a name.");
    case BridgeProblem::TooLong:
        return BridgeChecks::tr("The name may have at most 15 characters.");
    case BridgeProblem::BadStart:
        return BridgeChecks::tr("The name must start with a letter, a digit or '_'.");
    case BridgeProblem::BadCharacter:
        return BridgeChecks::tr("The name may contain only letters, digits, '_', '-' and '.'.");
    case BridgeProblem::Taken:
        return BridgeChecks::tr("A bridge with this name exists already.");
    case BridgeProblem::NotCidr:
        return BridgeChecks::tr("Enter the subnet as an address with a prefix length, such as 10.0.5.0/24.");
    case BridgeProblem::PrefixLength:
        return BridgeChecks::tr("The prefix length must be between 8 and 30.");
    case BridgeProblem::HostBits:
        return BridgeChecks::tr(
            "This is not the first address of the subnet: use the network address, such as 10.0.5.0/24.");
    case BridgeProblem::Reserved:
        return BridgeChecks::tr("The subnet overlaps addresses no bridge may use (loopback 127.0.0.0/8, link-local "
                                "169.254.0.0/16, multicast 224.0.0.0/4, 0.0.0.0/8 or 240.0.0.0/4): use a private "
                                "subnet such as 10.0.5.0/24.");
    case BridgeProblem::Overlap:
        return BridgeChecks::tr("The subnet overlaps the subnet of another bridge.");
    case BridgeProblem::NotAddress:
        return BridgeChecks::tr("Enter an IPv4 address, such as 10.0.5.1.");
    case BridgeProblem::OutsideSubnet:
        return BridgeChecks::tr("The address is outside the subnet.");
    case BridgeProblem::NetworkOrBroadcast:
        return BridgeChecks::tr("The first and the last address of the subnet cannot be used.");
    case BridgeProblem::Reversed:
        return BridgeChecks::tr("The DHCP range ends before it starts.");
    case BridgeProblem::CoversGateway:
        return BridgeChecks::tr("The DHCP range must not contain the bridge's own address.");
    case BridgeProblem::BadDomain:
        return BridgeChecks::tr("The domain may contain only lower-case letters, digits, '-' and dots between names.");
    }
    return {};
}

} // namespace berth::gui
