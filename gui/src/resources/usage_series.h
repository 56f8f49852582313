// The points the Resources charts draw, worked out from the kept samples
// without any widget, so that rates and limit lines are tested alone and a
// redraw costs one pass over the samples. x is seconds before the newest
// sample (0 = newest, negative before it); y is in the chart's unit.
#pragma once

#include "usage_history.h"

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

// The limits in force, in chart units; nullopt: none (no line drawn).
struct UsageLimits {
    std::optional<double> memoryMiB;
    std::optional<double> memorySoftMiB;
    std::optional<double> cpuCores;
    std::optional<double> pids;
};

using UsagePoints = QHash<UsageKind, QList<QPointF>>;

// Samples older than `windowSeconds` before the newest are left out; a
// limit is a level line across the whole window. A counter that went
// backwards (the container restarted) gives no rate point.
[[nodiscard]] UsagePoints usagePoints(const QList<UsageSample>& samples, double windowSeconds,
                                      const UsageLimits& limits);

// Reads a limit as SetLimits and GetContainer write it ("268435456", "1.5",
// "max"); `unit` is what one chart unit is in the helper's (bytes per MiB).
[[nodiscard]] std::optional<double> limitInChartUnits(const QString& text, double unit = 1);

} // namespace berth::gui
