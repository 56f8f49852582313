#include "net/ipv4.h"

#include "config/values.h"

#include <cerrno>

namespace berth::net {

Result<Ipv4Address> parseIpv4Address(std::string_view text)
{
    auto address = Ipv4Address::parse(text);
    if (!address)
        return failWith(EINVAL, quoteForMessage(text) + " is not an IPv4 address");
    return *address;
}

Result<Ipv4Cidr> parseIpv4Cidr(std::string_view text)
{
    auto cidr = Ipv4Cidr::parse(text);
    if (!cidr && cidr.error() == model::Ipv4Problem::PrefixLength)
        return failWith(EINVAL, quoteForMessage(text) + ": the prefix length must be 0..32");
    if (!cidr)
        return failWith(EINVAL, quoteForMessage(text) + " is not an IPv4 address with a prefix length (a.b.c.d/n)");
    return *cidr;
}

Result<Ipv4Range> parseIpv4Range(std::string_view text)
{
    auto range = Ipv4Range::parse(text);
    if (!range && range.error() == model::Ipv4Problem::Reversed)
        return failWith(EINVAL, "IPv4 range " + quoteForMessage(text) + " ends before it starts");
    if (!range)
        return failWith(EINVAL, quoteForMessage(text) + " is not an IPv4 range (first,last or first-last)");
    return *range;
}

} // namespace berth::net
