// The points the Resources charts draw, worked out from the kept samples
// without any widget, so that rates and limit lines are tested alone and a
// redraw costs one pass over the samples. x is seconds before the newest
// sample (0 = newest, negative before it); y is in the chart's unit.
#pragma once

#include "usage_history.h"

#include "berth/model/limits.h"

#include <QHash>
#include <QList>
#include <QPointF>

#include <optional>

namespace berth::gui {

enum class UsageKind {
    MemoryUsed,      // MiB
    MemoryLimit,     // MiB, memory.max
    MemorySoftLimit, // MiB, memory.high
    OomKills,        // marks at the memory used where the OOM count grew
    CpuUsed,         // cores, from the cumulative CPU time
    CpuQuota,        // cores, cpu.max
    Pids,            // processes
    PidsLimit,       // processes, pids.max
    IoRead,          // KiB/s
    IoWrite,         // KiB/s
    NetRx,           // KiB/s
    NetTx,           // KiB/s
};

using UsagePoints = QHash<UsageKind, QList<QPointF>>;

// Samples older than `windowSeconds` before the newest are left out. A
// limit is a step line of the limits the samples kept, so that the past
// stays as it was; `now` (the limits in force at this moment) ends it at
// the newest sample, a change showing at once as a step there. A limit
// line starts again after a stretch without that limit. A counter that
// went backwards (the container restarted) gives no rate point.
[[nodiscard]] UsagePoints usagePoints(const QList<UsageSample>& samples, double windowSeconds, const UsageLimits& now);

// Reads a limit as SetLimits and GetContainer write it ("268435456", "1.5",
// "max"); `unit` is what one chart unit is in the helper's (bytes per MiB).
[[nodiscard]] std::optional<double> limitInChartUnits(const QString& text, double unit = 1);
// The limits as the charts draw them (MiB, cores, processes).
[[nodiscard]] UsageLimits usageLimits(const model::Limits& limits);

} // namespace berth::gui
