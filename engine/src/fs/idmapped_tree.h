// Detached copies of a mount seen through a user namespace's ID map
// (mount_setattr MOUNT_ATTR_IDMAP): files owned by N on disk appear owned
// by the host ID that N inside the namespace is. Made by host root, then
// attached with move_mount wherever they are needed (inside a container's
// mount namespace, or as an overlay layer).
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <cstdint>
#include <filesystem>

namespace berth::fs {

struct IdmappedTreeOptions {
    bool recursive = false;            // the mounts below `root` too
    std::uint64_t extraAttributes = 0; // MOUNT_ATTR_NODEV, _NOSUID, _RDONLY...
};

[[nodiscard]] Result<UniqueFd> idmappedTree(int rootFd, int usernsFd, const IdmappedTreeOptions& options = {});
[[nodiscard]] Result<UniqueFd> idmappedTree(const std::filesystem::path& root, int usernsFd,
                                            const IdmappedTreeOptions& options = {});

} // namespace berth::fs
