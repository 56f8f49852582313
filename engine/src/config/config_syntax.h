// One line of LXC's config format, read and written the way LXC does.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

namespace berth {

struct ConfigLineSyntax {
    enum class Kind { Blank, Comment, Entry } kind = Kind::Blank;
    std::string key;
    std::string value;
    std::size_t valueStart = 0; // where the value (before quote removal) begins
};

// Blank, "# comment" or "key = value". As LXC, the value is trimmed and one
// pair of matching outer quotes is removed. The error names only the
// problem; the caller adds the source, line and text.
[[nodiscard]] Result<ConfigLineSyntax> parseConfigLine(std::string_view text);

// Keys are letters, digits, '.', '_' and '-'.
[[nodiscard]] bool isValidConfigKey(std::string_view key);

// The value as it must be written so that parseConfigLine gives it back:
// quoted when it has outer blanks or outer quotes LXC would strip.
[[nodiscard]] std::string formatConfigValue(std::string_view value);

} // namespace berth
