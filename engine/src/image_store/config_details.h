// What the image store keeps of an image config beyond the process fields
// image/oci_image_config.h reads: platform, creation time, stop signal, labels.
#pragma once

#include "berth/error.h"
#include "image_store/image_record.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace berth::image_store {

// Fills the record's platform, created, stopSignal and labels from the
// config's JSON, and its process fields and diff IDs (parseImageConfig).
// Fields of the wrong type are EINVAL naming them.
[[nodiscard]] Status readConfigDetails(std::string_view configText, ImageRecord& record);

// Seconds since the epoch of an RFC 3339 time ("2024-01-02T03:04:05.123Z",
// "...+02:00"); nullopt when it is not one.
[[nodiscard]] std::optional<std::int64_t> parseRfc3339(std::string_view text);

} // namespace berth::image_store
