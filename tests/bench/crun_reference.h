// crun as a reference runtime. On this machine crun refuses hybrid cgroups
// ("cgroups in hybrid mode not supported"), so it runs in a mount namespace
// of its own, kept alive by a bind-mounted namespace file, where the
// cgroup2 mount at /sys/fs/cgroup/unified is unmounted. Entering that
// namespace costs a process start: baselineArgv() times exactly that cost.
#pragma once

#include "command.h"

#include <filesystem>
#include <string>

namespace berth::bench {

class CrunReference {
public:
    CrunReference() = default;
    CrunReference(const CrunReference&) = delete;
    CrunReference& operator=(const CrunReference&) = delete;
    // Unbinds the namespace file; the namespace ends with its last user.
    ~CrunReference();

    // Writes an OCI bundle under workDir running /bin/true on `rootfs`, in a
    // cgroup under `cgroupParent`, and prepares the mount namespace.
    [[nodiscard]] Status setUp(const std::filesystem::path& workDir, const std::filesystem::path& rootfs,
                               const std::string& cgroupParent);

    [[nodiscard]] Argv runArgv() const;
    [[nodiscard]] Argv baselineArgv() const;
    // `nsenter --mount=NSFILE`: what runs after it runs in crun's namespace.
    [[nodiscard]] Argv enterArgv() const;

private:
    [[nodiscard]] Status writeBundle(const std::filesystem::path& rootfs, const std::string& cgroupParent) const;
    [[nodiscard]] Status createNamespace();

    std::filesystem::path m_bundle;
    std::filesystem::path m_stateDir;
    std::filesystem::path m_nsFile;
    bool m_nsBound = false;
};

} // namespace berth::bench
