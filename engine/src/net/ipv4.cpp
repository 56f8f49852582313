#include "net/ipv4.h"

#include "config/values.h"

#include <cerrno>
#include <charconv>

namespace berth::net {

namespace {

// One decimal number of 1..maxDigits digits without a leading zero ("0" is
// fine, "010" is not: inet_aton would read it as octal), at most `max`.
bool parseDecimal(std::string_view text, std::size_t maxDigits, unsigned max, unsigned& out)
{
    if (text.empty() || text.size() > maxDigits || (text.size() > 1 && text[0] == '0'))
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size() && out <= max;
}

std::uint32_t maskOf(unsigned prefix)
{
    return prefix == 0 ? 0u : ~std::uint32_t{0} << (32 - prefix);
}

} // namespace

Result<Ipv4Address> Ipv4Address::parse(std::string_view text)
{
    std::uint32_t value = 0;
    std::string_view rest = text;
    for (int i = 0; i < 4; ++i) {
        const std::size_t dot = rest.find('.');
        const bool last = i == 3;
        if (last != (dot == std::string_view::npos))
            return failWith(EINVAL, quoteForMessage(text) + " is not an IPv4 address");
        unsigned octet = 0;
        if (!parseDecimal(rest.substr(0, dot), 3, 255, octet))
            return failWith(EINVAL, quoteForMessage(text) + " is not an IPv4 address");
        value = (value << 8) | octet;
        rest = last ? std::string_view{} : rest.substr(dot + 1);
    }
    return Ipv4Address{value};
}

std::string Ipv4Address::toString() const
{
    return std::to_string(value >> 24) + '.' + std::to_string((value >> 16) & 0xff) + '.' +
           std::to_string((value >> 8) & 0xff) + '.' + std::to_string(value & 0xff);
}

Result<Ipv4Cidr> Ipv4Cidr::parse(std::string_view text)
{
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos)
        return failWith(EINVAL, quoteForMessage(text) + " is not an IPv4 address with a prefix length (a.b.c.d/n)");
    Result<Ipv4Address> address = Ipv4Address::parse(text.substr(0, slash));
    if (!address)
        return fail(
            Error::make(EINVAL, quoteForMessage(text) + " is not an IPv4 address with a prefix length (a.b.c.d/n)"));
    unsigned prefix = 0;
    if (!parseDecimal(text.substr(slash + 1), 2, 32, prefix))
        return failWith(EINVAL, quoteForMessage(text) + ": the prefix length must be 0..32");
    return Ipv4Cidr{*address, prefix};
}

std::string Ipv4Cidr::toString() const
{
    return address.toString() + '/' + std::to_string(prefix);
}

Ipv4Address Ipv4Cidr::network() const
{
    return Ipv4Address{address.value & maskOf(prefix)};
}

Ipv4Address Ipv4Cidr::broadcast() const
{
    return Ipv4Address{address.value | ~maskOf(prefix)};
}

Ipv4Address Ipv4Cidr::netmask() const
{
    return Ipv4Address{maskOf(prefix)};
}

bool Ipv4Cidr::contains(Ipv4Address other) const
{
    return (other.value & maskOf(prefix)) == network().value;
}

bool Ipv4Cidr::overlaps(const Ipv4Cidr& other) const
{
    // Two prefixes overlap exactly when the shorter one contains the other.
    return prefix <= other.prefix ? contains(other.address) : other.contains(address);
}

Result<Ipv4Range> Ipv4Range::parse(std::string_view text)
{
    std::size_t separator = text.find(',');
    if (separator == std::string_view::npos)
        separator = text.find('-');
    if (separator == std::string_view::npos)
        return failWith(EINVAL, quoteForMessage(text) + " is not an IPv4 range (first,last or first-last)");
    Result<Ipv4Address> first = Ipv4Address::parse(text.substr(0, separator));
    Result<Ipv4Address> last = Ipv4Address::parse(text.substr(separator + 1));
    if (!first || !last)
        return failWith(EINVAL, quoteForMessage(text) + " is not an IPv4 range (first,last or first-last)");
    if (*last < *first)
        return failWith(EINVAL, "IPv4 range " + quoteForMessage(text) + " ends before it starts");
    return Ipv4Range{*first, *last};
}

} // namespace berth::net
