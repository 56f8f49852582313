// Directories below an extraction root, opened without following symlinks.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <string>
#include <string_view>

namespace berth::image {

// Opens `dir` (a path from normalizeEntryPath; "" is the root) as an O_PATH
// fd, one component at a time with O_NOFOLLOW: a symlink on the way is
// ELOOP, anything else that is not a directory ENOTDIR. With `create`,
// missing directories are made (0755) on the way.
[[nodiscard]] Result<UniqueFd> openTreeDir(int rootFd, std::string_view dir, bool create);

// An entry's parent directory (opened as above) and its last component.
struct TreeSlot {
    UniqueFd dir;
    std::string name;
};
// `path` must be non-empty and normalized.
[[nodiscard]] Result<TreeSlot> openTreeSlot(int rootFd, std::string_view path, bool create);

} // namespace berth::image
