// Export of a directory tree as a pax tar archive.
#pragma once

#include "berth/error.h"

namespace berth::image {

struct ExportOptions {
    enum class Compression { None, Gzip, Zstd, Xz };
    Compression compression = Compression::Gzip;
};

// Writes the tree below `rootFd` to `outFd` as a pax tar, names relative
// ("./", "./etc", "./etc/passwd"), directories before their contents and
// names sorted so that the same tree gives the same archive. Owners, modes,
// mtimes, xattrs, symlinks (never followed), device nodes, FIFOs and hard
// links (later names of an inode become hard link entries) are kept.
// The walk stays on rootFd's filesystem: a directory that is a mount
// point, and everything below it, is left out (as tar --one-file-system
// would leave out its contents). Sockets are left out (tar has no type for
// them). Not kept: ACLs, file flags.
[[nodiscard]] Status exportTree(int rootFd, int outFd, const ExportOptions& options);

} // namespace berth::image
