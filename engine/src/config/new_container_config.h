// The config a new container starts with.
#pragma once

#include "berth/engine.h"

#include <filesystem>
#include <string>

namespace berth {

// System containers get a getty on tty1 besides the console.
inline constexpr unsigned kSystemContainerTtys = 1;

// Quotes one argument so splitCommandLine() gives it back unchanged.
[[nodiscard]] std::string quoteArgument(const std::string& arg);

// LXC-format config text for a container created from `request` whose
// rootfs will live at `rootfs`.
[[nodiscard]] std::string newContainerConfig(const CreateRequest& request, const std::filesystem::path& rootfs);

} // namespace berth
