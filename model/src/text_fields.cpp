#include "text_fields.h"

#include <charconv>

namespace berth::model::detail {

std::optional<std::uint32_t> parseId(std::string_view text)
{
    std::uint32_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::vector<std::string_view> words(std::string_view text)
{
    std::vector<std::string_view> out;
    while (true) {
        const auto start = text.find_first_not_of(" \t");
        if (start == std::string_view::npos)
            return out;
        text.remove_prefix(start);
        const auto end = text.find_first_of(" \t");
        out.push_back(text.substr(0, end));
        if (end == std::string_view::npos)
            return out;
        text.remove_prefix(end);
    }
}

} // namespace berth::model::detail
