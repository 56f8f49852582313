// Running a host program and collecting what it prints.
#pragma once

#include "berth/error.h"

#include <string>
#include <vector>

namespace berth::templates {

// Runs argv[0] (an absolute path; no shell, no PATH search, empty
// environment, stdin from /dev/null) and returns its standard output.
// A non-zero exit or a signal is an error naming the program.
[[nodiscard]] Result<std::string> runAndCapture(const std::vector<std::string>& argv);

} // namespace berth::templates
