// Whether a file system can be seen through an idmapped mount: if not, a
// container's rootfs on it is shifted (chowned) into its block once, at
// creation (tree_shift.h).
#pragma once

#include "berth/error.h"

#include <filesystem>

namespace berth::idmap {

// Tries an idmapped clone of `dir` with a throwaway user namespace: false
// when the kernel refuses MOUNT_ATTR_IDMAP there, an error when the probe
// itself cannot run (no user namespaces, `dir` missing). A yes is kept for
// the file system for the rest of the process.
[[nodiscard]] Result<bool> idmappedMountsWork(const std::filesystem::path& dir);

} // namespace berth::idmap
