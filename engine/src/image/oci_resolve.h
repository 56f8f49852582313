// From an image directory (OCI layout or extracted `docker save`) to the
// image to build: its config and its layers in order, every document
// checked against its digest on the way.
#pragma once

#include "berth/error.h"
#include "image/oci_container_config.h"
#include "image/oci_image_config.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

// A layer blob: where it is in the directory and what it must hash to.
struct LayerRef {
    std::string path;
    std::string digest;
    std::optional<std::uint64_t> size;
};

struct ResolvedImage {
    ImageConfig config;
    ImageOrigin origin;
    std::vector<LayerRef> layers;
};

// An OCI layout (index.json; docker >= 25 writes one too) is preferred
// over a classic manifest.json. `reference` picks among several images.
// Neither file: EINVAL.
[[nodiscard]] Result<ResolvedImage> resolveImage(int layoutFd, std::string_view reference);

} // namespace berth::image
