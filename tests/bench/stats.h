// Summaries of timing samples and the side-by-side table the bench prints.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace berth::bench {

struct Summary {
    double median = 0, p10 = 0, p90 = 0, min = 0, max = 0;
    std::size_t runs = 0;
};

// Percentiles interpolate linearly between the nearest ranks, so p10/p90
// stay meaningful for the small sample counts a benchmark run has.
[[nodiscard]] Summary summarize(std::vector<double> samplesMs);

struct TableRow {
    std::string runtime;
    Summary summary;
};

[[nodiscard]] std::string formatTable(const std::vector<TableRow>& rows);

} // namespace berth::bench
