// The one place that reads and writes cgroup control files, so every error
// names the value and the file.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace berth::cgroup {

// Writes `value` in one write(2), as the kernel expects for control files.
// Error: "write '<value>' to <file>: <strerror>".
[[nodiscard]] Status writeFile(const std::filesystem::path& file, std::string_view value);

// Whole content of a control file.
[[nodiscard]] Result<std::string> readFile(const std::filesystem::path& file);

// First line without its newline (cpuset.cpus, freezer.state, ...).
[[nodiscard]] Result<std::string> readLine(const std::filesystem::path& file);

// Pids listed one per line (cgroup.procs); rejects anything else.
[[nodiscard]] Result<std::vector<pid_t>> parsePids(std::string_view text, const std::filesystem::path& file);
[[nodiscard]] Result<std::vector<pid_t>> readPids(const std::filesystem::path& procsFile);

// Splits on any of `separators`; empty pieces dropped.
[[nodiscard]] std::vector<std::string> split(std::string_view text, std::string_view separators = " \t\n");

} // namespace berth::cgroup
