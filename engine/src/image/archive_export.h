// Export of a directory tree as a pax tar archive.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace berth::image {

// What an entry's header says about IDs, as the archive will hold them.
struct EntryIds {
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::vector<std::pair<std::string, std::string>> xattrs; // name, value
};

struct ExportOptions {
    enum class Compression { None, Gzip, Zstd, Xz };
    Compression compression = Compression::Gzip;
    // Changes each entry's IDs before it is written (a rootfs shifted on
    // disk is exported with the IDs it has inside); unset: as on disk.
    std::function<void(EntryIds&)> rewriteIds;
    // Set: a container archive (container_archive.h), this config first
    // and the tree below rootfs/; unset: the tree alone.
    std::optional<std::string> config;
    // Character and block devices are left out (Berth mounts a /dev of its
    // own at start, and an unprivileged import could not make them).
    bool leaveOutDevices = false;
};

// Writes the tree below `rootFd` to `outFd` as a pax tar, names relative
// ("./", "./etc", "./etc/passwd"; "rootfs", "rootfs/etc" after a config), directories before their contents and
// names sorted so that the same tree gives the same archive. Owners, modes,
// mtimes, xattrs, symlinks (never followed), device nodes, FIFOs and hard
// links (later names of an inode become hard link entries) are kept.
// The walk stays on rootFd's filesystem: a directory that is a mount
// point, and everything below it, is left out (as tar --one-file-system
// would leave out its contents). Sockets are left out (tar has no type for
// them). Not kept: ACLs, file flags.
[[nodiscard]] Status exportTree(int rootFd, int outFd, const ExportOptions& options);

} // namespace berth::image
