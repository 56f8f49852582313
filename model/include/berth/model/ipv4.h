// IPv4 addresses, prefixes and ranges as Berth writes and reads them: dotted
// quads without leading zeros (inet_aton would read "010" as octal, so the
// two would disagree). One parser for the engine, the helper and the GUI.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace berth::model {

enum class Ipv4Problem {
    NotAddress,   // not a dotted quad
    NotCidr,      // not "a.b.c.d/n"
    PrefixLength, // the n of "a.b.c.d/n" is not 0..32
    NotRange,     // not "first,last" or "first-last"
    Reversed,     // a range that ends before it starts
};

struct Ipv4Address {
    std::uint32_t value = 0; // host byte order: 10.0.3.1 = 0x0a000301

    [[nodiscard]] static std::expected<Ipv4Address, Ipv4Problem> parse(std::string_view text); // dotted quad only
    [[nodiscard]] std::string toString() const;
    auto operator<=>(const Ipv4Address&) const = default;
};

// An address with its prefix length: "10.0.3.1/24" (a bridge's gateway on
// its subnet) or "10.0.3.0/24" (the subnet itself).
struct Ipv4Cidr {
    Ipv4Address address;
    unsigned prefix = 32; // 0..32

    [[nodiscard]] static std::expected<Ipv4Cidr, Ipv4Problem> parse(std::string_view text); // "a.b.c.d/n"
    [[nodiscard]] std::string toString() const;
    [[nodiscard]] Ipv4Address network() const;
    [[nodiscard]] Ipv4Address broadcast() const;
    [[nodiscard]] Ipv4Address netmask() const;
    [[nodiscard]] Ipv4Cidr subnet() const { return {network(), prefix}; } // "10.0.3.0/24" of "10.0.3.1/24"
    [[nodiscard]] bool contains(Ipv4Address address) const;
    // Two prefixes overlap exactly when the shorter one holds the other.
    [[nodiscard]] bool overlaps(const Ipv4Cidr& other) const;
    bool operator==(const Ipv4Cidr&) const = default;
};

// Inclusive range, e.g. a DHCP range "10.0.3.2,10.0.3.254".
struct Ipv4Range {
    Ipv4Address first;
    Ipv4Address last;

    // "first,last" or "first-last"; Reversed when last < first.
    [[nodiscard]] static std::expected<Ipv4Range, Ipv4Problem> parse(std::string_view text);
    [[nodiscard]] std::string toString() const; // "first-last", as ChangeBridge takes it
    [[nodiscard]] bool contains(Ipv4Address address) const { return first <= address && address <= last; }
    bool operator==(const Ipv4Range&) const = default;
};

// The first 10.0.N.0/24 (N from 3, the engine's own default bridge) that
// overlaps none of `used` (prefix-0 entries such as a default route claim
// nothing); none when every one up to 10.0.255.0/24 is taken.
[[nodiscard]] std::optional<Ipv4Cidr> suggestFreeSubnet(std::span<const Ipv4Cidr> used);

} // namespace berth::model
