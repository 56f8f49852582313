// Command-line values: sizes, CPU counts, signals, key=value pairs. Errors
// are messages for people naming the value.
#pragma once

#include <QString>

#include <cstdint>
#include <expected>
#include <utility>

namespace berth::cli {

template <class T> using Parsed = std::expected<T, QString>;

// "512M", "1.5G", "100k", "4096", "2GiB", "1TB" (binary units) to bytes.
[[nodiscard]] Parsed<std::uint64_t> parseSize(const QString& text);
// A size or "max", as text for SetLimits ("536870912" or "max").
[[nodiscard]] Parsed<QString> parseSizeLimit(const QString& text);
// "1.5", "2", "0.25" cores (0 < cores <= 4096) or "max", as text for SetLimits.
[[nodiscard]] Parsed<QString> parseCpus(const QString& text);
// "TERM", "SIGKILL", "sigint", "9", "RTMIN+3" to a number 1..64.
[[nodiscard]] Parsed<int> parseSignal(const QString& text);
// "key=value" (the value may contain '=', may be empty; the key may not).
[[nodiscard]] Parsed<std::pair<QString, QString>> parseKeyValue(const QString& text);
// A whole decimal number in [minimum, maximum].
[[nodiscard]] Parsed<std::int64_t> parseInteger(const QString& text, std::int64_t minimum, std::int64_t maximum);
// Bytes for people: "512.0M", "1.5G", "900B".
[[nodiscard]] QString formatSize(std::uint64_t bytes);

} // namespace berth::cli
