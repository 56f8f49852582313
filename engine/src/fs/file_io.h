// Whole-buffer reads and writes on file descriptors.
#pragma once

#include "berth/error.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace berth::fs {

// Writes all of `data`, retrying short writes and EINTR.
[[nodiscard]] Status writeAll(int fd, std::string_view data);

// Reads until end of file; more than `limit` bytes is an error (EFBIG), so a
// file a container controls cannot make us allocate without bound.
[[nodiscard]] Result<std::string> readAll(int fd, std::size_t limit = std::size_t{1} << 20);

// A random hex string for temporary names (getrandom).
[[nodiscard]] std::string randomSuffix();

} // namespace berth::fs
