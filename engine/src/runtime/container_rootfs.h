// The mounts the monitor (host root) makes for a container in a user
// namespace of its own, which it could not make itself: detached mounts the
// child attaches (move_mount), so nothing on disk is chowned and nothing
// stays mounted on the host.
// The root filesystem, once the child's ID maps are written:
// - a directory rootfs: an idmapped tree of it, seen through the child's
//   namespace (files owned by N on disk are N inside, host BASE+N);
// - an overlay snapshot: an overlay whose lower layer is such an idmapped
//   tree and whose upper layer is written as the container's IDs (the
//   same lower serves containers with different blocks).
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"
#include "runtime/launch_plan.h"

#include <sys/types.h>

namespace berth::runtime {

// An invalid fd when the container binds its rootfs itself (privileged, or
// a rootfs already shifted into its range).
[[nodiscard]] Result<UniqueFd> rootfsMountFor(const LaunchPlan& plan, pid_t child);

// A read-only sysfs of the monitor's network namespace, for a container on
// the host's network (plan.autoMounts.sysFromMonitor): sysfs may only be
// mounted by the owner of the network namespace. A fresh one, not a bind of
// the host's /sys: it shows the links of the namespace the container
// shares, and none of the mounts below the host's /sys.
[[nodiscard]] Result<UniqueFd> hostNetworkSysfs();

} // namespace berth::runtime
