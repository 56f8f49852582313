// GetContainer's "waitLinks": the host links a container needs, existing
// and up, before it can start, and that Berth does not create itself.
// berthctl autostart waits for these instead of failing at boot when the
// host's network comes up late.
#pragma once

#include "berth/paths.h"
#include "spec/container_spec.h"

#include <string>
#include <vector>

namespace berth::helper {

// A veth's bridge unless it is one of Berth's own (net::isBerthBridge: the
// start brings those up), and a macvlan's parent link. Each name once, in
// interface order.
[[nodiscard]] std::vector<std::string> waitLinks(const ContainerSpec& spec, const Paths& paths);

} // namespace berth::helper
