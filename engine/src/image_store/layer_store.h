// One layer into the store: a verified (compressed) blob extracted into
// layers/<diff-id hex>/, an overlayfs lower of every image that has it.
#pragma once

#include "berth/error.h"
#include "berth/templates.h"
#include "image_store/store_dirs.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace berth::image_store {

struct StoredLayer {
    std::uint64_t bytes = 0; // on disk
    bool existed = false;    // already in the store (or made meanwhile by another pull)
};

[[nodiscard]] bool layerExists(const StoreDirs& dirs, std::string_view diffId);

// Extracts the blob read from `blobFd` (tar, tar+gzip, tar+zstd, ... as
// libarchive's built-in decompressors know them; from its current offset)
// into layers/.tmp-<hex>-<random>/ with the safe extraction of
// image/archive_extract.h (no "..", no absolute paths, nothing through a
// symlink, no device nodes) and overlayfs whiteouts (image/whiteouts.h's
// storeLayerEntryWhiteout), while hashing the uncompressed stream. Only
// when that hash is `diffId` (the image config's rootfs.diff_ids entry) is
// the tree synced and renamed to layers/<hex>: a layer under a diff ID its
// bytes do not have would poison every image that shares the key. Any
// failure or a cancel (ECANCELED, checked as blocks are read) removes the
// temporary tree. When another pull renamed the same layer in first, ours
// is dropped and theirs kept. `progress.item()` reports "extracting" with
// the compressed bytes read of `blobSize` under `itemId`.
[[nodiscard]] Result<StoredLayer> storeLayer(const StoreDirs& dirs, int blobFd, std::string_view diffId,
                                             std::uint64_t blobSize, std::string_view itemId, const Progress& progress);

// The bytes layers/<hex> takes on disk, from its .size file (measured again
// when that is missing or damaged).
[[nodiscard]] Result<std::uint64_t> layerBytes(const StoreDirs& dirs, std::string_view hex);

} // namespace berth::image_store
