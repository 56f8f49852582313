// What a fault may leave behind, read the way an administrator would look:
// the integration environment's leftovers (mounts, links, cgroups and
// processes under the test's cgroup parent), Berth's firewall table, every
// entry of the state root (containers, staging directories, locks, run
// directories, logs, leases) and every berth-monitor process. Taken before
// a fault and after the helper's next start, the two must be equal.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace berth::test {

class HostSnapshot {
public:
    static HostSnapshot take();

    // One line per difference, "what: before -> after"; empty when equal.
    [[nodiscard]] QStringList differences(const HostSnapshot& later) const;

private:
    QMap<QString, QString> m_items; // "state var/lib/berth/containers/.staging-x" -> "dir", ...
};

} // namespace berth::test
