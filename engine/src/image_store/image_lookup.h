// Which record of the store a reference names, as `docker image` commands
// read one: a name (short names through the search registries), the full
// id ("sha256:<hex>" or <hex>), or a unique prefix of 12 or more hex digits.
#pragma once

#include "berth/error.h"
#include "image_store/image_record.h"

#include <string>
#include <string_view>
#include <vector>

namespace berth::image_store {

struct Found {
    std::size_t index = 0; // into the records given
    std::string name;      // the fully qualified name it matched; "" when found by id
};

// Names are tried first (a 12-digit hex string is a valid repository name),
// then ids. ENOENT "no image 'x' in the store"; EINVAL for a reference that
// is neither a name nor an id; an id prefix of several images is EINVAL too.
[[nodiscard]] Result<Found> findRecord(const std::vector<ImageRecord>& records,
                                       const std::vector<std::string>& searchRegistries, std::string_view reference);

} // namespace berth::image_store
