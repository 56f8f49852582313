// Removing what no image and no container needs from the store: unused
// layers, unreferenced blobs, downloads left behind, dead extractions. Run
// with the store's lock held exclusively (no pull is running).
#pragma once

#include "berth/images.h"
#include "berth/paths.h"
#include "image_store/image_record.h"
#include "image_store/image_users.h"
#include "image_store/store_dirs.h"

#include <string>
#include <vector>

namespace berth::image_store {

// The manifest and config of `removed` unless another of `records` has them.
void removeUnreferencedBlobs(const StoreDirs& dirs, const std::vector<ImageRecord>& records,
                             const ImageRecord& removed);

// Layers no record of `kept` and no user names (each moved aside to a
// .tmp- name first, so a removal cut short never leaves a half layer under
// a real name), blobs no record of `kept` names, every download and every
// layers/.tmp-* tree. Removed layers and freed bytes go into `result`;
// entries that cannot be removed are skipped (the next prune tries again).
void sweepUnreferenced(const StoreDirs& dirs, const std::vector<ImageRecord>& kept, const std::vector<StoreUser>& users,
                       PruneResult& result);

// layers/.tmp-* when the store's lock can be taken exclusively at once.
[[nodiscard]] std::vector<std::string> sweepTempTrees(const StoreDirs& dirs);

// At start: extractions (layers/.tmp-*) a killed pull left, when no pull
// runs (the store's lock is free). The paths removed. No store: none.
[[nodiscard]] std::vector<std::string> sweepStore(const Paths& paths);

} // namespace berth::image_store
