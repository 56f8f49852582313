// Sizes, cores and durations: one parser and one printer each.
#include "berth/model/units.h"

#include <array>
#include <charconv>
#include <cmath>

namespace berth::model {
namespace {

char upper(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// The unit suffix's power of 1024: "" or "B" 0, "K"/"KB"/"KiB"/"Ki" 1, ...;
// -1 when it is not a unit of `syntax`.
int unitPower(std::string_view unit, SizeSyntax syntax)
{
    if (!unit.empty() && upper(unit.back()) == 'B')
        unit.remove_suffix(1);
    if (unit.size() == 2 && upper(unit.back()) == 'I')
        unit.remove_suffix(1);
    if (unit.empty())
        return 0;
    const std::string_view letters = syntax == SizeSyntax::Human ? "KMGTPE" : "KMG";
    const std::size_t at = unit.size() == 1 ? letters.find(upper(unit.front())) : std::string_view::npos;
    return at == std::string_view::npos ? -1 : static_cast<int>(at) + 1;
}

bool isDigits(std::string_view text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::expected<std::uint64_t, SizeProblem> wholeSize(std::string_view digits, int power)
{
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc::result_out_of_range)
        return std::unexpected(SizeProblem::TooLarge);
    if (ec != std::errc() || end != digits.data() + digits.size())
        return std::unexpected(SizeProblem::NotASize);
    for (int i = 0; i < power; ++i) {
        if (value > UINT64_MAX / 1024)
            return std::unexpected(SizeProblem::TooLarge);
        value *= 1024;
    }
    return value;
}

// "1.5": digits on both sides of one dot.
std::expected<std::uint64_t, SizeProblem> fractionSize(std::string_view number, int power)
{
    const std::size_t dot = number.find('.');
    if (!isDigits(number.substr(0, dot)) || !isDigits(number.substr(dot + 1)))
        return std::unexpected(SizeProblem::NotASize);
    double value = 0;
    const auto [end, ec] =
        std::from_chars(number.data(), number.data() + number.size(), value, std::chars_format::fixed);
    if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(value))
        return std::unexpected(SizeProblem::NotASize);
    const double bytes = std::round(value * std::pow(1024.0, power));
    if (bytes >= 9.2e18)
        return std::unexpected(SizeProblem::TooLarge);
    return static_cast<std::uint64_t>(bytes);
}

// `value` with `decimals` (0 or 1) digits, halves rounded away from zero as
// people (and Qt's printers) round: 150.5 -> "151".
std::string fixed(double value, int decimals)
{
    const std::int64_t scale = decimals == 0 ? 1 : 10;
    const auto scaled = static_cast<std::int64_t>(std::llround(value * static_cast<double>(scale)));
    std::string text = std::to_string(scaled / scale);
    if (decimals > 0)
        text += "." + std::to_string(scaled % scale);
    return text;
}

std::string exactSize(std::uint64_t bytes)
{
    static constexpr std::pair<std::uint64_t, char> units[] = {{1ULL << 30, 'G'}, {1ULL << 20, 'M'}, {1ULL << 10, 'K'}};
    for (const auto& [factor, letter] : units) {
        if (bytes != 0 && bytes % factor == 0)
            return std::to_string(bytes / factor) + letter;
    }
    return std::to_string(bytes);
}

std::string shortSize(std::uint64_t bytes)
{
    static constexpr std::string_view units = "KMGTPE";
    if (bytes < 1024)
        return std::to_string(bytes) + "B";
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    value /= 1024;
    while (value >= 1024 && unit + 1 < units.size()) {
        value /= 1024;
        ++unit;
    }
    return fixed(value, 1) + units[unit];
}

std::string longSize(std::uint64_t bytes)
{
    static constexpr std::array<std::string_view, 6> units{"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    if (bytes < 1024)
        return std::to_string(bytes) + " B";
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < units.size()) {
        value /= 1024;
        ++unit;
    }
    // One decimal while it matters, none once the figure is large.
    const int decimals = value < 100 && value != std::floor(value) ? 1 : 0;
    return fixed(value, decimals) + " " + std::string(units[unit]);
}

} // namespace

std::expected<std::uint64_t, SizeProblem> parseSize(std::string_view text, SizeSyntax syntax)
{
    const std::string_view numberChars = syntax == SizeSyntax::Human ? "0123456789." : "0123456789";
    const std::size_t length = std::min(text.find_first_not_of(numberChars), text.size());
    const std::string_view number = text.substr(0, length);
    const int power = unitPower(text.substr(length), syntax);
    if (number.empty() || power < 0)
        return std::unexpected(SizeProblem::NotASize);
    if (number.find('.') != std::string_view::npos)
        return fractionSize(number, power);
    return wholeSize(number, power);
}

std::string formatSize(std::uint64_t bytes, SizeStyle style)
{
    switch (style) {
    case SizeStyle::Exact:
        return exactSize(bytes);
    case SizeStyle::Short:
        return shortSize(bytes);
    case SizeStyle::Long:
        break;
    }
    return longSize(bytes);
}

std::expected<double, bool> parseCores(std::string_view text)
{
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value) || value <= 0 || value > 4096)
        return std::unexpected(false);
    return value;
}

std::string formatCores(double cores)
{
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), cores, std::chars_format::fixed);
    return ec == std::errc() ? std::string(buffer.data(), end) : std::string();
}

DurationParts splitDuration(std::int64_t seconds)
{
    using Form = DurationParts::Form;
    seconds = std::max<std::int64_t>(seconds, 0);
    if (seconds < 60)
        return {Form::Seconds, seconds, 0};
    if (seconds < 3600)
        return {Form::Minutes, seconds / 60, 0};
    if (seconds < 86400)
        return {Form::HoursMinutes, seconds / 3600, seconds % 3600 / 60};
    return {Form::DaysHours, seconds / 86400, seconds % 86400 / 3600};
}

std::string formatDuration(std::int64_t seconds)
{
    const DurationParts parts = splitDuration(seconds);
    const std::string first = std::to_string(parts.first);
    switch (parts.form) {
    case DurationParts::Form::Seconds:
        return first + " s";
    case DurationParts::Form::Minutes:
        return first + " min";
    case DurationParts::Form::HoursMinutes:
        return first + " h " + (parts.second < 10 ? "0" : "") + std::to_string(parts.second) + " min";
    case DurationParts::Form::DaysHours:
        break;
    }
    return first + " d " + std::to_string(parts.second) + " h";
}

} // namespace berth::model
