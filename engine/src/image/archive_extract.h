// Safe extraction of root filesystem archives (tar, tar.gz, tar.xz,
// tar.zst, tar.bz2) into a directory given as a file descriptor.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace berth::image {

struct ExtractOptions {
    // Character and block devices and FIFOs; refused (EPERM) when false.
    bool allowDevices = false;
    // Character and block devices below dev/ are left out, whatever
    // allowDevices says: Berth mounts a /dev of its own at start, so they
    // would never be seen (debootstrap and LXC write the standard ones).
    bool leaveOutDevNodes = false;
    // Owners from the archive; when false, entries belong to the caller.
    bool preserveOwners = true;
    // Upper bound on the bytes of file data written (EFBIG past it).
    std::uint64_t maxBytes = std::uint64_t{64} << 30;
    // Called with each entry's normalized path (no leading "./", never
    // empty) before it is written; returning true skips the entry, as the
    // hook has handled it (OCI whiteouts). An error stops the extraction.
    std::function<Result<bool>(std::string_view entryPath)> beforeEntry;
    // Set: a container archive (container_archive.h) is recognised by its
    // first entry, and its config handed here before anything is written
    // (an error stops the extraction); entries then lie below rootfs/ and
    // are extracted relative to it. Any other archive is the tree itself.
    std::function<Status(std::string configText)> containerConfig;
};

// Reads an archive from `archiveFd` (opened by the caller; read from its
// current offset, never seeked) and writes every entry below `rootFd`.
//
// Safety: entry names are checked first (absolute names and ".." are
// refused, EINVAL naming the entry). Nothing is ever resolved through a
// symlink: every directory on an entry's path, and the target of a hard
// link, is opened component by component with O_NOFOLLOW, so an entry that
// would pass through a symlink (even one pointing inside the root) is
// refused (ELOOP naming the entry). Symlink entries themselves are created
// as they are, never followed. Files are created O_EXCL|O_NOFOLLOW; an
// earlier entry of the same name is replaced, as tar does.
//
// Metadata: owners (when preserveOwners), then modes (so chown cannot clear
// a setuid bit afterwards), xattrs (of files and directories; an xattr the
// filesystem does not support is skipped), mtimes. Directories get theirs
// at the end, deepest first, so adding their entries does not undo it.
// Not applied: ACLs, file flags, xattrs of symlinks and device nodes.
//
// On error the tree below rootFd is left half written: extract into a
// staging directory of your own and remove it (fs::removeTree) on failure.
[[nodiscard]] Status extractArchive(int archiveFd, int rootFd, const ExtractOptions& options);

// The next block of an archive's bytes; empty at its end. An error stops
// the extraction and is what extractArchiveStream returns.
using ArchiveBlockReader = std::function<Result<std::string_view>()>;

// extractArchive over bytes that come from `read` instead of an fd: the
// image store hashes a layer's uncompressed stream on its way into the
// extraction (one pass instead of a pass to hash and one to extract).
[[nodiscard]] Status extractArchiveStream(const ArchiveBlockReader& read, int rootFd, const ExtractOptions& options);

} // namespace berth::image
