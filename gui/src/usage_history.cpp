#include "usage_history.h"

#include <QDateTime>

#include <algorithm>

namespace berth::gui {
namespace {

UsageSample sampleOf(const client::ContainerStats& stats, const UsageLimits& limits)
{
    return {stats.timestampNs,
            stats.memoryCurrent,
            stats.oomKills,
            stats.cpuUsageNs,
            stats.pidsCurrent,
            stats.ioReadBytes,
            stats.ioWriteBytes,
            stats.netRxBytes,
            stats.netTxBytes,
            limits,
            QDateTime::currentMSecsSinceEpoch()};
}

} // namespace

int UsageHistory::capacityFor(int windowSeconds, int intervalMs)
{
    const qint64 interval = std::max(1, intervalMs);
    return static_cast<int>((qint64(windowSeconds) * 1000 + interval - 1) / interval) + 1;
}

void UsageHistory::setSamplingInterval(int intervalMs)
{
    setCapacity(capacityFor(kLongestWindowSeconds, intervalMs));
}

void UsageHistory::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    for (auto& ring : m_rings) {
        // QContiguousCache::setCapacity would keep the oldest: copy the newest.
        QContiguousCache<UsageSample> resized(m_capacity);
        const qsizetype from = std::max(ring.firstIndex(), ring.lastIndex() - m_capacity + 1);
        for (qsizetype i = from; i <= ring.lastIndex(); ++i)
            resized.append(ring.at(i));
        ring = resized;
    }
}

bool UsageHistory::record(const client::ContainerStats& stats, const UsageLimits& limits)
{
    auto it = m_rings.find(stats.name);
    if (it == m_rings.end())
        it = m_rings.insert(stats.name, QContiguousCache<UsageSample>(m_capacity));
    if (!it->isEmpty() && it->last().timestampNs >= stats.timestampNs)
        return false;
    it->append(sampleOf(stats, limits));
    return true;
}

QList<UsageSample> UsageHistory::samples(const QString& name) const
{
    QList<UsageSample> out;
    const auto it = m_rings.constFind(name);
    if (it == m_rings.constEnd())
        return out;
    out.reserve(it->count());
    for (qsizetype i = it->firstIndex(); i <= it->lastIndex(); ++i)
        out << it->at(i);
    return out;
}

} // namespace berth::gui
