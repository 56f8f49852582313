// A container's user namespace is the administrator's: SetConfig text that
// adds, removes or changes lxc.idmap, berth.privileged or
// berth.rootfs.shifted needs org.berth.host.bind-mount, whatever the
// container is. A member who could pick a map could take IDs the host or
// another container owns, or make the container privileged.
#pragma once

#include "berth/config.h"
#include "host_reason.h"

namespace berth::helper {

// One reason per key whose entries differ between the stored config and
// the new text, naming the new text's line ("config:4: lxc.idmap changes
// the container's user namespace"), or the removal. Empty: none changed.
[[nodiscard]] HostReasons userNamespaceChanges(const Config& current, const Config& next);

} // namespace berth::helper
