// Network arguments: bridge names, CIDRs, DHCP ranges, forwards.
#include "validation.h"

#include "config/values.h"
#include "net/ipv4.h"
#include "net/net_spec.h"

#include <cerrno>

namespace berth::helper {
namespace {

constexpr std::size_t kIfNameMax = 15; // IFNAMSIZ - 1

bool isBridgeChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

} // namespace

Status validateBridgeName(std::string_view name)
{
    const auto bad = [&](std::string_view why) {
        return failWith(EINVAL, "bridge name " + quoteForMessage(name) + " " + std::string(why));
    };
    if (name.empty() || name.size() > kIfNameMax)
        return bad("must have 1 to 15 characters");
    if (name == "." || name == ".." || name.front() == '-' || name.front() == '.')
        return bad("must start with a letter, digit or '_'");
    for (char c : name) {
        if (!isBridgeChar(c))
            return bad("may contain only letters, digits, '_', '-' and '.'");
    }
    return {};
}

Status validateCidr(std::string_view cidr, bool allowEmpty)
{
    if (cidr.empty() && allowEmpty)
        return {};
    if (cidr.size() > 18)
        return failWith(EINVAL, "address " + quoteForMessage(cidr) + " is not a.b.c.d/n");
    auto parsed = net::Ipv4Cidr::parse(cidr);
    if (!parsed)
        return fail(parsed.error());
    return {};
}

Status validateDhcpRange(std::string_view range)
{
    if (range.empty())
        return {};
    const auto dash = range.find('-');
    if (dash == std::string_view::npos || range.size() > 31)
        return failWith(EINVAL, "DHCP range " + quoteForMessage(range) + " is not FIRST-LAST");
    auto first = net::Ipv4Address::parse(range.substr(0, dash));
    auto last = net::Ipv4Address::parse(range.substr(dash + 1));
    if (!first || !last)
        return failWith(EINVAL, "DHCP range " + quoteForMessage(range) + " is not FIRST-LAST");
    if (last->value < first->value)
        return failWith(EINVAL, "DHCP range " + quoteForMessage(range) + " ends before it starts");
    return {};
}

Status validateMtu(std::uint32_t mtu)
{
    if (mtu != 0 && (mtu < 68 || mtu > 65535))
        return failWith(EINVAL, "MTU " + std::to_string(mtu) + " is not 0 or within 68..65535");
    return {};
}

Status validateDomain(std::string_view domain)
{
    if (domain.empty() || domain.size() > 253)
        return failWith(EINVAL, "domain " + quoteForMessage(domain) + " must have 1 to 253 characters");
    for (char c : domain) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!ok)
            return failWith(EINVAL, "domain " + quoteForMessage(domain) + " may contain only a-z, 0-9, '-' and '.'");
    }
    return {};
}

Status validateForward(std::string_view forward)
{
    if (forward.size() > 64)
        return failWith(EINVAL, "forward " + quoteForMessage(forward) + " is too long");
    auto parsed = net::PortForward::parse(forward);
    if (!parsed)
        return fail(parsed.error());
    if (parsed->hostPort == 0 || parsed->containerPort == 0)
        return failWith(EINVAL, "forward " + quoteForMessage(forward) + ": ports must be within 1..65535");
    return {};
}

} // namespace berth::helper
