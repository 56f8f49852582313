// SetLimits' argument: key -> value as text, turned into engine Limits.
#pragma once

#include "berth/error.h"
#include "berth/limits.h"

#include <map>
#include <string>

namespace berth::helper {

// Keys (values as text; "max" = unlimited where the kernel has no limit):
//   memory.max, memory.high, memory.swap.max   bytes, "512M", "max"
//   cpu.weight, io.weight                      1..10000
//   cpu.shares                                 2..262144 (v1, kept as given)
//   blkio.weight                               10..1000 (v1, kept as given)
//   cpu.max                                    cores, "1.5"; "max" or "0" = no quota
//   cpu.period                                 microseconds, 1000..1000000 (with cpu.max)
//   cpuset.cpus, cpuset.mems                   "0-1,3"
//   pids.max                                   1..4194304 or "max"
// An unknown key, a value out of range, or nothing at all is EINVAL.
[[nodiscard]] Result<Limits> parseLimitArgs(const std::map<std::string, std::string>& args);

// The set fields of `limits` with the keys and syntax parseLimitArgs reads
// (sizes in bytes), so what GetContainer reports can be sent back as is.
[[nodiscard]] std::map<std::string, std::string> limitArgsText(const Limits& limits);

} // namespace berth::helper
