// Opening paths inside a container's root filesystem without ever leaving it.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <string>
#include <string_view>

#include <sys/types.h>

namespace berth::fs {

// How a path is resolved. Automatic uses openat2(2) and falls back to the
// component walk on kernels without it; the others force one, so that tests
// exercise both.
enum class Resolver { Automatic, Openat2, Walk };

// Opens `path` as if rootFd were "/": absolute symlinks and ".." stop at the
// root. /proc magic links are refused (ELOOP). `mode` is used with O_CREAT.
[[nodiscard]] Result<UniqueFd> openInRoot(int rootFd, std::string_view path, int flags, mode_t mode = 0,
                                          Resolver resolver = Resolver::Automatic);

// Strict variant for mount targets: a path, or a symlink on it, that climbs
// above the root with ".." is an error (EXDEV) naming the symlink. Absolute
// symlink targets are taken relative to the root, as the container sees them.
[[nodiscard]] Result<UniqueFd> openBeneath(int rootFd, std::string_view path, int flags);

// mkdir -p inside the root; symlinks on the way are resolved within it.
// Directories it creates get exactly `mode` (no umask).
[[nodiscard]] Status mkdirInRoot(int rootFd, std::string_view path, mode_t mode);

// Creates (or truncates) a regular file inside the root, opened for writing,
// with exactly `mode`. Its parent directory must exist.
[[nodiscard]] Result<UniqueFd> createFileInRoot(int rootFd, std::string_view path, mode_t mode,
                                                Resolver resolver = Resolver::Automatic);

// The parent directory of `path` inside the root (an O_PATH fd) and the last
// component, for *at() calls that must not follow the last component
// (symlinkat, linkat, unlinkat). The last component may not be "." or "..".
struct ParentInRoot {
    UniqueFd dir;
    std::string name;
};
[[nodiscard]] Result<ParentInRoot> openParentInRoot(int rootFd, std::string_view path);

} // namespace berth::fs
