// Host ports a port forward takes: below 1024 only root may bind them, and
// the host's own services live there (ssh on 22, DNS on 53, ...), so a
// forward of one needs the admin action (org.berth.host.bind-mount).
#pragma once

#include <cstdint>

namespace berth::model {

inline constexpr std::uint16_t kFirstUnprivilegedPort = 1024;

[[nodiscard]] constexpr bool isPrivilegedPort(std::uint16_t port)
{
    return port < kFirstUnprivilegedPort;
}

} // namespace berth::model
