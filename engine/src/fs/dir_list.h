// The steps of a walk through a directory tree by fds: the names in a
// directory, and the way back up.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <string>
#include <string_view>
#include <vector>

namespace berth::fs {

// Every entry of the directory `dirFd` names, but "." and "..", in readdir
// order. dirFd itself is left open and unmoved.
[[nodiscard]] Result<std::vector<std::string>> listDirectory(int dirFd);

} // namespace berth::fs
