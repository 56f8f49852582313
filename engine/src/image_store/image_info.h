// ImageInfo of records: sizes from the layers' .size files, layers shared
// with other images, the containers made from each.
#pragma once

#include "berth/error.h"
#include "berth/images.h"
#include "image_store/image_record.h"
#include "image_store/image_users.h"
#include "image_store/store_dirs.h"

#include <vector>

namespace berth::image_store {

[[nodiscard]] std::vector<ImageInfo> describeRecords(const StoreDirs& dirs, const std::vector<ImageRecord>& records,
                                                     const std::vector<StoreUser>& users);

} // namespace berth::image_store
