#include "berth/model/interface.h"

namespace berth::model {

AddressProblem checkStaticAddress(std::string_view text, const Ipv4Cidr& bridge)
{
    if (text.empty())
        return AddressProblem::Empty;
    const auto address = Ipv4Address::parse(text);
    if (!address)
        return AddressProblem::NotAddress;
    if (!bridge.contains(*address))
        return AddressProblem::OutsideSubnet;
    if (bridge.prefix <= 30 && *address == bridge.network())
        return AddressProblem::Network;
    if (bridge.prefix <= 30 && *address == bridge.broadcast())
        return AddressProblem::Broadcast;
    return *address == bridge.address ? AddressProblem::BridgeAddress : AddressProblem::None;
}

std::optional<Ipv4Cidr> staticAddressCidr(std::string_view text, const Ipv4Cidr& bridge)
{
    if (checkStaticAddress(text, bridge) != AddressProblem::None)
        return std::nullopt;
    return Ipv4Cidr{*Ipv4Address::parse(text), bridge.prefix};
}

} // namespace berth::model
