#include "berth/model/progress_text.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace berth::model {
namespace {

constexpr int kBarCells = 20;

int percentOf(double fraction)
{
    return static_cast<int>(std::floor(std::clamp(fraction, 0.0, 1.0) * 100));
}

std::string bar(double fraction)
{
    if (fraction < 0) {
        std::string cells(kBarCells, ' ');
        cells.replace(kBarCells / 2 - 1, 3, "...");
        return "[" + cells + "]     ";
    }
    const int filled = static_cast<int>(std::floor(std::clamp(fraction, 0.0, 1.0) * kBarCells));
    std::string percent = std::to_string(percentOf(fraction));
    percent.insert(0, 3 - std::min<std::size_t>(3, percent.size()), ' ');
    return "[" + std::string(static_cast<std::size_t>(filled), '#') +
           std::string(static_cast<std::size_t>(kBarCells - filled), '.') + "] " + percent + "%";
}

// The first `characters` characters of UTF-8 text (continuation bytes
// never start one).
void keepCharacters(std::string& text, int characters)
{
    int seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;
        if (seen++ == characters) {
            text.resize(i);
            return;
        }
    }
}

} // namespace

std::string progressBarText(double fraction, std::string_view step, int width)
{
    std::string line = bar(fraction);
    if (!step.empty())
        line.append("  ").append(step);
    if (width > 0)
        keepCharacters(line, width);
    return line;
}

std::string progressLineText(double fraction, std::string_view step)
{
    if (fraction < 0)
        return std::string(step);
    std::string line = std::to_string(percentOf(fraction)) + "%";
    if (!step.empty())
        line.append(" ").append(step);
    return line;
}

} // namespace berth::model
