#include "stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace berth::bench {

namespace {

// `sorted` is non-empty and ascending; q in [0, 1].
double quantile(const std::vector<double>& sorted, double q)
{
    const double index = q * static_cast<double>(sorted.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(index));
    const auto upper = static_cast<std::size_t>(std::ceil(index));
    const double fraction = index - static_cast<double>(lower);
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
}

} // namespace

Summary summarize(std::vector<double> samplesMs)
{
    Summary s;
    s.runs = samplesMs.size();
    if (samplesMs.empty())
        return s;
    std::ranges::sort(samplesMs);
    s.median = quantile(samplesMs, 0.5);
    s.p10 = quantile(samplesMs, 0.1);
    s.p90 = quantile(samplesMs, 0.9);
    s.min = samplesMs.front();
    s.max = samplesMs.back();
    return s;
}

std::string formatTable(const std::vector<TableRow>& rows)
{
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%-34s %9s %9s %9s %9s %9s %6s\n", "runtime", "median ms", "p10", "p90", "min",
                  "max", "runs");
    out += line;
    for (const TableRow& row : rows) {
        const Summary& s = row.summary;
        std::snprintf(line, sizeof line, "%-34s %9.2f %9.2f %9.2f %9.2f %9.2f %6zu\n", row.runtime.c_str(), s.median,
                      s.p10, s.p90, s.min, s.max, s.runs);
        out += line;
    }
    return out;
}

} // namespace berth::bench
