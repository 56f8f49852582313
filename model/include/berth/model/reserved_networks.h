// IPv4 blocks that belong to the host itself or to no network at all: a
// Berth bridge on one of them would put dnsmasq and the bridge's address
// on the host's loopback, its link-local peers, a multicast group, or an
// address no host may use.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace berth::model {

struct ReservedIpv4Block {
    std::uint32_t network = 0; // host byte order: 127.0.0.0 = 0x7f000000
    unsigned prefix = 0;
    std::string_view cidr;    // "127.0.0.0/8"
    std::string_view purpose; // "loopback"

    [[nodiscard]] std::string describe() const; // "127.0.0.0/8 (loopback)"
};

// 0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4, 240.0.0.0/4 (which
// holds the broadcast address 255.255.255.255).
[[nodiscard]] std::span<const ReservedIpv4Block> reservedIpv4Blocks();

// The first reserved block that network/prefix overlaps (prefix 0..32;
// host bits are ignored), or none.
[[nodiscard]] std::optional<ReservedIpv4Block> reservedIpv4Overlap(std::uint32_t address, unsigned prefix);

} // namespace berth::model
