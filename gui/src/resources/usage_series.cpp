#include "usage_series.h"

#include <cmath>

namespace berth::gui {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kKiB = 1024.0;

// Per second between two readings of a counter; nullopt when it went back.
std::optional<double> rate(quint64 before, quint64 after, double seconds)
{
    if (after < before || seconds <= 0)
        return std::nullopt;
    return static_cast<double>(after - before) / seconds;
}

void addRates(UsagePoints& out, const UsageSample& before, const UsageSample& after, double ago)
{
    const double seconds = static_cast<double>(after.timestampNs - before.timestampNs) / 1e9;
    const auto add = [&](UsageKind kind, quint64 from, quint64 to, double unit) {
        if (const auto perSecond = rate(from, to, seconds))
            out[kind] << QPointF(ago, *perSecond / unit);
    };
    add(UsageKind::CpuUsed, before.cpuUsageNs, after.cpuUsageNs, 1e9); // ns per s = cores
    add(UsageKind::IoRead, before.ioReadBytes, after.ioReadBytes, kKiB);
    add(UsageKind::IoWrite, before.ioWriteBytes, after.ioWriteBytes, kKiB);
    add(UsageKind::NetRx, before.netRxBytes, after.netRxBytes, kKiB);
    add(UsageKind::NetTx, before.netTxBytes, after.netTxBytes, kKiB);
}

void addLevel(UsagePoints& out, UsageKind kind, const std::optional<double>& level, double windowSeconds)
{
    out[kind]; // present even when empty, so callers see every kind
    if (level)
        out[kind] = {QPointF(-windowSeconds, *level), QPointF(0, *level)};
}

} // namespace

UsagePoints usagePoints(const QList<UsageSample>& samples, double windowSeconds, const UsageLimits& limits)
{
    UsagePoints out;
    for (UsageKind kind : {UsageKind::MemoryUsed, UsageKind::OomKills, UsageKind::CpuUsed, UsageKind::Pids,
                           UsageKind::IoRead, UsageKind::IoWrite, UsageKind::NetRx, UsageKind::NetTx})
        out[kind].reserve(samples.size());
    const qint64 newest = samples.isEmpty() ? 0 : samples.last().timestampNs;
    const UsageSample* previous = nullptr;
    for (const UsageSample& sample : samples) {
        const double ago = static_cast<double>(sample.timestampNs - newest) / 1e9;
        // The sample just before the window still gives the first rate in it.
        if (ago >= -windowSeconds) {
            const double memory = static_cast<double>(sample.memoryBytes) / kMiB;
            out[UsageKind::MemoryUsed] << QPointF(ago, memory);
            out[UsageKind::Pids] << QPointF(ago, static_cast<double>(sample.pids));
            if (previous && sample.oomKills > previous->oomKills)
                out[UsageKind::OomKills] << QPointF(ago, memory);
            if (previous)
                addRates(out, *previous, sample, ago);
        }
        previous = &sample;
    }
    addLevel(out, UsageKind::MemoryLimit, limits.memoryMiB, windowSeconds);
    addLevel(out, UsageKind::MemorySoftLimit, limits.memorySoftMiB, windowSeconds);
    addLevel(out, UsageKind::CpuQuota, limits.cpuCores, windowSeconds);
    addLevel(out, UsageKind::PidsLimit, limits.pids, windowSeconds);
    return out;
}

std::optional<double> limitInChartUnits(const QString& text, double unit)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0 || unit <= 0)
        return std::nullopt;
    return value / unit;
}

} // namespace berth::gui
