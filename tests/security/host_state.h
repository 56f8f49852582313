// The host's state that no member of group berth may change, read back
// before and after every attack: links, addresses, routes and the nftables
// ruleset (Berth's own table aside) in the network namespace the helper
// runs in, kernel settings that hand out host root or weaken it, every
// file under /etc, the clock, the loaded modules, the cgroup release
// agents, and the probe's markers in /run.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace berth::test {

class HostState {
public:
    static HostState read();

    // One line per difference, "what: before -> after"; empty when equal.
    [[nodiscard]] QStringList differences(const HostState& later) const;
    // Writes back what an attack that worked may have changed (kernel
    // settings, release agents, the clock) and removes markers, so a
    // regression is caught without leaving the host changed.
    void restore() const;

private:
    QMap<QString, QString> m_items; // "sysctl kernel.core_pattern" -> "core", ...
    qint64 m_clockOffset = 0;       // CLOCK_REALTIME - CLOCK_BOOTTIME, seconds
};

// What changed on the host since `before`, written back already (empty
// when nothing did): the check around every case and every run.
[[nodiscard]] QStringList revertChangesSince(const HostState& before);

// The probe's markers on the host (/run/berth-security-marker-*).
[[nodiscard]] QStringList markers();
void removeMarkers();

} // namespace berth::test
