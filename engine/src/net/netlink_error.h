// Link name checks and the translation of libnl's error codes into the
// engine's errno-like errors.
#pragma once

#include "berth/error.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace berth::net {

// What the kernel's dev_valid_name() accepts: 1..15 bytes (IFNAMSIZ - 1),
// not "." or "..", no '/', ':' or whitespace. EINVAL naming the link otherwise.
[[nodiscard]] Status validateLinkName(std::string_view name);

// errno for a (negative or positive) libnl error code: NLE_EXIST -> EEXIST,
// NLE_OBJ_NOTFOUND -> ENODEV, ...; EIO for codes without an errno twin.
[[nodiscard]] int errnoFromNetlink(int nlError);

// "what: File exists" for a libnl error code.
[[nodiscard]] Error netlinkError(int nlError, std::string_view what);

// "00:16:3e:12:34:56" (either case) to bytes; EINVAL otherwise.
[[nodiscard]] Result<std::array<std::uint8_t, 6>> parseMacAddress(std::string_view text);

// "'name'" for messages: user-controlled strings are quoted.
[[nodiscard]] std::string quotedName(std::string_view name);

} // namespace berth::net
