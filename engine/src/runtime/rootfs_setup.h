// Entering the container's root: private propagation, the rootfs as a
// mount of its own, and pivot_root with the old root detached.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <filesystem>

namespace berth::runtime {

// Stops mounts propagating back to the host and binds the rootfs onto
// itself (pivot_root needs a mount point). Returns an O_PATH fd of it.
[[nodiscard]] Result<UniqueFd> prepareRootfs(const std::filesystem::path& rootfs);

// Stops mounts propagating back to the host and attaches `mount` (a detached
// mount the monitor made: idmapped tree, overlay) onto the rootfs directory
// `rootfsDirFd`. Returns an O_PATH fd of the attached mount.
[[nodiscard]] Result<UniqueFd> attachRootfs(UniqueFd mount, int rootfsDirFd);

// A detached recursive bind of the directory `dirFd`, for attachRootfs.
[[nodiscard]] Result<UniqueFd> cloneTree(int dirFd);

// Makes the rootfs mount of prepareRootfs() read-only, keeping its other
// flags (nosuid, nodev...); mounts below it stay as they are.
[[nodiscard]] Status remountReadOnly(int rootFd);

// pivot_root into rootFd and detach the old root, so no host path stays reachable.
[[nodiscard]] Status pivotInto(int rootFd);

} // namespace berth::runtime
