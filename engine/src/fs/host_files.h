// Reading the host's /proc and /sys below a root directory, so unit tests
// can use fixture trees; and the small parsers the checks share.
#pragma once

#include "berth/error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace berth::check {

// root / relative ("proc/self/status"); a leading '/' in `relative` is ignored.
[[nodiscard]] std::filesystem::path underRoot(const std::filesystem::path& root, std::string_view relative);

// Whole content of a file (proc and sysfs files report size 0, so it reads
// to the end); more than `limit` bytes is an error (EFBIG). Errors name the file.
[[nodiscard]] Result<std::string> readHostFile(const std::filesystem::path& file,
                                               std::size_t limit = std::size_t{1} << 20);

// A file holding one unsigned number and a newline ("40\n").
[[nodiscard]] Result<std::uint64_t> readHostNumber(const std::filesystem::path& file);

// Value of a "Key:\tvalue" line of /proc/<pid>/status, trimmed.
[[nodiscard]] std::optional<std::string> statusField(std::string_view statusText, std::string_view key);

// True when a whitespace-separated word of `text` equals `word`.
[[nodiscard]] bool hasWord(std::string_view text, std::string_view word);

// First regular, executable file named `name` in /usr/sbin, /usr/bin,
// /sbin, /bin below `root`. The result includes `root`.
[[nodiscard]] std::optional<std::filesystem::path> findProgram(const std::filesystem::path& root,
                                                               std::string_view name);

} // namespace berth::check
