#include "config/values.h"

#include "berth/model/units.h"

#include <cerrno>
#include <charconv>

namespace berth {

namespace {

std::unexpected<Error> invalid(std::string_view text, std::string_view what)
{
    return failWith(EINVAL, quoteForMessage(text) + " is not " + std::string(what));
}

bool isDigits(std::string_view text)
{
    if (text.empty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

Result<std::uint64_t> parseUnsignedValue(std::string_view text, std::uint64_t min, std::uint64_t max)
{
    if (!isDigits(text))
        return invalid(text, "a number");
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && (value < min || value > max)))
        return failWith(ERANGE,
                        quoteForMessage(text) + " is out of range " + std::to_string(min) + ".." + std::to_string(max));
    if (ec != std::errc() || end != text.data() + text.size())
        return invalid(text, "a number");
    return value;
}

Result<bool> parseBoolValue(std::string_view text)
{
    if (text == "0")
        return false;
    if (text == "1")
        return true;
    return invalid(text, "a boolean (0 or 1)");
}

Result<std::uint64_t> parseSizeValue(std::string_view text)
{
    auto size = model::parseSize(text);
    if (size)
        return *size;
    if (size.error() == model::SizeProblem::TooLarge)
        return failWith(ERANGE, quoteForMessage(text) + " is too large a size");
    return invalid(text, "a size");
}

std::vector<std::string_view> splitBlanks(std::string_view text)
{
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = text.find_first_not_of(" \t", pos);
        if (start == std::string_view::npos)
            break;
        std::size_t end = text.find_first_of(" \t", start);
        if (end == std::string_view::npos)
            end = text.size();
        words.push_back(text.substr(start, end - start));
        pos = end;
    }
    return words;
}

Result<std::string> unescapeFstabField(std::string_view field)
{
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const bool octal = field[i] == '\\' && field.size() - i > 3 &&
                           field.substr(i + 1, 3).find_first_not_of("01234567") == std::string_view::npos;
        if (!octal) {
            out += field[i];
            continue;
        }
        const int value = (field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0');
        if (value == 0 || value > 0xff)
            return failWith(EINVAL, quoteForMessage(field.substr(i, 4)) + " in " + quoteForMessage(field) +
                                        " is not a character");
        out += static_cast<char>(value);
        i += 3;
    }
    return out;
}

} // namespace berth
