// podman as a reference runtime, with a storage of the bench's own (--root,
// --runroot, --tmpdir under its directory, overlay, cgroupfs with the
// containers under the bench's cgroup parent, events to a file) and the
// image pulled from the bench's local registry (`podman pull
// --tls-verify=false`), the one Berth's image rows run: the same busybox
// rootfs as a one-layer image (rootfs_registry.h). Its OCI
// runtime is crun, which refuses this host's hybrid cgroups: podman runs
// in crun's mount namespace (CrunReference::enterArgv, where the cgroup2
// mount is hidden), so its rows carry nsenter's process start, as crun's
// row does. crun cannot set podman's default limits here (nofile 1048576
// is over this sandbox's hard limit, and even nproc at the sandbox's own
// hard limit is refused): the bench gives 1024 for both (--ulimit).
#pragma once

#include "command.h"

#include "berth/error.h"

#include <filesystem>
#include <string>

namespace berth::bench {

class PodmanReference {
public:
    PodmanReference() = default;
    PodmanReference(const PodmanReference&) = delete;
    PodmanReference& operator=(const PodmanReference&) = delete;
    // Removes its containers (podman rm -af -t 0).
    ~PodmanReference();

    // `enter` prefixes every podman command (nsenter into crun's namespace);
    // `image` ("127.0.0.1:PORT/REPO:TAG", plain http) is pulled once.
    [[nodiscard]] Status setUp(const std::filesystem::path& workDir, const std::string& image,
                               const std::string& cgroupParent, const Argv& enter);
    // A detached `sleep 3600` container named `name`, for exec.
    [[nodiscard]] Status startSleeper(const std::string& name);

    [[nodiscard]] Argv runArgv(const Argv& command) const;
    [[nodiscard]] Argv execArgv(const std::string& name, const Argv& command) const;

private:
    [[nodiscard]] Argv podman(const Argv& args) const;
    [[nodiscard]] Argv runOptions() const;

    Argv m_base;
    std::string m_image;
    std::string m_cgroupParent;
    std::filesystem::path m_log;
};

} // namespace berth::bench
