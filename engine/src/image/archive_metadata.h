// Owners, modes, xattrs and times of extracted entries.
#pragma once

#include "berth/error.h"

#include <string>

struct archive_entry;

namespace berth::image {

// For regular files and directories, through an fd opened for reading or
// writing: owner (when `owners`), then mode, xattrs, then times last so
// nothing after them touches the inode's ctime/mtime of interest.
[[nodiscard]] Status applyFdMetadata(int fd, archive_entry* entry, bool owners, const std::string& shown);

// For symlinks, device nodes and FIFOs, by name below `dirFd` without
// following: owner, mode (not for symlinks, which have none), times.
[[nodiscard]] Status applyAtMetadata(int dirFd, const std::string& name, archive_entry* entry, bool owners,
                                     const std::string& shown);

} // namespace berth::image
