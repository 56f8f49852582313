// The image config blob: what a container of the image runs and how.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

struct ImageConfig {
    std::vector<std::string> entrypoint;
    std::vector<std::string> cmd;
    std::vector<std::string> env; // "KEY=VALUE"
    std::string workingDir;
    std::string user;                      // "", "1000", "1000:100", "name", "name:group"
    std::vector<std::string> exposedPorts; // "80/tcp", sorted
    std::vector<std::string> diffIds;      // rootfs.diff_ids: digests of the uncompressed layers
};

// Parses the config (OCI and docker use the same fields). `what` names it
// in messages. A missing "config" object gives an empty process config;
// fields of the wrong type are EINVAL naming them.
[[nodiscard]] Result<ImageConfig> parseImageConfig(std::string_view text, std::string_view what);

} // namespace berth::image
