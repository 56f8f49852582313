// What the oci and image templates share: the caller's process overrides
// (docker run's COMMAND, --entrypoint, -w, -u), the image user's lookup in
// the image's own user database, and the check of the config they write.
#pragma once

#include "berth/engine.h"
#include "image/oci_container_config.h"
#include "image/oci_user.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace berth::templates {

[[nodiscard]] image::ProcessOverrides processOverrides(const CreateRequest& request);

// Reads a file of the image's tree; an empty string when it has none.
using ImageFileReader = std::function<Result<std::string>(std::string_view path)>;

// Names in `user` are looked up in the image's /etc/passwd and /etc/group;
// nothing for an empty user.
[[nodiscard]] Result<std::optional<image::ImageUser>> lookUpImageUser(const std::string& user,
                                                                      const ImageFileReader& read);

// The runtime reads the config back at every start: what it would refuse
// (an Env name it does not accept, say) is refused now, before anything exists.
[[nodiscard]] Status checkImageContainerConfig(const std::string& text);

} // namespace berth::templates
