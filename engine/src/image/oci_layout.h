// Files and blobs of an image laid out in a directory (an OCI image layout,
// or an extracted `docker save` archive), opened strictly inside it.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace berth::image {

// Opens the regular file `path` (relative, from the image: untrusted)
// inside layoutFd: symlinks and ".." cannot leave it. ENOENT when missing,
// EINVAL when it is not a regular file.
[[nodiscard]] Result<UniqueFd> openLayoutFile(int layoutFd, std::string_view path);

// Whether `path` exists inside the layout (as anything).
[[nodiscard]] bool layoutHas(int layoutFd, std::string_view path);

// The text of a small file of the layout (index.json, manifest.json).
[[nodiscard]] Result<std::string> readLayoutText(int layoutFd, std::string_view path);

// "blobs/sha256/<hex>" for a digest (EINVAL for a bad one).
[[nodiscard]] Result<std::string> blobPath(std::string_view digest);

// Opens `path` and checks its content against `digest` and `size` (unset:
// not checked). A missing file is ENOENT and a mismatch EINVAL, both
// naming the digest. The returned fd reads from the start.
[[nodiscard]] Result<UniqueFd> openVerified(int layoutFd, std::string_view path, std::string_view digest,
                                            std::optional<std::uint64_t> size);

// openVerified for a small JSON document, read whole.
[[nodiscard]] Result<std::string> readVerified(int layoutFd, std::string_view path, std::string_view digest,
                                               std::optional<std::uint64_t> size);

} // namespace berth::image
