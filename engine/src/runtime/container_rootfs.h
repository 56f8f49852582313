// The root filesystem of a container in a user namespace of its own, as the
// monitor (host root) makes it once the child's ID maps are written: a
// detached mount the child attaches onto its rootfs path (move_mount), so
// nothing on disk is chowned and nothing stays mounted on the host.
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

} // namespace berth::runtime
