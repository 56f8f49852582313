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
    std::uint64_t periodUs = 100000; // 1 ms .. 1 s, as the kernel accepts
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
    std::optional<std::uint64_t> memoryMax;  // bytes, or kUnlimited
    std::optional<std::uint64_t> memorySoft; // memory.high (v2) / soft_limit_in_bytes (v1)
    std::optional<std::uint64_t> swapMax;    // swap on top of memory; v1: memsw = memory + swap
    // A weight is kept in the family it was given in, so a v1 value reaches a
    // v1 kernel exactly; the other family's is converted (limit_writes.h).
    // At most one of each pair is set.
    std::optional<std::uint32_t> cpuWeight; // v2 cpu.weight 1..10000, default 100
    std::optional<std::uint64_t> cpuShares; // v1 cpu.shares 2..262144, default 1024
    std::optional<CpuQuota> cpuQuota;
    std::optional<std::string> cpus; // cpuset list, "0-1,3"
    std::optional<std::string> mems;
    std::optional<std::uint64_t> pidsMax;     // or kUnlimited
    std::optional<std::uint32_t> ioWeight;    // v2 io.weight 1..10000
    std::optional<std::uint32_t> blkioWeight; // v1 blkio.weight 10..1000
    std::vector<IoDeviceLimit> ioDevices;     // replaces per-device limits when not empty

    [[nodiscard]] bool empty() const;
};

} // namespace berth
