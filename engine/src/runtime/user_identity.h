// The IDs a container's processes take inside its user namespace. Run in
// the forked children only (they change the calling process's credentials).
#pragma once

#include "berth/error.h"
#include "runtime/launch_plan.h"

namespace berth::runtime {

// Root of the user namespace just joined or created (host IDs 0 are not
// mapped there): no supplementary groups, uid and gid 0 inside. Files the
// process creates are then the container root's.
[[nodiscard]] Status becomeNamespaceRoot();

// The init's lxc.init.uid/gid/groups, taken last: a non-root init keeps no
// capabilities (the kernel clears them when uid 0 is left); its
// supplementary groups are lxc.init.groups (none when unset).
[[nodiscard]] Status takeInitIds(const InitIds& ids);

} // namespace berth::runtime
