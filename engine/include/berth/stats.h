// Usage figures of a running container, read from its cgroup.
#pragma once

#include "berth/limits.h"

#include <cstdint>
#include <optional>
#include <string>

namespace berth {

struct ContainerStats {
    std::string name;
    std::int64_t timestampNs = 0; // CLOCK_MONOTONIC when read: callers derive rates

    std::uint64_t memoryCurrent = 0;         // bytes (v1: usage_in_bytes)
    std::optional<std::uint64_t> memoryPeak; // where the kernel keeps it
    std::uint64_t memoryLimit = kUnlimited;  // in force now
    std::uint64_t memorySoftLimit = kUnlimited;
    std::uint64_t memoryCache = 0; // page cache (file)
    std::uint64_t memoryAnon = 0;  // anonymous (rss)
    std::uint64_t oomKills = 0;

    std::uint64_t cpuUsageNs = 0; // total, since the cgroup was made
    std::uint64_t cpuThrottledNs = 0;
    std::optional<CpuQuota> cpuQuota; // in force now, nullopt = no quota

    std::uint64_t pidsCurrent = 0;
    std::uint64_t pidsLimit = kUnlimited;

    std::uint64_t ioReadBytes = 0;
    std::uint64_t ioWriteBytes = 0;
    std::uint64_t ioReadOps = 0;
    std::uint64_t ioWriteOps = 0;

    // Summed over the container's bridged interfaces, seen from inside
    // (read from the host ends of its veth pairs).
    std::uint64_t netRxBytes = 0;
    std::uint64_t netTxBytes = 0;
    std::uint64_t netRxPackets = 0;
    std::uint64_t netTxPackets = 0;
};

} // namespace berth
