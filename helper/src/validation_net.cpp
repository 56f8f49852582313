// Network arguments: bridge names, CIDRs, DHCP ranges, forwards. The rules
// are model's (berth/model/bridge.h, forward.h), the same functions the GUI
// calls as the user types; here they are enforced.
#include "validation.h"

#include "berth/model/bridge.h"
#include "config/values.h"
#include "net/ipv4.h"
#include "net/net_spec.h"

#include <cerrno>

namespace berth::helper {

Status validateBridgeName(std::string_view name)
{
    const auto bad = [&](std::string_view why) {
        return failWith(EINVAL, "bridge name " + quoteForMessage(name) + " " + std::string(why));
    };
    switch (model::checkBridgeName(name)) {
    case model::BridgeProblem::None:
        return {};
    case model::BridgeProblem::BadStart:
        return bad("must start with a letter, digit or '_'");
    case model::BridgeProblem::BadCharacter:
        return bad("may contain only letters, digits, '_', '-' and '.'");
    default:
        return bad("must have 1 to 15 characters");
    }
}

Status validateCidr(std::string_view cidr, bool allowEmpty)
{
    if (cidr.empty() && allowEmpty)
        return {};
    if (cidr.size() > 18)
        return failWith(EINVAL, "address " + quoteForMessage(cidr) + " is not a.b.c.d/n");
    auto parsed = net::parseIpv4Cidr(cidr);
    if (!parsed)
        return fail(parsed.error());
    return {};
}

Status validateDhcpRange(std::string_view range)
{
    if (range.empty())
        return {};
    // The wire takes FIRST-LAST only (the engine's file also "first,last").
    const auto parsed = model::Ipv4Range::parse(range);
    const bool reversed = !parsed && parsed.error() == model::Ipv4Problem::Reversed;
    if (range.find('-') == std::string_view::npos || range.size() > 31 || (!parsed && !reversed))
        return failWith(EINVAL, "DHCP range " + quoteForMessage(range) + " is not FIRST-LAST");
    if (reversed)
        return failWith(EINVAL, "DHCP range " + quoteForMessage(range) + " ends before it starts");
    return {};
}

Status validateMtu(std::uint32_t mtu)
{
    if (model::checkMtu(mtu) != model::BridgeProblem::None)
        return failWith(EINVAL, "MTU " + std::to_string(mtu) + " is not 0 or within 68..65535");
    return {};
}

Status validateDomain(std::string_view domain)
{
    // Empty is the client's "the default"; the wire always names one.
    if (domain.empty() || domain.size() > model::kMaxDomain)
        return failWith(EINVAL, "domain " + quoteForMessage(domain) + " must have 1 to 253 characters");
    if (model::checkDomain(domain) != model::BridgeProblem::None)
        return failWith(EINVAL, "domain " + quoteForMessage(domain) +
                                    " may contain only labels of a-z, 0-9 and '-' between single dots");
    return {};
}

Status validateForward(std::string_view forward)
{
    if (forward.size() > 64)
        return failWith(EINVAL, "forward " + quoteForMessage(forward) + " is too long");
    auto parsed = net::parsePortForward(forward);
    if (!parsed)
        return fail(parsed.error());
    return {};
}

} // namespace berth::helper
