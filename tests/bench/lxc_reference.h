// lxc-execute as a reference runtime: LXC's own counterpart of an
// application container (its init.lxc as PID 1 runs the command).
#pragma once

#include "command.h"

#include <filesystem>
#include <string>

namespace berth::bench {

class LxcReference {
public:
    // Writes a config running on `rootfs` with no network and LXC's usual
    // proc/sys/dev mounts; its cgroups (monitor, payload, pivot) go under
    // `cgroupParent` so the bench's cleanup covers them.
    [[nodiscard]] Status setUp(const std::filesystem::path& workDir,
                               const std::filesystem::path& rootfs,
                               const std::string& cgroupParent);

    [[nodiscard]] Argv runArgv() const;

private:
    std::filesystem::path m_lxcPath;
    std::filesystem::path m_configFile;
};

} // namespace berth::bench
