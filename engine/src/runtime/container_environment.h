#pragma once

#include <string>
#include <vector>

namespace berth::runtime {

// The environment of a container's init and of commands exec'd in it: a
// fixed base (PATH, TERM, HOME, container=berth), then the config's
// lxc.environment, then the caller's extra variables; later ones win.
[[nodiscard]] std::vector<std::string> containerEnvironment(const std::vector<std::string>& configured,
                                                            const std::vector<std::string>& extra);

} // namespace berth::runtime
