#include "static_address_check.h"

#include <QCoreApplication>

namespace berth::gui {
namespace {

// A context of its own for lupdate.
struct StaticAddressCheck {
    Q_DECLARE_TR_FUNCTIONS(StaticAddressCheck)
};

} // namespace

QString staticAddressProblem(const QString& text, const Ipv4Cidr& bridge)
{
    if (text.isEmpty())
        return StaticAddressCheck::tr("Enter the container's IPv4 address.");
    const auto address = parseIpv4(text);
    if (!address)
        return StaticAddressCheck::tr("'%1' is not an IPv4 address; write it as four numbers from 0 to 255 "
                                      "separated by dots, such as 10.0.3.20.")
            .arg(text);
    if (!bridge.contains(*address))
        return StaticAddressCheck::tr("'%1' is not in the bridge's network %2.").arg(text, bridge.subnet().toString());
    // /31 and /32 have no network or broadcast address (RFC 3021), as in the engine.
    if (bridge.prefix <= 30 && *address == bridge.network())
        return StaticAddressCheck::tr("'%1' is the address of the network itself; choose another one.").arg(text);
    if (bridge.prefix <= 30 && *address == bridge.broadcast())
        return StaticAddressCheck::tr("'%1' is the broadcast address of the network; choose another one.").arg(text);
    if (*address == bridge.address)
        return StaticAddressCheck::tr("'%1' is the bridge's own address; choose another one.").arg(text);
    return {};
}

QString staticAddressCidr(const QString& text, const Ipv4Cidr& bridge)
{
    if (!staticAddressProblem(text, bridge).isEmpty())
        return {};
    return Ipv4Cidr{*parseIpv4(text), bridge.prefix}.toString();
}

} // namespace berth::gui
