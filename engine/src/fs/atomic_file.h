// Replacing a file's content so that readers see the old or the new
// content, never a mix, even across a crash.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string_view>

#include <sys/types.h>

namespace berth::fs {

// Temp file in the same directory, write, fsync, rename over `file`, fsync
// the directory. On failure the old file is untouched and no temp file stays.
[[nodiscard]] Status writeFileAtomic(const std::filesystem::path& file, std::string_view content, mode_t mode);

// The same for `name` in the directory `dirFd` (any fd of the directory,
// O_PATH included). `name` is a single component.
[[nodiscard]] Status writeFileAtomicAt(int dirFd, std::string_view name, std::string_view content, mode_t mode);

} // namespace berth::fs
