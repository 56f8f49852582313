// The last minutes of usage per container, kept from the stats samples the
// list model already fetches (the charts make no call of their own). A
// fixed-size ring per container, sized for the longest chart window at the
// sampling interval: old samples fall out.
#pragma once

#include "client_types.h"

#include <QContiguousCache>
#include <QHash>
#include <QString>

#include <optional>

namespace berth::gui {

// The limits in force, in chart units; nullopt: none (no line drawn).
struct UsageLimits {
    std::optional<double> memoryMiB;
    std::optional<double> memorySoftMiB;
    std::optional<double> cpuCores;
    std::optional<double> pids;

    friend bool operator==(const UsageLimits&, const UsageLimits&) = default;
};

// Cumulative counters stay cumulative here: rates are worked out when a
// chart is drawn, from neighbouring samples. Each sample keeps the limits
// in force when it was taken, so that a limit line is the limit's history.
struct UsageSample {
    qint64 timestampNs = 0;
    quint64 memoryBytes = 0;
    quint64 oomKills = 0;
    quint64 cpuUsageNs = 0;
    quint64 pids = 0;
    quint64 ioReadBytes = 0;
    quint64 ioWriteBytes = 0;
    quint64 netRxBytes = 0;
    quint64 netTxBytes = 0;
    UsageLimits limits;
    qint64 wallMs = 0; // when it came in (ms since the epoch): the charts' clock
};

class UsageHistory {
public:
    static constexpr int kLongestWindowSeconds = 15 * 60;
    static constexpr int kDefaultIntervalMs = 2000;

    // How many samples cover `windowSeconds` at one per `intervalMs`; one
    // more than the quotient, so that the window is spanned end to end.
    [[nodiscard]] static int capacityFor(int windowSeconds, int intervalMs);

    explicit UsageHistory(int capacity = capacityFor(kLongestWindowSeconds, kDefaultIntervalMs)) : m_capacity(capacity)
    {}

    // The model's sampling interval changed: resize every ring, keeping the
    // newest samples.
    void setSamplingInterval(int intervalMs);
    void setCapacity(int capacity);
    [[nodiscard]] int capacity() const { return m_capacity; }

    // False if the sample is not newer than the last one kept (the same
    // sample seen again through another row change). `limits`: in force now.
    bool record(const client::ContainerStats& stats, const UsageLimits& limits = {});
    void forget(const QString& name) { m_rings.remove(name); }
    [[nodiscard]] QList<UsageSample> samples(const QString& name) const;

private:
    int m_capacity;
    QHash<QString, QContiguousCache<UsageSample>> m_rings;
};

} // namespace berth::gui
