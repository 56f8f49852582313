// Whether a container is privileged: until containers run in user
// namespaces of their own, a capability beyond the application default set
// (Docker's) is held in the host's user namespace, and CAP_SYS_ADMIN there
// remounts /proc/sys and /sys writable. Only an administrator may make or
// enter such a container (helper: org.berth.host.bind-mount).
#pragma once

#include "berth/config.h"
#include "config/container_spec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace berth::security {

// The capabilities the container holds (its kind's default set after
// lxc.cap.keep and lxc.cap.drop) that the application default set lacks.
[[nodiscard]] std::uint64_t privilegedCapabilities(const ContainerSpec& spec);

// The one predicate: any such capability. Every system container with the
// default system set is privileged; an application container, or a system
// one trimmed to the application set, is not.
[[nodiscard]] bool isPrivileged(const ContainerSpec& spec);

// One sentence per source of those capabilities, for people: the kind's
// default set, or the lxc.cap.keep line that keeps them (with its place in
// the config), naming the capabilities. Empty when not privileged.
[[nodiscard]] std::vector<std::string> privilegeReasons(const Config& config, const ContainerSpec& spec);

} // namespace berth::security
