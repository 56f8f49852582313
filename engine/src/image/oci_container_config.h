// What an image's config says about running it, written into the config
// of the application container created from it.
#pragma once

#include "berth/error.h"
#include "image/oci_image_config.h"
#include "image/oci_user.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

// Where the image came from, recorded as berth.image.* keys.
struct ImageOrigin {
    std::string id;        // the config's digest (docker's image ID)
    std::string digest;    // the manifest's digest; empty for a classic docker archive
    std::string reference; // the reference the caller asked for, if any
};

// The command a container of the image runs: `requested` when given (it
// replaces the image's whole command, entrypoint included), else
// Entrypoint followed by Cmd. Empty when neither gives one.
[[nodiscard]] std::vector<std::string> composeCommand(const ImageConfig& image,
                                                      const std::vector<std::string>& requested);

// `baseConfig` amended with the image's process settings:
// lxc.execute.cmd (application containers only; no command at all is
// EINVAL), lxc.environment per Env entry, lxc.init.cwd, lxc.init.uid and
// lxc.init.gid (when the image names a user), berth.image.expose,
// berth.image.id, berth.image.digest and berth.image.reference.
[[nodiscard]] Result<std::string> imageContainerConfig(std::string_view baseConfig, const ImageConfig& image,
                                                       const std::vector<std::string>& requested,
                                                       const std::optional<ImageUser>& user, const ImageOrigin& origin);

} // namespace berth::image
