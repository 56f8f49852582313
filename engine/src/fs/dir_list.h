// The names in a directory, read through an fd.
#pragma once

#include "berth/error.h"

#include <string>
#include <vector>

namespace berth::fs {

// Every entry of the directory `dirFd` names, but "." and "..", in readdir
// order. dirFd itself is left open and unmoved.
[[nodiscard]] Result<std::vector<std::string>> listDirectory(int dirFd);

} // namespace berth::fs
