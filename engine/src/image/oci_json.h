// Typed, non-throwing access to the JSON documents of an image: every
// field's type is checked before it is read, so malformed input is an
// EINVAL naming the document and key, never an exception.
#pragma once

#include "berth/error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

using Json = nlohmann::json;
using StringMap = std::map<std::string, std::string, std::less<>>;

// Documents larger than this are refused before parsing (EFBIG).
inline constexpr std::size_t kMaxJsonBytes = std::size_t{4} << 20;

// Parses `text` and requires an object at the top. `what` names the
// document in messages ("index.json", "manifest sha256:...").
[[nodiscard]] Result<Json> parseJsonObject(std::string_view text, std::string_view what);

// A string member; missing (or null) gives std::nullopt.
[[nodiscard]] Result<std::optional<std::string>> optionalString(const Json& object, std::string_view key,
                                                                std::string_view what);
// A string member that must be there and be non-empty.
[[nodiscard]] Result<std::string> requiredString(const Json& object, std::string_view key, std::string_view what);
// An array of strings; missing or null gives an empty list.
[[nodiscard]] Result<std::vector<std::string>> stringArray(const Json& object, std::string_view key,
                                                           std::string_view what);
// An object of strings; missing or null gives an empty map.
[[nodiscard]] Result<StringMap> stringMap(const Json& object, std::string_view key, std::string_view what);
// An object member; missing or null gives nullptr.
[[nodiscard]] Result<const Json*> optionalObject(const Json& object, std::string_view key, std::string_view what);
// An array member that must be there.
[[nodiscard]] Result<const Json*> requiredArray(const Json& object, std::string_view key, std::string_view what);

// "what: 'key' <problem>" as EINVAL.
[[nodiscard]] std::unexpected<Error> jsonError(std::string_view what, std::string_view key, std::string_view problem);

} // namespace berth::image
