// A comparison's table: each row's summary, and for Berth's rows the ratio
// of its median to each reference row's median ("0.85× lxc-execute").
// A row that could not run here says why instead of figures.
#pragma once

#include "stats.h"

#include <cstddef>
#include <string>
#include <vector>

namespace berth::bench {

struct RatioRow {
    std::string name;  // the table's first column
    std::string label; // how a ratio names it (short)
    Summary summary;
    std::string notAvailable;          // non-empty: "n/a: <why>", no figures
    std::vector<std::size_t> ratiosTo; // rows this one's median is divided by
};

[[nodiscard]] std::string formatRatioTable(const std::string& title, const std::vector<RatioRow>& rows);

} // namespace berth::bench
