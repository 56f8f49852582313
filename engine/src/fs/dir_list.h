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

// Opens ".." of `dirFd` and checks it is the directory (dev, ino) the walk
// came from, so that a directory moved meanwhile cannot lead the walk
// elsewhere: ESTALE "'<shown>' was moved while it was being <doing>",
// with `context` as the error's context.
[[nodiscard]] Result<UniqueFd> openCheckedParent(int dirFd, dev_t dev, ino_t ino, std::string_view shown,
                                                 std::string_view doing, std::string context);

} // namespace berth::fs
