// Pieces of text parsing the model's parsers share (lxc.idmap, berth.share).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace berth::model::detail {

// A whole decimal number below 2^32, nothing else.
[[nodiscard]] std::optional<std::uint32_t> parseId(std::string_view text);

// The fields of a line separated by spaces and tabs.
[[nodiscard]] std::vector<std::string_view> words(std::string_view text);

} // namespace berth::model::detail
