// A snapshot's overlay for a container in its own user namespace, made by
// the monitor with the new mount API: the lower layer is an idmapped tree
// (see container_rootfs.h), upper and work are the snapshot's directories.
// The mount is detached; the container attaches it onto its rootfs.
#pragma once

#include "berth/error.h"
#include "berth/model/id_map.h"
#include "berth/unique_fd.h"
#include "image/overlay_layout.h"

namespace berth::runtime {

// The upper layer's root must be the container root's (host BASE:BASE),
// or its root could not write to /: chowned here, once, when it is not.
// Files below it are written by the container with its own IDs.
[[nodiscard]] Status ownUpperByContainerRoot(const image::OverlayLayout& layout, const model::IdMap& map);

// lowerFd: a detached idmapped tree of layout.lower.
[[nodiscard]] Result<UniqueFd> overlayOfIdmappedLower(const image::OverlayLayout& layout, int lowerFd);

} // namespace berth::runtime
