#include "ratio_table.h"

#include <cstdio>

namespace berth::bench {

namespace {

constexpr int kNameWidth = 48;

std::string ratios(const RatioRow& row, const std::vector<RatioRow>& rows)
{
    std::string text;
    char piece[160];
    for (const std::size_t index : row.ratiosTo) {
        const RatioRow& reference = rows.at(index);
        if (!reference.notAvailable.empty() || reference.summary.median <= 0 || row.summary.runs == 0)
            std::snprintf(piece, sizeof piece, "%s-- %s", text.empty() ? "" : ", ", reference.label.c_str());
        else
            std::snprintf(piece, sizeof piece, "%s%.2f× %s", text.empty() ? "" : ", ",
                          row.summary.median / reference.summary.median, reference.label.c_str());
        text += piece;
    }
    return text;
}

} // namespace

std::string formatRatioTable(const std::string& title, const std::vector<RatioRow>& rows)
{
    std::string out = title + "\n";
    char line[512];
    std::snprintf(line, sizeof line, "%-*s %9s %8s %8s %8s %8s %5s  %s\n", kNameWidth, "command", "median ms", "p10",
                  "p90", "min", "max", "runs", "Berth / reference (medians)");
    out += line;
    for (const RatioRow& row : rows) {
        const Summary& s = row.summary;
        if (!row.notAvailable.empty()) {
            std::snprintf(line, sizeof line, "%-*s %s\n", kNameWidth, row.name.c_str(), row.notAvailable.c_str());
        } else {
            const std::string ratioText = ratios(row, rows);
            std::snprintf(line, sizeof line, "%-*s %9.2f %8.2f %8.2f %8.2f %8.2f %5zu%s%s\n", kNameWidth,
                          row.name.c_str(), s.median, s.p10, s.p90, s.min, s.max, s.runs, ratioText.empty() ? "" : "  ",
                          ratioText.c_str());
        }
        out += line;
    }
    return out;
}

} // namespace berth::bench
