// The image store's directories under Paths::imagesDir(), opened once as
// fds so that every later step works below them.
#pragma once

#include "berth/error.h"
#include "berth/paths.h"
#include "berth/unique_fd.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace berth::image_store {

// imagesDir/ is 0700: a layer holds what its image's author chose (setuid
// root binaries included), which no host user may reach; containers see a
// layer only through the overlay root mounts for them.
struct StoreDirs {
    std::filesystem::path root;
    UniqueFd rootFd;
    UniqueFd blobsFd;     // blobs/sha256/<hex>: verified manifests and configs
    UniqueFd layersFd;    // layers/<diff-id hex>/ and <hex>.size
    UniqueFd imagesFd;    // images/<config hex>.json: the records
    UniqueFd downloadsFd; // downloads/: layer blobs in flight (registry/blob_fetch.h)

    [[nodiscard]] std::filesystem::path layerDir(std::string_view hex) const { return root / "layers" / hex; }
};

// Opens the store; with `create`, makes what is missing first. Without it
// a store that does not exist yet is ENOENT.
[[nodiscard]] Result<StoreDirs> openStore(const Paths& paths, bool create);

// The 64 hex digits of "sha256:<hex>", or of <hex> itself; EINVAL otherwise.
[[nodiscard]] Result<std::string> digestHex(std::string_view digest);

} // namespace berth::image_store
