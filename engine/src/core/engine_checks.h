// Checks every Engine operation starts with.
#pragma once

#include "berth/engine.h"

namespace berth {

// EINVAL for an invalid name, ENOENT for a container that does not exist.
[[nodiscard]] Status checkContainerExists(const Paths& paths, const std::string& name);
// ESRCH "container 'x' is not running".
[[nodiscard]] Status notRunningError(const std::string& name);

} // namespace berth
