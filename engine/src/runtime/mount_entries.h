// lxc.mount.entry lines, applied inside the container's rootfs.
#pragma once

#include "berth/error.h"

#include <string>
#include <vector>

namespace berth::runtime {

struct MountRequest {
    std::string source; // host path for binds, a device or fs name otherwise
    std::string target; // relative to the rootfs
    std::string fstype;
    unsigned long flags = 0;       // MS_* from the options
    std::string data;              // options the kernel's filesystem parses
    unsigned long propagation = 0; // MS_PRIVATE/SLAVE/SHARED/UNBINDABLE (| MS_REC), applied after mounting
    bool sourceInRootfs = false;   // LXC's "relative": the source is a path inside the rootfs
    bool bind = false;
    bool recursive = false;
    bool optional = false; // a failure is skipped, as LXC's "optional"
    bool createDir = false;
    bool createFile = false;
};

// Targets resolve strictly inside the rootfs: one that climbs out through
// ".." or a symlink is an error naming it, before anything is mounted.
[[nodiscard]] Status applyMountEntries(int rootFd, const std::vector<MountRequest>& entries);

} // namespace berth::runtime
