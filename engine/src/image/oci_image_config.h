// The image config blob: what a container of the image runs and how.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <map>
#include <optional>
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
    // What the image store records and shows (issue #21).
    std::string stopSignal;                    // config.StopSignal, "" when none
    std::map<std::string, std::string> labels; // config.Labels
    std::int64_t created = 0;                  // "created" in seconds since the epoch; 0 when absent or unreadable
    std::string os, architecture, variant;     // the image's platform, "" when absent
};

// Seconds since the epoch of an RFC 3339 time ("2024-05-01T12:00:00.123Z",
// "...+02:00"); nullopt when it is not one.
[[nodiscard]] std::optional<std::int64_t> parseRfc3339(std::string_view text);

// Parses the config (OCI and docker use the same fields). `what` names it
// in messages. A missing "config" object gives an empty process config;
// fields of the wrong type are EINVAL naming them.
[[nodiscard]] Result<ImageConfig> parseImageConfig(std::string_view text, std::string_view what);

} // namespace berth::image
