// rm -rf that stays on one mount and never follows a symlink.
#pragma once

#include "berth/error.h"

#include <filesystem>

namespace berth::fs {

// Removes `dir` and everything below it. Symlinks are removed, never
// followed. If `dir` or anything below it is a mount point, nothing is
// removed: EBUSY "'…' is a mount point". Directories without write or search
// permission are made writable first. The walk (fs::walkTree) keeps a fixed
// number of fds open, so depth is bounded neither by the stack nor by open
// files.
// A missing `dir` is ENOENT; a `dir` that is not a directory is unlinked.
[[nodiscard]] Status removeTree(const std::filesystem::path& dir);

} // namespace berth::fs
