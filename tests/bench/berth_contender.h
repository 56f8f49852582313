// Berth itself, through the engine API: one busybox application container
// running /bin/true, started and waited for once per run; privileged (no
// user namespace) or unprivileged (a block of IDs of its own).
#pragma once

#include "berth/engine.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace berth::bench {

class BerthContender {
public:
    BerthContender(EngineSettings settings, std::string name = "bench-true", bool privileged = true);
    BerthContender(const BerthContender&) = delete;
    BerthContender& operator=(const BerthContender&) = delete;
    // Destroys the container (forced: a failed run may leave it running).
    ~BerthContender();

    [[nodiscard]] Status create();
    // start() to waitStopped(), in milliseconds; an error if /bin/true did not exit 0.
    [[nodiscard]] Result<double> runOnce();
    // The container's rootfs, which the reference runtimes run on as well.
    [[nodiscard]] std::filesystem::path rootfs() const;
    // The host ID of the container's root: 0 when privileged.
    [[nodiscard]] Result<std::uint32_t> hostRoot();

private:
    // Gives the container `base`'s block when the engine gave it none.
    [[nodiscard]] Status ensureIdMap(std::uint32_t base);

    Engine m_engine;
    std::string m_name;
    bool m_privileged;
    bool m_created = false;
};

} // namespace berth::bench
