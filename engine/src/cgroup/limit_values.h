// Value syntaxes that the limit translation, validation and config code
// share: cpuset lists, device numbers, sizes as written in configs.
#pragma once

#include "berth/error.h"
#include "berth/limits.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace berth::cgroup {

// One "a-b" piece of a cpuset list (a single id is a-a).
using IdRange = std::pair<unsigned, unsigned>;

// The highest CPU or node id a list may name; keeps ranges cheap to check.
inline constexpr unsigned kMaxCpusetId = 65535;

// "0-1,3": decimal ids, ranges low-high, commas; nothing else, not empty.
[[nodiscard]] Result<std::vector<IdRange>> parseIdList(std::string_view text);

// Whether every id of `inner` lies in one of the ranges of `outer`.
[[nodiscard]] bool idListCovers(const std::vector<IdRange>& outer, const std::vector<IdRange>& inner);

// "8:0" -> {8, 0}.
[[nodiscard]] Result<std::pair<unsigned, unsigned>> parseDeviceNumber(std::string_view text);
[[nodiscard]] std::string deviceNumber(unsigned major, unsigned minor);

// One io.max line with every direction: "8:0 rbps=1048576 wbps=max riops=max wiops=max".
[[nodiscard]] std::string formatIoMax(const IoDeviceLimit& device);

// Quota per period in microseconds for a quota given in cores.
[[nodiscard]] std::uint64_t quotaMicros(const CpuQuota& quota);

// Text without leading and trailing blanks.
[[nodiscard]] std::string_view trimBlanks(std::string_view text);

} // namespace berth::cgroup
