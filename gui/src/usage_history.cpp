#include "usage_history.h"

namespace berth::gui {

bool UsageHistory::record(const client::ContainerStats& stats)
{
    auto it = m_rings.find(stats.name);
    if (it == m_rings.end())
        it = m_rings.insert(stats.name, QContiguousCache<UsageSample>(m_capacity));
    if (!it->isEmpty() && it->last().timestampNs >= stats.timestampNs)
        return false;
    it->append({stats.timestampNs, stats.memoryCurrent});
    return true;
}

QList<UsageSample> UsageHistory::samples(const QString& name) const
{
    QList<UsageSample> out;
    const auto it = m_rings.constFind(name);
    if (it == m_rings.constEnd())
        return out;
    for (qsizetype i = it->firstIndex(); i <= it->lastIndex(); ++i)
        out << it->at(i);
    return out;
}

} // namespace berth::gui
