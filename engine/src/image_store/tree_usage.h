// Bytes a directory tree takes on disk (du's measure: allocated blocks,
// each inode once however many hard links it has).
#pragma once

#include "berth/error.h"

#include <cstdint>

namespace berth::image_store {

[[nodiscard]] Result<std::uint64_t> treeDiskUsage(int dirFd);

} // namespace berth::image_store
