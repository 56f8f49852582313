// A file of an overlay's merged view read from its layers, without
// mounting it: the image template looks up the user database of an image
// this way, so creating a container reads a few files, never the layers'
// whole trees.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

// The regular file at `path` ("/etc/passwd") as overlayfs would show it
// over `layersTopFirst` (trees with overlayfs whiteouts: a character
// device 0:0 hides a name, trusted.overlay.opaque = "y" hides what lower
// layers have below a directory). Nothing when the merged view has no
// such file. A directory on the way that is a symlink in a layer ends the
// search there (nothing): image user databases do not live behind one.
// Read up to `limit` bytes.
[[nodiscard]] Result<std::optional<std::string>> readMergedFile(
    const std::vector<std::filesystem::path>& layersTopFirst, std::string_view path,
    std::size_t limit = std::size_t{1} << 20);

} // namespace berth::image
