// lxc-execute as a reference runtime: LXC's own counterpart of an
// application container (its init.lxc as PID 1 runs the command),
// privileged or in a user namespace with an idmapped rootfs (LXC's
// unprivileged path: lxc.idmap and lxc.rootfs.options = idmap=container).
#pragma once

#include "command.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace berth::bench {

class LxcReference {
public:
    explicit LxcReference(std::string name = "berth-bench-lxc") : m_name(std::move(name)) {}

    // Writes a config running on `rootfs` with no network and LXC's usual
    // proc/sys/dev mounts; its cgroups (monitor, payload, pivot) go under
    // `cgroupParent` so the bench's cleanup covers them. With `idBase`, the
    // container's root is host ID idBase (a block of 65536).
    [[nodiscard]] Status setUp(const std::filesystem::path& workDir, const std::filesystem::path& rootfs,
                               const std::string& cgroupParent, std::optional<std::uint32_t> idBase = std::nullopt);

    [[nodiscard]] Argv runArgv() const;
    // Runs `cat /proc/self/uid_map` once in the container: the host ID of its root.
    [[nodiscard]] Result<std::uint32_t> hostRoot() const;

private:
    std::string m_name;
    std::filesystem::path m_lxcPath;
    std::filesystem::path m_configFile;
    std::filesystem::path m_rootfs;
};

} // namespace berth::bench
