#include "config/config_syntax.h"

#include "config/values.h"

#include <algorithm>
#include <cerrno>

namespace berth {

namespace {

constexpr std::string_view kBlanks = " \t\r\v\f";

bool isBlankChar(char c)
{
    return kBlanks.find(c) != std::string_view::npos;
}

bool isKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
}

bool hasStrippableQuotes(std::string_view value)
{
    return value.size() > 1 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front();
}

} // namespace

bool isValidConfigKey(std::string_view key)
{
    if (key.empty())
        return false;
    for (char c : key) {
        if (!isKeyChar(c))
            return false;
    }
    return true;
}

Result<ConfigLineSyntax> parseConfigLine(std::string_view text)
{
    ConfigLineSyntax line;
    const std::size_t first = text.find_first_not_of(kBlanks);
    if (first == std::string_view::npos)
        return line;
    if (text[first] == '#') {
        line.kind = ConfigLineSyntax::Kind::Comment;
        return line;
    }
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos)
        return failWith(EINVAL, "no '=' in the line");
    std::size_t keyEnd = equals;
    while (keyEnd > first && isBlankChar(text[keyEnd - 1]))
        --keyEnd;
    line.key = std::string(text.substr(first, keyEnd - first));
    if (line.key.empty())
        return failWith(EINVAL, "the key is empty");
    if (!isValidConfigKey(line.key))
        return failWith(EINVAL, "invalid key " + quoteForMessage(line.key));
    const std::size_t valueStart = text.find_first_not_of(kBlanks, equals + 1);
    const std::size_t valueEnd = text.find_last_not_of(kBlanks);
    line.kind = ConfigLineSyntax::Kind::Entry;
    // An empty value is written right after the '=' and its spaces.
    const std::size_t afterEquals = std::min(text.find_first_not_of(" \t", equals + 1), text.size());
    line.valueStart = valueStart == std::string_view::npos ? afterEquals : valueStart;
    if (valueStart != std::string_view::npos && valueEnd >= valueStart) {
        std::string_view value = text.substr(valueStart, valueEnd + 1 - valueStart);
        if (hasStrippableQuotes(value))
            value = value.substr(1, value.size() - 2);
        line.value = std::string(value);
    }
    return line;
}

std::string formatConfigValue(std::string_view value)
{
    const bool outerBlank = !value.empty() && (isBlankChar(value.front()) || isBlankChar(value.back()));
    if (outerBlank || hasStrippableQuotes(value))
        return "\"" + std::string(value) + "\"";
    return std::string(value);
}

} // namespace berth
