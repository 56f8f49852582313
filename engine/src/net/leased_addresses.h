// The addresses Berth's IPAM holds for a container, read back from the
// bridges' lease files for display (GetContainer, berthctl info). Reading
// only: no netlink, no namespaces, nothing created.
#pragma once

#include "berth/error.h"
#include "berth/paths.h"
#include "net/ipv4.h"
#include "net/net_spec.h"

#include <string_view>
#include <vector>

namespace berth::net {

// For each veth interface without a configured lxc.net.N.ipv4.address, the
// lease `container` has on the interface's bridge (the default bridge when
// none is named), with the bridge's prefix: "10.0.3.200/24". Interfaces
// with a configured address are left out: the config says what they get,
// and their lease may still be the one from before the config changed.
//
// Leases outlive a run (the address stays reserved until the container is
// destroyed), so a stopped container that has run reports its address too;
// one that never ran has none yet. A lease that no longer fits its bridge's
// subnet (the bridge changed since) is left out: the next start replaces it.
// A bridge that is not defined, or whose lease file is missing, adds none.
//
// No lock is taken: lease files are only ever replaced by rename, so a
// reader sees the old table or the new one; taking the network lock would
// let any reader (reads need no authorization) hold up starts.
[[nodiscard]] Result<std::vector<Ipv4Cidr>> leasedAddresses(const Paths& paths, std::string_view container,
                                                            const std::vector<NetInterfaceSpec>& interfaces);

} // namespace berth::net
