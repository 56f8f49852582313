// OCI layer whiteouts: applied while a layer is extracted onto the tree of
// the layers below it (the oci template), or stored as overlayfs expects
// them in a layer kept on its own (the image store).
#pragma once

#include "berth/error.h"

#include <string_view>

namespace berth::image {

// True when the last component of `path` starts with ".wh." (a plain
// whiteout, the opaque marker ".wh..wh..opq", or another reserved name).
[[nodiscard]] bool isWhiteout(std::string_view path);

// Handles one layer entry named `entryPath` (relative to the layer root, as
// it appears in the archive) against the tree at rootFd, before the entry
// would be extracted:
// - "dir/.wh.name": removes dir/name (recursively, never following a
//   symlink, refusing mount points) and consumes the entry;
// - "dir/.wh..wh..opq": removes everything inside dir, keeps dir, consumes;
// - other ".wh..wh.*" names (aufs bookkeeping) are consumed and ignored;
// - anything else is left alone and not consumed.
// Every path is resolved inside rootFd (symlinks and ".." cannot leave it).
// A whiteout of something that does not exist is consumed and does nothing,
// as a layer may hide what an earlier layer never had.
[[nodiscard]] Status applyLayerEntryWhiteout(int rootFd, std::string_view entryPath, bool* consumed);

// The same entry for a layer extracted on its own, to be an overlayfs lower
// (the image store): nothing below is touched, the whiteout is written as
// overlayfs reads it instead:
// - "dir/.wh.name": a character device 0:0 "dir/name" (an earlier entry of
//   that name in this layer is replaced), consumed;
// - "dir/.wh..wh..opq": xattr trusted.overlay.opaque = "y" on dir, consumed;
// - other ".wh..wh.*" names are consumed and ignored;
// - anything else is left alone and not consumed.
// A missing dir is made (0755), as its own entry may come later.
[[nodiscard]] Status storeLayerEntryWhiteout(int rootFd, std::string_view entryPath, bool* consumed);

} // namespace berth::image
