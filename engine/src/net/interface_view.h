// A container's interface as GetContainer shows it (model/interface.h).
#pragma once

#include "berth/model/interface.h"
#include "net/net_spec.h"

namespace berth::net {

// Its type's name, the bridge a veth joins (Berth's default when none is
// named), MAC, name inside, static address and MTU.
[[nodiscard]] model::NetInterface describeInterface(const NetInterfaceSpec& iface);

} // namespace berth::net
