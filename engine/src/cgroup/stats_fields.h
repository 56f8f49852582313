// Steps shared by the v1 and v2 statistics readers: read one file of a
// ControlDir and parse it into a field. A missing file leaves the field.
#pragma once

#include "berth/error.h"
#include "cgroup/control_dir.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace berth::cgroup::stats_detail {

using Buffer = std::span<char>;
using KeyTarget = std::pair<std::string_view, std::uint64_t*>;

[[nodiscard]] Status counter(const ControlDir& dir, const char* file, Buffer buffer, std::uint64_t& out);
[[nodiscard]] Status optionalCounter(const ControlDir& dir, const char* file, Buffer buffer,
                                     std::optional<std::uint64_t>& out);
[[nodiscard]] Status limit(const ControlDir& dir, const char* file, Buffer buffer, std::uint64_t& out);
// Keys of a flat keyed file, each multiplied by `scale` (usec -> ns).
[[nodiscard]] Status keys(const ControlDir& dir, const char* file, Buffer buffer,
                          std::initializer_list<KeyTarget> targets, std::uint64_t scale = 1);

// The first failed step, or success.
[[nodiscard]] Status firstFailure(std::initializer_list<Status> steps);

} // namespace berth::cgroup::stats_detail
