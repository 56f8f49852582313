// The network interfaces a container's config declares (lxc.net.N.type,
// link, hwaddr, name, ipv4.address), read from the config text the helper
// hands out, for the Network tab. Only what the tab shows: the helper
// validates the config, this never refuses one.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace berth::gui {

struct NetInterfaceConfig {
    int index = 0; // the N of lxc.net.N
    QString type;  // veth, macvlan, empty, ...
    QString link;  // the bridge (veth) or parent (macvlan)
    QString hwaddr;
    QString name;     // inside the container
    QStringList ipv4; // "10.0.3.12/24"; ipv4.address may repeat
    bool operator==(const NetInterfaceConfig&) const = default;
};

// In index order. A bare "lxc.net =" clears what came before, as in LXC.
[[nodiscard]] QList<NetInterfaceConfig> parseNetInterfaces(const QString& config);

} // namespace berth::gui
