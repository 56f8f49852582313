// Whether a container is privileged: one without a user namespace of its
// own (no lxc.idmap; berth.privileged = 1), whose root is the host's root.
// Capabilities in a container with a user namespace are held in that
// namespace and do not reach the host, whatever the kind or lxc.cap.keep.
// Only an administrator may make, reconfigure or enter a privileged
// container (helper: org.berth.host.bind-mount).
#pragma once

#include "berth/config.h"
#include "spec/container_spec.h"

#include <string>
#include <vector>

namespace berth::security {

// The one predicate (ContainerSpec::privileged: no ID map).
[[nodiscard]] bool isPrivileged(const ContainerSpec& spec);

// Why it is privileged, for people, naming the berth.privileged line when
// there is one. Empty when not privileged.
[[nodiscard]] std::vector<std::string> privilegeReasons(const Config& config, const ContainerSpec& spec);

} // namespace berth::security
