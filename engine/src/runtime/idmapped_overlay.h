// A snapshot's overlay for a container in its own user namespace, made by
// the monitor with the new mount API: the lower layer is an idmapped tree
// (see container_rootfs.h), upper and work are the snapshot's directories.
// The mount is detached; the container attaches it onto its rootfs.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"
#include "image/overlay_layout.h"

namespace berth::runtime {

// lowerFd: a detached idmapped tree of layout.lower.
[[nodiscard]] Result<UniqueFd> overlayOfIdmappedLower(const image::OverlayLayout& layout, int lowerFd);

} // namespace berth::runtime
