#include "usage_series.h"

#include <array>
#include <cmath>
#include <iterator>
#include <utility>

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

using LimitField = std::optional<double> UsageLimits::*;

// A point where the level changes (the corner and the new level) and one at
// the end: a limit that never moved is two points, however many samples.
class StepLine {
public:
    void add(double ago, const std::optional<double>& level)
    {
        if (!level) { // no limit then: what came before is a line of its own
            m_points.clear();
            return;
        }
        if (!m_points.isEmpty() && m_points.last().y() != *level) {
            extendTo(ago);
            m_points << QPointF(ago, *level);
        } else if (m_points.isEmpty()) {
            m_points << QPointF(ago, *level);
        }
        m_lastAgo = ago;
    }
    QList<QPointF> finish(const std::optional<double>& now)
    {
        extendTo(m_lastAgo);
        if (now)
            add(0, now);
        extendTo(0);
        return m_points;
    }

private:
    void extendTo(double ago)
    {
        if (!m_points.isEmpty() && m_points.last().x() < ago)
            m_points << QPointF(ago, m_points.last().y());
    }

    QList<QPointF> m_points;
    double m_lastAgo = 0;
};

constexpr std::pair<UsageKind, LimitField> kLimitKinds[] = {
    {UsageKind::MemoryLimit, &UsageLimits::memoryMiB},
    {UsageKind::MemorySoftLimit, &UsageLimits::memorySoftMiB},
    {UsageKind::CpuQuota, &UsageLimits::cpuCores},
    {UsageKind::PidsLimit, &UsageLimits::pids},
};

} // namespace

UsagePoints usagePoints(const QList<UsageSample>& samples, double windowSeconds, const UsageLimits& now)
{
    UsagePoints out;
    for (UsageKind kind : {UsageKind::MemoryUsed, UsageKind::OomKills, UsageKind::CpuUsed, UsageKind::Pids,
                           UsageKind::IoRead, UsageKind::IoWrite, UsageKind::NetRx, UsageKind::NetTx})
        out[kind].reserve(samples.size());
    const qint64 newest = samples.isEmpty() ? 0 : samples.last().timestampNs;
    const UsageSample* previous = nullptr;
    std::array<StepLine, std::size(kLimitKinds)> limitLines;
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
            for (std::size_t i = 0; i < limitLines.size(); ++i)
                limitLines[i].add(ago, sample.limits.*kLimitKinds[i].second);
        }
        previous = &sample;
    }
    for (std::size_t i = 0; i < limitLines.size(); ++i)
        out[kLimitKinds[i].first] = limitLines[i].finish(now.*kLimitKinds[i].second);
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

UsageLimits usageLimits(const model::Limits& limits)
{
    const auto text = [&](model::LimitKey key) {
        const auto value = model::printLimitValue(limits, key);
        return value ? QString::fromStdString(*value) : QString();
    };
    return {limitInChartUnits(text(model::LimitKey::MemoryMax), kMiB),
            limitInChartUnits(text(model::LimitKey::MemoryHigh), kMiB),
            limitInChartUnits(text(model::LimitKey::CpuMax)), limitInChartUnits(text(model::LimitKey::PidsMax))};
}

} // namespace berth::gui
