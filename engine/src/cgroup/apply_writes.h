// Writing a set of limits into control files as one change: every file's
// value is read before it is written, and a failed write restores the
// files already written (newest first), so the old limits stay in force.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berth::cgroup {

struct FileWrite {
    std::filesystem::path file;
    std::string value;
};

// Applies `writes` in order. A write refused with EINVAL is retried once
// after its partner when the two must be raised or lowered in a particular
// order (v1 memory.limit_in_bytes <= memory.memsw.limit_in_bytes). On
// failure the kernel's reason is returned ("write '8M' to <file>: Device or
// resource busy") after the earlier writes were undone.
[[nodiscard]] Status applyFileWrites(const std::vector<FileWrite>& writes);

// The writes that put `file` back to `previous` (what it said before
// `written` went in): one per line, since keyed files such as io.max take
// one device per write, plus a reset of the written device when it had no
// line before (io.max and blkio.throttle.* only list devices with limits).
[[nodiscard]] std::vector<std::string> restoreValues(std::string_view fileName, std::string_view previous,
                                                     std::string_view written);

} // namespace berth::cgroup
