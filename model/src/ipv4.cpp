#include "berth/model/ipv4.h"

#include <charconv>

namespace berth::model {
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

std::expected<Ipv4Address, Ipv4Problem> Ipv4Address::parse(std::string_view text)
{
    std::uint32_t value = 0;
    std::string_view rest = text;
    for (int i = 0; i < 4; ++i) {
        const std::size_t dot = rest.find('.');
        const bool last = i == 3;
        unsigned octet = 0;
        if (last != (dot == std::string_view::npos) || !parseDecimal(rest.substr(0, dot), 3, 255, octet))
            return std::unexpected(Ipv4Problem::NotAddress);
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

std::expected<Ipv4Cidr, Ipv4Problem> Ipv4Cidr::parse(std::string_view text)
{
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos)
        return std::unexpected(Ipv4Problem::NotCidr);
    const auto address = Ipv4Address::parse(text.substr(0, slash));
    if (!address)
        return std::unexpected(Ipv4Problem::NotCidr);
    unsigned prefix = 0;
    if (!parseDecimal(text.substr(slash + 1), 2, 32, prefix))
        return std::unexpected(Ipv4Problem::PrefixLength);
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
    return prefix <= other.prefix ? contains(other.address) : other.contains(address);
}

std::expected<Ipv4Range, Ipv4Problem> Ipv4Range::parse(std::string_view text)
{
    std::size_t separator = text.find(',');
    if (separator == std::string_view::npos)
        separator = text.find('-');
    if (separator == std::string_view::npos)
        return std::unexpected(Ipv4Problem::NotRange);
    const auto first = Ipv4Address::parse(text.substr(0, separator));
    const auto last = Ipv4Address::parse(text.substr(separator + 1));
    if (!first || !last)
        return std::unexpected(Ipv4Problem::NotRange);
    if (*last < *first)
        return std::unexpected(Ipv4Problem::Reversed);
    return Ipv4Range{*first, *last};
}

std::string Ipv4Range::toString() const
{
    return first.toString() + '-' + last.toString();
}

std::optional<Ipv4Cidr> suggestFreeSubnet(std::span<const Ipv4Cidr> used)
{
    for (std::uint32_t block = 3; block <= 255; ++block) {
        const Ipv4Cidr candidate{Ipv4Address{(10u << 24) | (block << 8)}, 24};
        bool taken = false;
        for (const Ipv4Cidr& other : used)
            taken = taken || (other.prefix > 0 && candidate.overlaps(other));
        if (!taken)
            return candidate;
    }
    return std::nullopt;
}

} // namespace berth::model
