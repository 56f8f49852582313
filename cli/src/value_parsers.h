// Command-line values: key=value pairs and whole numbers. Errors are
// messages for people naming the value. Sizes, cores and signals are the
// model's (berth/model/units.h).
#pragma once

#include <QString>

#include <cstdint>
#include <expected>
#include <utility>

namespace berth::cli {

template <class T> using Parsed = std::expected<T, QString>;

// "TERM", "SIGKILL", "sigint", "9", "RTMIN+3" (model::parseSignal) or the message.
[[nodiscard]] Parsed<int> parseSignal(const QString& text);
// "key=value" (the value may contain '=', may be empty; the key may not).
[[nodiscard]] Parsed<std::pair<QString, QString>> parseKeyValue(const QString& text);
// A whole decimal number in [minimum, maximum].
[[nodiscard]] Parsed<std::int64_t> parseInteger(const QString& text, std::int64_t minimum, std::int64_t maximum);
// Bytes for people: "512.0M", "1.5G", "900B" (model::formatSize's Short style).
[[nodiscard]] QString formatSize(std::uint64_t bytes);

} // namespace berth::cli
