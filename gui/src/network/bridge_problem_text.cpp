#include "bridge_problem_text.h"

#include <QCoreApplication>

namespace berth::gui {
namespace {

// A context of its own for lupdate.
struct BridgeChecks {
    Q_DECLARE_TR_FUNCTIONS(BridgeChecks)
};

// As above, for the static address of the new-container wizard.
struct StaticAddressCheck {
    Q_DECLARE_TR_FUNCTIONS(StaticAddressCheck)
};

} // namespace

QString bridgeProblemText(model::BridgeProblem problem)
{
    using model::BridgeProblem;
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
    case BridgeProblem::Mtu:
        return BridgeChecks::tr("The MTU must be 0 (the kernel's default) or between 68 and 65535.");
    }
    return {};
}

QString addressProblemText(model::AddressProblem problem, const QString& text, const model::Ipv4Cidr& bridge)
{
    using model::AddressProblem;
    switch (problem) {
    case AddressProblem::None:
        return {};
    case AddressProblem::Empty:
        return StaticAddressCheck::tr("Enter the container's IPv4 address.");
    case AddressProblem::NotAddress:
        return StaticAddressCheck::tr("'%1' is not an IPv4 address; write it as four numbers from 0 to 255 "
                                      "separated by dots, such as 10.0.3.20.")
            .arg(text);
    case AddressProblem::OutsideSubnet:
        return StaticAddressCheck::tr("'%1' is not in the bridge's network %2.")
            .arg(text, QString::fromStdString(bridge.subnet().toString()));
    case AddressProblem::Network:
        return StaticAddressCheck::tr("'%1' is the address of the network itself; choose another one.").arg(text);
    case AddressProblem::Broadcast:
        return StaticAddressCheck::tr("'%1' is the broadcast address of the network; choose another one.").arg(text);
    case AddressProblem::BridgeAddress:
        return StaticAddressCheck::tr("'%1' is the bridge's own address; choose another one.").arg(text);
    }
    return {};
}

} // namespace berth::gui
