#include "ipv4_net.h"

namespace berth::gui {
namespace {

// 0..max in at most `digits` decimal digits, no sign, no leading zero.
std::optional<uint> parseDecimal(QStringView text, int digits, uint max)
{
    if (text.isEmpty() || text.size() > digits || (text.size() > 1 && text.front() == QLatin1Char('0')))
        return std::nullopt;
    uint value = 0;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + uint(c.unicode() - '0');
    }
    return value <= max ? std::optional<uint>(value) : std::nullopt;
}

} // namespace

std::optional<quint32> parseIpv4(const QString& text)
{
    const QStringList octets = text.split(QLatin1Char('.'));
    if (octets.size() != 4)
        return std::nullopt;
    quint32 value = 0;
    for (const QString& octet : octets) {
        const auto parsed = parseDecimal(octet, 3, 255);
        if (!parsed)
            return std::nullopt;
        value = (value << 8) | *parsed;
    }
    return value;
}

QString ipv4ToString(quint32 address)
{
    return QStringLiteral("%1.%2.%3.%4")
        .arg(address >> 24)
        .arg((address >> 16) & 0xff)
        .arg((address >> 8) & 0xff)
        .arg(address & 0xff);
}

quint32 Ipv4Cidr::mask() const
{
    return prefix <= 0 ? 0u : ~quint32(0) << (32 - prefix);
}

bool Ipv4Cidr::overlaps(const Ipv4Cidr& other) const
{
    return prefix <= other.prefix ? contains(other.address) : other.contains(address);
}

QString Ipv4Cidr::toString() const
{
    return ipv4ToString(address) + QLatin1Char('/') + QString::number(prefix);
}

std::optional<Ipv4Cidr> parseIpv4Cidr(const QString& text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return std::nullopt;
    const auto address = parseIpv4(text.left(slash));
    const auto prefix = parseDecimal(QStringView(text).mid(slash + 1), 2, 32);
    if (!address || !prefix)
        return std::nullopt;
    return Ipv4Cidr{*address, int(*prefix)};
}

QString Ipv4Range::toString() const
{
    return ipv4ToString(first) + QLatin1Char('-') + ipv4ToString(last);
}

std::optional<Ipv4Range> parseIpv4Range(const QString& text)
{
    qsizetype separator = text.indexOf(QLatin1Char(','));
    if (separator < 0)
        separator = text.indexOf(QLatin1Char('-'));
    if (separator < 0)
        return std::nullopt;
    const auto first = parseIpv4(text.left(separator));
    const auto last = parseIpv4(text.mid(separator + 1));
    if (!first || !last)
        return std::nullopt;
    return Ipv4Range{*first, *last};
}

std::optional<Ipv4Cidr> suggestFreeSubnet(const QList<Ipv4Cidr>& used)
{
    for (quint32 block = 3; block <= 255; ++block) {
        const Ipv4Cidr candidate{(10u << 24) | (block << 8), 24};
        bool taken = false;
        for (const Ipv4Cidr& other : used)
            taken = taken || (other.prefix > 0 && candidate.overlaps(other));
        if (!taken)
            return candidate;
    }
    return std::nullopt;
}

} // namespace berth::gui
