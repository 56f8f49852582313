// What the host side shows of containers in the test's network namespace
// and cgroup parent, read the way an administrator would look: the links on
// a bridge, Berth's firewall table, a bridge's lease file, the cgroups.
#pragma once

#include <QString>
#include <QStringList>

namespace berth::test {

// Names of the links whose master is `bridge` (`ip -o link show master`).
QStringList linksOnBridge(const QString& bridge);
// The alias of a link in the test's namespace (`ip -o link show dev`;
// /sys/class/net is the host's): Berth marks a container's veth "berth:NAME".
QString linkAlias(const QString& link);
// IPv4 addresses (CIDR) on `link` (`ip -o -4 addr show dev`).
QStringList addressesOf(const QString& link);
// `nft list table inet berth`; empty when the table does not exist.
QString berthFirewall();
// The dnsmasq lease file of Berth's bridge `bridge` under the helper's state root.
QString leaseFile(const QString& bridge);
// Hierarchies (v1 controllers, named ones, the unified mount) that hold
// a cgroup for `container` under the test's cgroup parent.
QStringList cgroupsOf(const QString& container);
// The text of a file of `container`'s cgroup in the v1 hierarchy
// `controller` (cpu, cpuset, memory, blkio), trimmed; a null string when missing.
QString cgroupFile(const QString& controller, const QString& container, const QString& file);

} // namespace berth::test
