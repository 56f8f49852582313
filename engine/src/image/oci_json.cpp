#include "image/oci_json.h"

#include <cerrno>

namespace berth::image {

std::unexpected<Error> jsonError(std::string_view what, std::string_view key, std::string_view problem)
{
    return failWith(EINVAL, std::string(what) + ": '" + std::string(key) + "' " + std::string(problem),
                    std::string(what));
}

Result<Json> parseJsonObject(std::string_view text, std::string_view what)
{
    if (text.size() > kMaxJsonBytes)
        return failWith(EFBIG, std::string(what) + " is larger than " + std::to_string(kMaxJsonBytes) + " bytes",
                        std::string(what));
    Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded())
        return failWith(EINVAL, std::string(what) + " is not valid JSON", std::string(what));
    if (!json.is_object())
        return failWith(EINVAL, std::string(what) + " is not a JSON object", std::string(what));
    return json;
}

namespace {

// The member, or nullptr when missing or null.
const Json* member(const Json& object, std::string_view key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return nullptr;
    return &*it;
}

} // namespace

Result<std::optional<std::string>> optionalString(const Json& object, std::string_view key, std::string_view what)
{
    const Json* value = member(object, key);
    if (!value)
        return std::optional<std::string>();
    if (!value->is_string())
        return jsonError(what, key, "is not a string");
    return std::optional<std::string>(value->get_ref<const std::string&>());
}

Result<std::string> requiredString(const Json& object, std::string_view key, std::string_view what)
{
    auto value = optionalString(object, key, what);
    if (!value)
        return fail(value.error());
    if (!*value || (*value)->empty())
        return jsonError(what, key, "is missing");
    return std::move(**value);
}

Result<std::vector<std::string>> stringArray(const Json& object, std::string_view key, std::string_view what)
{
    std::vector<std::string> list;
    const Json* value = member(object, key);
    if (!value)
        return list;
    if (!value->is_array())
        return jsonError(what, key, "is not an array");
    for (const Json& item : *value) {
        if (!item.is_string())
            return jsonError(what, key, "holds something that is not a string");
        list.push_back(item.get_ref<const std::string&>());
    }
    return list;
}

Result<StringMap> stringMap(const Json& object, std::string_view key, std::string_view what)
{
    StringMap map;
    const Json* value = member(object, key);
    if (!value)
        return map;
    if (!value->is_object())
        return jsonError(what, key, "is not an object");
    for (const auto& [name, item] : value->items()) {
        if (!item.is_string())
            return jsonError(what, std::string(key) + "." + name, "is not a string");
        map.emplace(name, item.get_ref<const std::string&>());
    }
    return map;
}

Result<const Json*> optionalObject(const Json& object, std::string_view key, std::string_view what)
{
    const Json* value = member(object, key);
    if (value && !value->is_object())
        return jsonError(what, key, "is not an object");
    return value;
}

Result<const Json*> requiredArray(const Json& object, std::string_view key, std::string_view what)
{
    const Json* value = member(object, key);
    if (!value)
        return jsonError(what, key, "is missing");
    if (!value->is_array())
        return jsonError(what, key, "is not an array");
    return value;
}

} // namespace berth::image
