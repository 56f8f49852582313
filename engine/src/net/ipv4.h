// IPv4 addresses, prefixes and ranges, as Berth's networks use them.
//
// CONTRACT (issue #4): the types are fixed here; the parsing, formatting
// and set operations are implemented in ipv4.cpp by the addressing engineer.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace berth::net {

struct Ipv4Address {
    std::uint32_t value = 0; // host byte order: 10.0.3.1 = 0x0a000301

    [[nodiscard]] static Result<Ipv4Address> parse(std::string_view text); // dotted quad only
    [[nodiscard]] std::string toString() const;
    auto operator<=>(const Ipv4Address&) const = default;
};

// An address with its prefix length: "10.0.3.1/24" (a bridge's gateway on
// its subnet) or "10.0.3.0/24" (the subnet itself).
struct Ipv4Cidr {
    Ipv4Address address;
    unsigned prefix = 32; // 0..32

    [[nodiscard]] static Result<Ipv4Cidr> parse(std::string_view text); // "a.b.c.d/n"
    [[nodiscard]] std::string toString() const;
    [[nodiscard]] Ipv4Address network() const;
    [[nodiscard]] Ipv4Address broadcast() const;
    [[nodiscard]] Ipv4Address netmask() const;
    [[nodiscard]] bool contains(Ipv4Address address) const;
    [[nodiscard]] bool overlaps(const Ipv4Cidr& other) const;
    bool operator==(const Ipv4Cidr&) const = default;
};

// Inclusive range, e.g. a DHCP range "10.0.3.2,10.0.3.254".
struct Ipv4Range {
    Ipv4Address first;
    Ipv4Address last;

    [[nodiscard]] static Result<Ipv4Range> parse(std::string_view text); // "first,last" or "first-last"
    [[nodiscard]] bool contains(Ipv4Address address) const { return first <= address && address <= last; }
    bool operator==(const Ipv4Range&) const = default;
};

} // namespace berth::net
