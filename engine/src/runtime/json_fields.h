// Reading and writing the JSON the monitor speaks (monitor_protocol.h) and
// records (state_file.h) without exceptions: a missing field gives its
// default; one of the wrong type or out of range is an EPROTO error that
// names `what` ("monitor request") and the key.
#pragma once

#include "berth/engine.h"
#include "berth/error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::runtime::json_fields {

using Json = nlohmann::json;

// Compact text; bytes that are no UTF-8 (a path in an error) are replaced.
[[nodiscard]] std::string dump(const Json& message);

[[nodiscard]] std::unexpected<Error> malformed(std::string_view what, std::string_view detail);

// The text as a JSON object, or EPROTO.
[[nodiscard]] Result<Json> parseObject(std::string_view text, std::string_view what);

// An integer field in [min, max].
[[nodiscard]] Result<long long> integerField(const Json& object, const std::string& key, long long fallback,
                                             long long min, long long max, std::string_view what);
[[nodiscard]] Result<int> intField(const Json& object, const std::string& key, int fallback, std::string_view what);
[[nodiscard]] Result<std::string> stringField(const Json& object, const std::string& key, std::string fallback,
                                              std::string_view what);
// Absent: false.
[[nodiscard]] Result<bool> boolField(const Json& object, const std::string& key, std::string_view what);
// An array of strings; absent: empty.
[[nodiscard]] Result<std::vector<std::string>> stringListField(const Json& object, const std::string& key,
                                                               std::string_view what);

// {"exit": {"code": N, "signal": N}}; absent: none.
[[nodiscard]] Result<std::optional<ExitStatus>> exitField(const Json& object, std::string_view what);

} // namespace berth::runtime::json_fields
