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

// "key=value" (the value may contain '=', may be empty; the key may not).
[[nodiscard]] Parsed<std::pair<QString, QString>> parseKeyValue(const QString& text);
// A whole decimal number in [minimum, maximum].
// docker's -p: "HOST:CONTAINER[/udp]" or "ADDR:HOST:CONTAINER[/tcp]" as a
// forward "PROTO:[ADDR:]HOST:CONTAINER" (checked again by the helper).
[[nodiscard]] Parsed<QString> parsePublish(const QString& text);
[[nodiscard]] Parsed<std::int64_t> parseInteger(const QString& text, std::int64_t minimum, std::int64_t maximum);

} // namespace berth::cli
