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

// What the caller asks of the process over the image's config, as `docker
// run` does: unset or empty keeps the image's.
struct ProcessOverrides {
    std::vector<std::string> command; // replaces Cmd, follows the Entrypoint (docker run IMAGE COMMAND)
    // Replaces the Entrypoint and drops Cmd (--entrypoint); an empty one
    // leaves only `command`.
    std::optional<std::vector<std::string>> entrypoint;
    std::string workingDir; // -w
    std::string user;       // -u: "name", "uid", "uid:gid", "name:group"
};

// The command a container of the image runs, Docker's rule: the
// Entrypoint (or the one given) followed by the requested command, or by
// the image's Cmd when none is requested and the Entrypoint was not
// replaced. Empty when neither gives one.
[[nodiscard]] std::vector<std::string> composeCommand(const ImageConfig& image, const ProcessOverrides& overrides);

// The user the process runs as: the one given, else the image's User.
[[nodiscard]] std::string effectiveUser(const ImageConfig& image, const ProcessOverrides& overrides);

// `baseConfig` amended with the image's process settings:
// lxc.execute.cmd (application containers only; no command at all is
// EINVAL), lxc.environment per Env entry, lxc.init.cwd, lxc.init.uid and
// lxc.init.gid (when a user is named; `user` is effectiveUser() resolved),
// lxc.signal.halt from StopSignal, berth.image.expose, berth.image.id,
// berth.image.digest and berth.image.reference.
[[nodiscard]] Result<std::string> imageContainerConfig(std::string_view baseConfig, const ImageConfig& image,
                                                       const ProcessOverrides& overrides,
                                                       const std::optional<ImageUser>& user, const ImageOrigin& origin);

} // namespace berth::image
