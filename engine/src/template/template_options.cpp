// Checking template options against the template's schema.
#include "berth/names.h"
#include "berth/templates.h"

#include <algorithm>
#include <charconv>
#include <utility>

namespace berth {

namespace {

constexpr std::size_t kMaxValueLength = 4096;

std::string optionNames(const TemplateInfo& info)
{
    std::string names;
    for (const TemplateOption& option : info.options)
        if (option.type != OptionType::File)
            names += (names.empty() ? "" : ", ") + option.key;
    return names.empty() ? "none" : names;
}

const TemplateOption* findOption(const TemplateInfo& info, std::string_view key)
{
    auto found = std::find_if(info.options.begin(), info.options.end(),
                              [&](const TemplateOption& option) { return option.key == key; });
    return found == info.options.end() ? nullptr : &*found;
}

Error badValue(const TemplateOption& option, const std::string& why)
{
    return Error{EINVAL, "option '" + option.key + "': " + why, {}};
}

// "yes"/"1"/"on" and their opposites are accepted and written back as true/false.
Result<std::string> checkBoolean(const TemplateOption& option, std::string_view value)
{
    for (std::string_view yes : {"true", "yes", "1", "on"})
        if (value == yes)
            return std::string("true");
    for (std::string_view no : {"false", "no", "0", "off"})
        if (value == no)
            return std::string("false");
    return fail(badValue(option, "'" + std::string(value) + "' is not true or false"));
}

Result<std::string> checkInteger(const TemplateOption& option, std::string_view value)
{
    std::int64_t number = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc{} || end != value.data() + value.size())
        return fail(badValue(option, "'" + std::string(value) + "' is not a whole number"));
    if (number < option.minimum || number > option.maximum)
        return fail(badValue(option, std::to_string(number) + " is outside " + std::to_string(option.minimum) + ".." +
                                         std::to_string(option.maximum)));
    return std::string(value);
}

Result<std::string> checkChoice(const TemplateOption& option, std::string_view value)
{
    if (std::find(option.choices.begin(), option.choices.end(), value) != option.choices.end())
        return std::string(value);
    std::string allowed;
    for (const std::string& choice : option.choices)
        allowed += (allowed.empty() ? "" : ", ") + choice;
    return fail(badValue(option, "'" + std::string(value) + "' is not one of " + allowed));
}

Result<std::string> checkValue(const TemplateOption& option, std::string_view value)
{
    if (value.size() > kMaxValueLength)
        return fail(badValue(option, "the value is longer than " + std::to_string(kMaxValueLength) + " bytes"));
    // Values end up in config files and command lines: one line, printable.
    if (std::any_of(value.begin(), value.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        return fail(badValue(option, "the value contains control characters"));
    switch (option.type) {
    case OptionType::Boolean:
        return checkBoolean(option, value);
    case OptionType::Integer:
        return checkInteger(option, value);
    case OptionType::Choice:
        return checkChoice(option, value);
    case OptionType::Container:
        if (auto valid = validateContainerName(value); !valid)
            return fail(badValue(option, valid.error().message));
        return std::string(value);
    case OptionType::File:
        return fail(badValue(option, "a file is passed as a file descriptor, not as a value"));
    case OptionType::String:
    case OptionType::Secret:
    case OptionType::List:
        return std::string(value);
    }
    return std::string(value);
}

} // namespace

std::vector<std::string> splitListOption(std::string_view value)
{
    std::vector<std::string> words;
    std::string word;
    for (char c : value) {
        if (c == ',' || c == ' ' || c == '\t') {
            if (!word.empty())
                words.push_back(std::exchange(word, {}));
        } else {
            word += c;
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

Result<TemplateOptions> validateTemplateOptions(const TemplateInfo& info, const TemplateOptions& given)
{
    TemplateOptions result;
    for (const auto& [key, value] : given) {
        const TemplateOption* option = findOption(info, key);
        if (!option)
            return failWith(EINVAL, "template '" + info.name + "' has no option '" + key +
                                        "' (its options: " + optionNames(info) + ")");
        auto checked = checkValue(*option, value);
        if (!checked)
            return fail(checked.error());
        result.emplace(key, std::move(*checked));
    }
    for (const TemplateOption& option : info.options) {
        if (option.type == OptionType::File || result.contains(option.key))
            continue;
        if (option.required)
            return failWith(EINVAL, "template '" + info.name + "' needs option '" + option.key + "'");
        if (!option.defaultValue.empty())
            result.emplace(option.key, option.defaultValue);
    }
    return result;
}

} // namespace berth
