// A full copy of a root filesystem, for clones that do not share a lower
// layer with their source.
#pragma once

#include "berth/error.h"

namespace berth::image {

// Copies everything below sourceRootFd into destRootFd (which should be
// empty: an existing name is EEXIST), then gives destRootFd the source
// root's owner, mode, xattrs and times. Both fds may be O_PATH.
//
// Kept: regular files (contents, not holes), directories, symlinks (never
// followed), hard links (each later link of a source inode is linked to its
// first copy), character and block devices and FIFOs, owners, modes
// (setuid/setgid included), atime/mtime and extended attributes (user.*,
// security.capability, ACLs; symlinks' through /proc/self/fd, so /proc must
// be mounted). Sockets are skipped: they are endpoints of a running
// process, not data.
//
// Stays on the source root's filesystem: a directory that is a mount point
// is copied as an empty directory, any other mounted entry is skipped. The
// walk holds two directory fds at a time, so depth is bounded by neither
// the stack nor the fd limit.
[[nodiscard]] Status copyTree(int sourceRootFd, int destRootFd);

} // namespace berth::image
