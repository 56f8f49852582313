// An overlay root filesystem made with the new mount API, detached: the
// container attaches it onto its rootfs. Used for every overlay rootfs (a
// snapshot's, an image container's): mount(2) takes one page of options,
// which some forty image layers' paths overflow, while fsconfig takes the
// lowers one at a time ("lowerdir+", Linux 6.8+). Older kernels get the
// whole "lowerdir" string, as far as it fits.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"
#include "image/overlay_layout.h"

#include <cstdint>
#include <span>

namespace berth::runtime {

// lowerFds: a detached (idmapped) tree for each of layout.lowers, in the
// same order; empty to take the lowers by path. attributes: MOUNT_ATTR_*
// of the mount (nodev for a container in a user namespace).
[[nodiscard]] Result<UniqueFd> overlayMount(const image::OverlayLayout& layout, std::span<const int> lowerFds,
                                            std::uint64_t attributes);

// The merged view of a stopped overlay container, read-only and detached,
// for the host side (export, a full copy): its upper layer taken as the
// topmost lower, so nothing of the container is written (no work
// directory) and nothing is left mounted once the fd is closed.
[[nodiscard]] Result<UniqueFd> readOnlyMergedView(const image::OverlayLayout& layout);

} // namespace berth::runtime
