// Checks every Engine operation starts with.
#pragma once

#include "berth/engine.h"
#include "store/container_lock.h"

namespace berth {

// EINVAL for an invalid name, ENOENT for a container that does not exist.
[[nodiscard]] Status checkContainerExists(const Paths& paths, const std::string& name);
// checkContainerExists, then the container's lock (EBUSY when held).
[[nodiscard]] Result<ContainerLock> lockExistingContainer(const Paths& paths, const std::string& name);
// ESRCH "container 'x' is not running".
[[nodiscard]] Status notRunningError(const std::string& name);
// EEXIST when another container forwards the forward's host port, or a
// process of the host listens on it (engine_network.cpp).
[[nodiscard]] Status checkForwardFree(const EngineSettings& settings, const std::string& name,
                                      const std::string& forward);

} // namespace berth
