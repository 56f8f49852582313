// Reading one entry of a tree for export.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <cstdint>
#include <string>

#include <sys/stat.h>

struct archive;
struct archive_entry;

namespace berth::image {

// An entry opened without following it: regular files and directories for
// reading (O_NONBLOCK, so a FIFO swapped in cannot hang us), anything else
// as O_PATH. `st` is the stat of the opened inode.
struct SourceNode {
    UniqueFd fd;
    struct stat st {};
};
[[nodiscard]] Result<SourceNode> openSource(int dirFd, const std::string& name, const std::string& shown);

// Fills `entry`: name `path`, stat, symlink target, and the xattrs of
// regular files and directories.
[[nodiscard]] Status describeSource(const SourceNode& node, archive_entry* entry, const std::string& path);

// Writes exactly `size` bytes of file data (a file that shrank meanwhile is
// padded with zeros by libarchive; one that grew is cut).
[[nodiscard]] Status copyFileData(archive* a, int fd, std::int64_t size, const std::string& path);

} // namespace berth::image
