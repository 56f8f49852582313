// Names of archive entries, checked before anything is written.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

namespace berth::image {

// Turns an entry name into a path relative to the root: "./" prefixes,
// "." components, repeated and trailing slashes go; "" is the root itself.
// Absolute names and ".." components are refused (EINVAL naming the entry)
// rather than stripped, because an archive that contains them was not made
// from a root filesystem and silently rewriting it hides an attack.
[[nodiscard]] Result<std::string> normalizeEntryPath(std::string_view name);

} // namespace berth::image
