// What the image store keeps of an image config: the process fields, the
// platform, the creation time, the stop signal, the labels and diff IDs.
#pragma once

#include "berth/error.h"
#include "image/oci_image_config.h"
#include "image_store/image_record.h"

#include <string_view>

namespace berth::image_store {

// Fills the record from the parsed config.
void takeConfig(image::ImageConfig config, ImageRecord& record);

// parseImageConfig, then takeConfig. Fields of the wrong type are EINVAL naming them.
[[nodiscard]] Status readConfigDetails(std::string_view configText, ImageRecord& record);

} // namespace berth::image_store
