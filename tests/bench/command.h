// Running reference commands with posix_spawn, timed or not.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace berth::bench {

using Argv = std::vector<std::string>;

// Runs argv (looked up in PATH) with stdin and stdout on /dev/null and
// stderr appended to `logFile`; returns the wall time from spawn to reap in
// milliseconds, or an error if it could not start or did not exit with 0.
[[nodiscard]] Result<double> timedRun(const Argv& argv, const std::filesystem::path& logFile);

// Runs a setup command with the bench's own stdio, so its errors show.
[[nodiscard]] Status runChecked(const Argv& argv);

// "a b c", for messages.
[[nodiscard]] std::string joinArgv(const Argv& argv);

} // namespace berth::bench
