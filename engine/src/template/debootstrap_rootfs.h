// A debian/ubuntu container's own rootfs made from a cache entry: a full
// copy, or an overlayfs snapshot whose upper directory gets the files
// that differ (hostname, hosts, shadow).
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

// Makes etc/ in a snapshot's upper directory with the lower etc/'s owner
// and mode, as overlayfs would when copying it up. A copy: nothing to do.
[[nodiscard]] Status prepareEtc(const RootfsWriter& writer);

// /etc/hostname, and /etc/hosts naming the host on 127.0.1.1.
[[nodiscard]] Status writeHostname(const RootfsWriter& writer, std::string_view hostname);

} // namespace berth::templates
