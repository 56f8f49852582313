#include "runtime/json_fields.h"

#include <cerrno>
#include <climits>

namespace berth::runtime::json_fields {

// Invalid UTF-8 in a message (a path in an error) is replaced, never thrown.
std::string dump(const Json& message)
{
    return message.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::unexpected<Error> malformed(std::string_view what, std::string_view detail)
{
    return failWith(EPROTO, "malformed " + std::string(what) + ": " + std::string(detail));
}

Result<Json> parseObject(std::string_view text, std::string_view what)
{
    Json object = Json::parse(text.begin(), text.end(), nullptr, false);
    if (object.is_discarded() || !object.is_object())
        return malformed(what, "not a JSON object");
    return object;
}

// An integer field in [min, max]; absent: `fallback`.
Result<long long> integerField(const Json& object, const std::string& key, long long fallback, long long min,
                               long long max, std::string_view what)
{
    const auto found = object.find(key);
    if (found == object.end())
        return fallback;
    if (const auto* unsignedValue = found->get_ptr<const Json::number_unsigned_t*>()) {
        if (*unsignedValue > static_cast<unsigned long long>(max))
            return malformed(what, "'" + key + "' is out of range");
        return static_cast<long long>(*unsignedValue);
    }
    const auto* value = found->get_ptr<const Json::number_integer_t*>();
    if (!value)
        return malformed(what, "'" + key + "' is not an integer");
    if (*value < min || *value > max)
        return malformed(what, "'" + key + "' is out of range");
    return static_cast<long long>(*value);
}

Result<int> intField(const Json& object, const std::string& key, int fallback, std::string_view what)
{
    auto value = integerField(object, key, fallback, INT_MIN, INT_MAX, what);
    if (!value)
        return fail(value.error());
    return static_cast<int>(*value);
}

Result<std::string> stringField(const Json& object, const std::string& key, std::string fallback, std::string_view what)
{
    const auto found = object.find(key);
    if (found == object.end())
        return fallback;
    const auto* value = found->get_ptr<const Json::string_t*>();
    if (!value)
        return malformed(what, "'" + key + "' is not a string");
    return *value;
}

Result<bool> boolField(const Json& object, const std::string& key, std::string_view what)
{
    const auto found = object.find(key);
    if (found == object.end())
        return false;
    const auto* value = found->get_ptr<const Json::boolean_t*>();
    if (!value)
        return malformed(what, "'" + key + "' is not a boolean");
    return *value;
}

Result<std::vector<std::string>> stringListField(const Json& object, const std::string& key, std::string_view what)
{
    std::vector<std::string> list;
    const auto found = object.find(key);
    if (found == object.end())
        return list;
    if (!found->is_array())
        return malformed(what, "'" + key + "' is not a list");
    for (const Json& item : *found) {
        const auto* text = item.get_ptr<const Json::string_t*>();
        if (!text)
            return malformed(what, "'" + key + "' holds a non-string");
        list.push_back(*text);
    }
    return list;
}

Result<std::optional<ExitStatus>> exitField(const Json& object, std::string_view what)
{
    const auto found = object.find("exit");
    if (found == object.end())
        return std::nullopt;
    if (!found->is_object())
        return malformed(what, "'exit' is not an object");
    auto code = intField(*found, "code", 0, what);
    if (!code)
        return fail(code.error());
    auto signal = intField(*found, "signal", 0, what);
    if (!signal)
        return fail(signal.error());
    return ExitStatus{*code, *signal};
}

} // namespace berth::runtime::json_fields
