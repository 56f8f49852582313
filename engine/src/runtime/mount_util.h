// Small mount helpers for the container's setup. Targets are opened inside
// the rootfs through file descriptors, never joined path strings, so a
// symlink planted in the rootfs cannot redirect a mount onto the host.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <string>
#include <string_view>

namespace berth::runtime {

// "/proc/self/fd/N": mount(2) follows it to the object the fd refers to.
[[nodiscard]] std::string fdPath(int fd);

// Mounts a filesystem on `path` inside the root (which must exist).
[[nodiscard]] Status mountInRoot(int rootFd, std::string_view path, const char* source, const char* fstype,
                                 unsigned long flags, const char* data);

// Bind-mounts `source` (a host path or an fd path) onto `path` inside the
// root, then applies ro/nosuid/nodev/noexec with a bind remount (the kernel
// ignores them on the first bind).
[[nodiscard]] Status bindInRoot(int rootFd, std::string_view path, const std::string& source, bool recursive,
                                unsigned long flags);

// Applies ro/nosuid/nodev/noexec to the mount now at `path` in the root.
[[nodiscard]] Status remountInRoot(int rootFd, std::string_view path, unsigned long flags);

// Directory or file `path` inside the root, created when missing.
[[nodiscard]] Status ensureDirInRoot(int rootFd, std::string_view path, unsigned mode = 0755);
[[nodiscard]] Status ensureFileInRoot(int rootFd, std::string_view path, unsigned mode = 0644);

} // namespace berth::runtime
