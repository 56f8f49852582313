// Per-entry pieces of a full tree copy (engine-internal): metadata and file
// contents. A Node names an entry as (directory fd, name); an empty name
// means the fd itself (an fd opened O_RDONLY, not O_PATH).
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

#include <sys/stat.h>

namespace berth::image::detail {

struct Node {
    int dirFd = -1;
    std::string name;
};

// Owner, then mode (after chown, which clears setuid/setgid), then xattrs
// (after chown, which drops security.capability), then atime/mtime. Symlinks
// get owner, xattrs and times, never a mode. `shown` names the entry in errors.
[[nodiscard]] Status copyMetadata(const Node& src, const Node& dst, const struct statx& st, std::string_view shown);

// Copies every extended attribute of src onto dst, symlinks included, never
// following them. A source filesystem without xattr support has none.
[[nodiscard]] Status copyXattrs(const Node& src, const Node& dst, std::string_view shown);

// Copies the bytes of srcFd to dstFd: copy_file_range, falling back to
// read/write where the kernel cannot (other filesystems, old kernels).
[[nodiscard]] Status copyFileData(int srcFd, int dstFd, std::string_view shown);

} // namespace berth::image::detail
