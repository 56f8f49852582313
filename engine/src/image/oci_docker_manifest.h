// The manifest.json of a classic `docker save` archive: one entry per
// image, naming its config file, its tags and its layer tars by path.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

struct DockerImageEntry {
    std::string config;                // "<hex>.json" or "blobs/sha256/<hex>"
    std::vector<std::string> repoTags; // "busybox:latest"
    std::vector<std::string> layers;   // "<id>/layer.tar" or "blobs/sha256/<hex>"
};

[[nodiscard]] Result<std::vector<DockerImageEntry>> parseDockerManifest(std::string_view text);

// The entry whose RepoTags hold `reference` (also with docker's implicit
// "docker.io/library/" written out); empty reference: the only entry.
// Several without a reference: EINVAL listing them; no match: ENOENT.
[[nodiscard]] Result<DockerImageEntry> selectDockerImage(const std::vector<DockerImageEntry>& images,
                                                         std::string_view reference);

// The config's digest from its file name ("<hex>.json" or
// "blobs/sha256/<hex>"): docker names it by its sha256, the image ID.
// EINVAL when the name does not carry one.
[[nodiscard]] Result<std::string> dockerConfigDigest(std::string_view configPath);

} // namespace berth::image
