// The figures written beside each chart: the newest value and the limit in
// force as numbers ("212 MiB of 256 MiB", "37 %, quota 200 % (2 cores)"),
// from the same points the chart draws. Pure, so tested alone.
#pragma once

#include "usage_series.h"

#include <QString>

namespace berth::gui {

// `chart`: the chart's first kind (MemoryUsed, CpuUsed, Pids, IoRead, NetRx).
[[nodiscard]] QString usageSummary(UsageKind chart, const UsagePoints& points, const UsageLimits& now);

} // namespace berth::gui
