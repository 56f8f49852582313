// /etc/hostname and /etc/hosts inside the container's rootfs.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

namespace berth::runtime {

// Writes /etc/hostname and makes /etc/hosts name the host (127.0.1.1),
// keeping the file's other lines. Does nothing when the rootfs has no /etc.
[[nodiscard]] Status writeHostFiles(int rootFd, std::string_view hostname);

// Replaces /etc/resolv.conf (through a symlink only within the rootfs).
// Does nothing when the rootfs has no /etc.
[[nodiscard]] Status writeResolvConf(int rootFd, std::string_view text);

// The hosts file text with the 127.0.1.1 line set to `hostname` (pure, for tests).
[[nodiscard]] std::string updatedHosts(std::string_view current, std::string_view hostname);

} // namespace berth::runtime
