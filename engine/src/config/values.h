// Parsers for the value syntaxes config keys share: numbers, booleans,
// sizes, signals, shell-like command lines, fstab fields. Each error
// message describes only the value ("'abc' is not a size"); callers add
// where it came from with Error::wrap.
#pragma once

#include "berth/error.h"
#include "berth/model/quote.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace berth {

// 'text' for a message: control characters escaped, long text cut short.
using model::quoteForMessage;

// Decimal digits only (no sign, no spaces), fully consumed, within [min, max].
[[nodiscard]] Result<std::uint64_t> parseUnsignedValue(std::string_view text, std::uint64_t min, std::uint64_t max);

// "0" or "1", as LXC writes booleans.
[[nodiscard]] Result<bool> parseBoolValue(std::string_view text);

// model::parseSize's whole sizes ("4096", "64K", "2M", "1G", also "KB"/"KiB",
// any case) with an error naming the value.
[[nodiscard]] Result<std::uint64_t> parseSizeValue(std::string_view text);

// model::parseSignal ("15", "SIGTERM", "term", "SIGRTMIN+3", "RTMAX-1";
// 1..SIGRTMAX) with an error naming the value.
[[nodiscard]] Result<int> parseSignalValue(std::string_view text);

// Shell-like word splitting without any expansion: blanks separate words,
// '...' is literal, "..." lets a backslash escape " \ $ `, and outside
// quotes a backslash escapes any character.
[[nodiscard]] Result<std::vector<std::string>> splitCommandLine(std::string_view text);

// Blank-separated words (spaces and tabs), no quoting.
[[nodiscard]] std::vector<std::string_view> splitBlanks(std::string_view text);

// Decodes fstab's octal escapes ("\040" is a space) in one field.
[[nodiscard]] Result<std::string> unescapeFstabField(std::string_view field);

} // namespace berth
