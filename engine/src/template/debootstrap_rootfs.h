// A debian/ubuntu container's own rootfs made from a cache entry: a full
// copy, or an overlayfs snapshot whose upper directory gets the files
// that differ (hostname, hosts, shadow, networkd enabled).
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <filesystem>
#include <string_view>

namespace berth::templates {

// Where the container's own files are read from and written to: for a
// copy both are its rootfs; for a snapshot reads see the cache entry
// (lower) and writes go to delta/ (upper).
struct RootfsWriter {
    UniqueFd readRoot;
    UniqueFd writeRoot;
    bool snapshot = false;
};

// Copies `cachedRootfs` into staging/rootfs, or makes staging/rootfs (the
// mount point of the merged view) and staging/delta for a snapshot.
[[nodiscard]] Result<RootfsWriter> makeContainerRootfs(const std::filesystem::path& cachedRootfs,
                                                       const std::filesystem::path& staging, bool snapshot);

// mkdir -p `path` (relative, no symlinks on the way) where the container's
// files are written, each new directory with the cached one's owner and
// mode, as overlayfs would copy it up (root 0755 where it has none).
// Returns the last directory (O_PATH).
[[nodiscard]] Result<UniqueFd> makeDirectories(const RootfsWriter& writer, std::string_view path);

// `systemctl enable systemd-networkd` as its links, and a drop-in that
// starts it only when /etc/systemd/network has a .network file, which the
// runtime writes per interface (runtime/guest_network.h). Nothing when the
// rootfs has no networkd.
[[nodiscard]] Status enableNetworkd(const RootfsWriter& writer);

// /etc/hostname, and /etc/hosts naming the host on 127.0.1.1.
[[nodiscard]] Status writeHostname(const RootfsWriter& writer, std::string_view hostname);

} // namespace berth::templates
