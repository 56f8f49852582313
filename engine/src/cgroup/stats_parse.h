// Pure parsers of the cgroup files statistics come from, v1 and v2: text
// in, numbers out, so unit tests feed them fixture texts.
#pragma once

#include "berth/error.h"
#include "berth/limits.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace berth::cgroup {

// One unsigned number, a trailing newline allowed ("1234\n").
[[nodiscard]] Result<std::uint64_t> parseCounter(std::string_view text, std::string_view file);

// A limit file: "max" (v2, and v1 pids.max) is kUnlimited. v1 memory
// limits say "no limit" with a page-rounded huge number; anything at or
// above 2^62 is taken as unlimited.
[[nodiscard]] Result<std::uint64_t> parseLimit(std::string_view text, std::string_view file);

// The value of `key` in a flat keyed file ("key value" per line:
// memory.stat, memory.events, cpu.stat, memory.oom_control); nullopt when
// the key is absent, an error when its value is not a number.
[[nodiscard]] Result<std::optional<std::uint64_t>> keyedValue(std::string_view text, std::string_view key,
                                                              std::string_view file);

// v2 cpu.max: "max 100000" (no quota) or "20000 100000".
[[nodiscard]] Result<std::optional<CpuQuota>> parseCpuMax(std::string_view text, std::string_view file);
// v1 cpu.cfs_quota_us ("-1" = no quota) and cpu.cfs_period_us.
[[nodiscard]] Result<std::optional<CpuQuota>> parseCfsQuota(std::string_view quota, std::string_view period,
                                                            std::string_view file);

struct IoTotals {
    std::uint64_t readBytes = 0;
    std::uint64_t writeBytes = 0;
    std::uint64_t readOps = 0;
    std::uint64_t writeOps = 0;
    bool operator==(const IoTotals&) const = default;
};

// v2 io.stat: "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0" per
// device, summed over devices.
[[nodiscard]] Result<IoTotals> parseIoStat(std::string_view text, std::string_view file);

// v1 blkio.throttle.io_service_bytes(_recursive) or io_serviced(_recursive):
// "8:0 Read 4096" lines summed over devices into {read, write}; the final
// "Total N" line is ignored.
struct ReadWrite {
    std::uint64_t read = 0;
    std::uint64_t write = 0;
    bool operator==(const ReadWrite&) const = default;
};
[[nodiscard]] Result<ReadWrite> parseBlkioTotals(std::string_view text, std::string_view file);

} // namespace berth::cgroup
