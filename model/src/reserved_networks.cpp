#include "berth/model/reserved_networks.h"

#include <array>

namespace berth::model {
namespace {

constexpr std::array kBlocks{
    ReservedIpv4Block{0x00000000u, 8, "0.0.0.0/8", "this host on this network, not an address to use"},
    ReservedIpv4Block{0x7f000000u, 8, "127.0.0.0/8", "loopback: the host's own addresses"},
    ReservedIpv4Block{0xa9fe0000u, 16, "169.254.0.0/16", "link-local"},
    ReservedIpv4Block{0xe0000000u, 4, "224.0.0.0/4", "multicast"},
    ReservedIpv4Block{0xf0000000u, 4, "240.0.0.0/4", "reserved, with the broadcast address 255.255.255.255"},
};

constexpr std::uint32_t maskOf(unsigned prefix)
{
    return prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
}

} // namespace

std::string ReservedIpv4Block::describe() const
{
    return std::string(cidr) + " (" + std::string(purpose) + ")";
}

std::span<const ReservedIpv4Block> reservedIpv4Blocks()
{
    return kBlocks;
}

std::optional<ReservedIpv4Block> reservedIpv4Overlap(std::uint32_t address, unsigned prefix)
{
    if (prefix > 32)
        prefix = 32;
    for (const ReservedIpv4Block& block : kBlocks) {
        // Two prefixes overlap exactly when they agree on the shorter one's bits.
        const std::uint32_t shorter = maskOf(prefix < block.prefix ? prefix : block.prefix);
        if ((address & shorter) == (block.network & shorter))
            return block;
    }
    return std::nullopt;
}

} // namespace berth::model
