// Berth's image store (issue #21), as the rest of the engine sees it:
// images pulled from registries, each layer extracted once under
// Paths::imagesDir()/layers/<diff-id hex>, shared by every container made
// from an image that has it.
#pragma once

#include "berth/error.h"
#include "berth/paths.h"
#include "image/oci_image_config.h"

#include "berth/unique_fd.h"

#include <filesystem>
#include <string>
#include <vector>

namespace berth::image_store {

// An image of the store as a container is made from it.
struct StoredImage {
    std::string id;             // the config's digest
    std::string manifestDigest; // "" when unknown
    std::string name;           // the fully qualified name it was found by; "" when found by id
    image::ImageConfig config;  // the process fields and diff IDs
    std::string stopSignal;     // the config's StopSignal, "" when none
    // The extracted layers, bottom first: absolute paths of read-only trees
    // with overlayfs whiteouts, owned by the image's own IDs. A layer the
    // image has twice is listed once, at its topmost place.
    std::vector<std::filesystem::path> layerDirs;
};

// The store's lock held shared while a container is made from an image, so
// that `image rm` and `prune` (which take it exclusively and then look at
// every container's berth.image.id) cannot remove the image in between.
// Released when it goes away.
class UseLock {
public:
    UseLock() = default;
    explicit UseLock(UniqueFd fd) : m_fd(std::move(fd)) {}

private:
    UniqueFd m_fd;
};

// Finds an image in the store by name (short names resolve), id or unique
// id prefix (12+ hex digits) and takes the store's lock shared. ENOENT when
// the store has none (the caller may pull and ask again).
[[nodiscard]] Result<std::pair<StoredImage, UseLock>> findForUse(const Paths& paths,
                                                                 const std::vector<std::string>& searchRegistries,
                                                                 const std::string& reference);

} // namespace berth::image_store
