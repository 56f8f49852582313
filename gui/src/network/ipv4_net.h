// IPv4 addresses, subnets and ranges as the engine reads them
// (engine/src/net/ipv4.cpp): dotted quads without leading zeros, because
// inet_aton would read "010" as octal and the two would disagree.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace berth::gui {

[[nodiscard]] std::optional<quint32> parseIpv4(const QString& text);
[[nodiscard]] QString ipv4ToString(quint32 address);

struct Ipv4Cidr {
    quint32 address = 0;
    int prefix = 0;

    [[nodiscard]] quint32 mask() const;
    [[nodiscard]] quint32 network() const { return address & mask(); }
    [[nodiscard]] quint32 broadcast() const { return address | ~mask(); }
    [[nodiscard]] bool contains(quint32 other) const { return (other & mask()) == network(); }
    // Two prefixes overlap exactly when the shorter one holds the other.
    [[nodiscard]] bool overlaps(const Ipv4Cidr& other) const;
    [[nodiscard]] Ipv4Cidr subnet() const { return {network(), prefix}; }
    [[nodiscard]] QString toString() const;
    bool operator==(const Ipv4Cidr&) const = default;
};

// "a.b.c.d/n" with n in 0..32; host bits are allowed here (a bridge address).
[[nodiscard]] std::optional<Ipv4Cidr> parseIpv4Cidr(const QString& text);

struct Ipv4Range {
    quint32 first = 0;
    quint32 last = 0;

    [[nodiscard]] bool contains(quint32 address) const { return address >= first && address <= last; }
    [[nodiscard]] QString toString() const; // "first-last", as the helper takes it
    bool operator==(const Ipv4Range&) const = default;
};

// "first-last" (or the engine's "first,last"); empty if either end is no address.
[[nodiscard]] std::optional<Ipv4Range> parseIpv4Range(const QString& text);

// The first 10.0.N.0/24 (N from 3, as the engine's own default) that
// overlaps none of `used`; none when all are taken.
[[nodiscard]] std::optional<Ipv4Cidr> suggestFreeSubnet(const QList<Ipv4Cidr>& used);

} // namespace berth::gui
