// Resource limits of a container, one abstraction above cgroup files: what
// the GUI's sliders and berthctl set, whichever cgroup version the host has.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace berth {

// "max": no limit. Distinct from an unset optional, which means "leave as is".
inline constexpr std::uint64_t kUnlimited = std::numeric_limits<std::uint64_t>::max();

struct CpuQuota {
    // CPU time per period in cores: 1.5 = one and a half cores. 0 = no quota ("max").
    double cores = 0;
    std::uint64_t periodUs = 100000;    // 1 ms .. 1 s, as the kernel accepts
};

struct IoDeviceLimit {
    unsigned major = 0;
    unsigned minor = 0;
    // Bytes or operations per second; kUnlimited = no limit for that direction.
    std::uint64_t readBps = kUnlimited;
    std::uint64_t writeBps = kUnlimited;
    std::uint64_t readIops = kUnlimited;
    std::uint64_t writeIops = kUnlimited;
};

struct Limits {
    std::optional<std::uint64_t> memoryMax;    // bytes, or kUnlimited
    std::optional<std::uint64_t> memorySoft;   // memory.high (v2) / soft_limit_in_bytes (v1)
    std::optional<std::uint64_t> swapMax;      // swap on top of memory; v1: memsw = memory + swap
    std::optional<std::uint32_t> cpuWeight;    // 1..10000, default 100 (v1 shares converted)
    std::optional<CpuQuota> cpuQuota;
    std::optional<std::string> cpus;           // cpuset list, "0-1,3"
    std::optional<std::string> mems;
    std::optional<std::uint64_t> pidsMax;      // or kUnlimited
    std::optional<std::uint32_t> ioWeight;     // 1..10000 (v1 blkio.weight converted)
    std::vector<IoDeviceLimit> ioDevices;      // replaces per-device limits when not empty

    [[nodiscard]] bool empty() const;
};

} // namespace berth
