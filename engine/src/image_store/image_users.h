// The containers that use the image store: those whose root filesystem is
// an overlay with lowers in layers/ (made from an image, or a snapshot of
// one). Containers being created count; destroyed ones being removed do
// not (their layers are no longer read).
#pragma once

#include "berth/error.h"
#include "berth/paths.h"

#include <set>
#include <string>
#include <vector>

namespace berth::image_store {

struct StoreUser {
    std::string container;        // its name; for a creation in progress, the name it will have
    std::string imageId;          // berth.image.id, "" when none
    std::set<std::string> layers; // hex of each store layer its rootfs reads
};

// Reads every container's config (and those of creations in progress).
// Missing containers directory: none.
[[nodiscard]] Result<std::vector<StoreUser>> storeUsers(const Paths& paths);

// The containers among `users` made from image `id`, sorted.
[[nodiscard]] std::vector<std::string> usersOf(const std::vector<StoreUser>& users, const std::string& id);

} // namespace berth::image_store
