// The container's private /dev: a tmpfs with the few devices a container
// needs, its own devpts instance, /dev/shm, and the console and ttys bound
// to ptys whose masters the monitor holds.
#pragma once

#include "berth/error.h"

#include <string>
#include <vector>

namespace berth::runtime {

struct DevSetup {
    // Slaves by path ("/dev/pts/3"), not fd: an fd opened before the mount
    // namespace was unshared names a mount of the host's namespace, which
    // the kernel refuses as a bind source.
    std::string consoleSlavePath;           // bound onto /dev/console
    std::vector<std::string> ttySlavePaths; // bound onto /dev/tty1..N
    unsigned ptyMax = 0;                    // devpts max=, 0 = kernel default
    // In a user namespace of its own the container's root cannot mknod:
    // the host's nodes are bound in straight away (as LXC does).
    bool bindHostNodes = false;
};

[[nodiscard]] Status setupDev(int rootFd, const DevSetup& setup);

} // namespace berth::runtime
