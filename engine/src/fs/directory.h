// Directories the engine owns (rootfs, staging), opened as fds so every
// later step works below them without resolving the path again.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <filesystem>

#include <sys/types.h>

namespace berth::fs {

// Opens `dir` for *at() calls; a symlink in its last component is refused.
[[nodiscard]] Result<UniqueFd> openDirectory(const std::filesystem::path& dir);
// Creates `dir` (it must not exist) and opens it as openDirectory does.
[[nodiscard]] Result<UniqueFd> makeDirectory(const std::filesystem::path& dir, mode_t mode = 0755);

} // namespace berth::fs
