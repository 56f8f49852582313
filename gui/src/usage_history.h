// The last few minutes of memory use per container, kept from the stats
// samples the list model already fetches (the chart makes no call of its
// own). A fixed-size ring per container: old samples fall out.
#pragma once

#include "client_types.h"

#include <QContiguousCache>
#include <QHash>
#include <QString>

namespace berth::gui {

struct UsageSample {
    qint64 timestampNs = 0;
    quint64 memoryBytes = 0;
};

class UsageHistory {
public:
    static constexpr int kDefaultCapacity = 150;   // 5 minutes at the model's 2 s

    explicit UsageHistory(int capacity = kDefaultCapacity) : m_capacity(capacity) {}

    // False if the sample is not newer than the last one kept (the same
    // sample seen again through another row change).
    bool record(const client::ContainerStats& stats);
    void forget(const QString& name) { m_rings.remove(name); }
    [[nodiscard]] QList<UsageSample> samples(const QString& name) const;

private:
    int m_capacity;
    QHash<QString, QContiguousCache<UsageSample>> m_rings;
};

} // namespace berth::gui
