// The store as `berthctl images`, `image inspect`, `image rm` and
// `image prune` see it (Engine::images, image, removeImage, pruneImages).
#pragma once

#include "berth/error.h"
#include "berth/images.h"
#include "berth/paths.h"

#include <string>
#include <vector>

namespace berth::image_store {

// Every image, with sizes, shared layers and the containers made from it.
// No store yet: none.
[[nodiscard]] Result<std::vector<ImageInfo>> listImages(const Paths& paths);

// One image by name, id or id prefix (image_lookup.h).
[[nodiscard]] Result<ImageInfo> describeImage(const Paths& paths, const std::vector<std::string>& searchRegistries,
                                              const std::string& reference);

// Under the store's lock held exclusively. By a name of several: the name
// goes. By its last name or by id: the image goes (its record, manifest
// and config; its layers stay for `prune`), refused (EBUSY naming them)
// while containers use it.
[[nodiscard]] Status removeImage(const Paths& paths, const std::vector<std::string>& searchRegistries,
                                 const std::string& reference);

// Under the store's lock held exclusively: images no container uses that
// have no name (all of them with `all`), then every layer no image and no
// container's root filesystem names, manifests and configs of no image,
// downloads left behind and extractions a killed pull left.
[[nodiscard]] Result<PruneResult> pruneStore(const Paths& paths, bool all);

} // namespace berth::image_store
