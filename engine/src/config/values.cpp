#include "config/values.h"

#include <cerrno>
#include <charconv>

namespace berth {

namespace {

constexpr std::size_t kMaxQuoted = 120;

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

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

// The multiplier of a size suffix, or 0 when it is not one.
std::uint64_t sizeUnit(std::string_view suffix)
{
    struct Unit {
        std::string_view letter;
        std::uint64_t factor;
    };
    static constexpr Unit units[] = {{"k", 1ULL << 10}, {"m", 1ULL << 20}, {"g", 1ULL << 30}};
    if (suffix.empty() || equalsNoCase(suffix, "b"))
        return 1;
    for (const Unit& unit : units) {
        const std::string letter(unit.letter);
        if (equalsNoCase(suffix, letter) || equalsNoCase(suffix, letter + "b") || equalsNoCase(suffix, letter + "ib"))
            return unit.factor;
    }
    return 0;
}

} // namespace

std::string quoteForMessage(std::string_view text)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "'";
    for (std::size_t i = 0; i < text.size() && i < kMaxQuoted; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > kMaxQuoted)
        out += "...";
    return out + "'";
}

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
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    const std::uint64_t unit = digits == 0 ? 0 : sizeUnit(text.substr(digits));
    if (unit == 0)
        return invalid(text, "a size");
    auto number = parseUnsignedValue(text.substr(0, digits), 0, UINT64_MAX / unit);
    if (!number)
        return failWith(ERANGE, quoteForMessage(text) + " is too large a size");
    return *number * unit;
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
