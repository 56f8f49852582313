// Traffic counters of a link, as the kernel keeps them (host side of a
// container's veth: rx here is what the container sent).
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <string_view>

namespace berth::net {

class NetlinkSocket;

struct LinkCounters {
    std::uint64_t rxBytes = 0;
    std::uint64_t rxPackets = 0;
    std::uint64_t txBytes = 0;
    std::uint64_t txPackets = 0;
};

[[nodiscard]] Result<LinkCounters> linkCounters(NetlinkSocket& sock, std::string_view name);

} // namespace berth::net
