// The root password of a new system container: hashed with crypt(3) and
// written into the rootfs's /etc/shadow.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

namespace berth::templates {

// A yescrypt hash ("$y$...") of `password` with a fresh random salt.
[[nodiscard]] Result<std::string> hashPassword(std::string_view password);

// The shadow file text with `user`'s password field set to `hash` and its
// "last changed" field to `daysSinceEpoch`; every other line and field is
// kept byte for byte. ENOENT when the user has no line; EINVAL for a hash
// that contains ':' or a newline.
[[nodiscard]] Result<std::string> shadowWithPassword(std::string_view shadow, std::string_view user,
                                                     std::string_view hash, long daysSinceEpoch);

// Sets root's password in `readRootFd`'s /etc/shadow and writes the file
// into `writeRootFd` (the same rootfs, or a snapshot's upper directory
// whose etc/ exists), keeping the original's owner and mode.
[[nodiscard]] Status setRootPassword(int readRootFd, int writeRootFd, std::string_view password);

} // namespace berth::templates
