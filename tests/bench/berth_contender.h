// Berth itself, through the engine API: one busybox application container
// running /bin/true, started and waited for once per run.
#pragma once

#include "berth/engine.h"

#include <filesystem>
#include <string>

namespace berth::bench {

class BerthContender {
public:
    explicit BerthContender(EngineSettings settings);
    BerthContender(const BerthContender&) = delete;
    BerthContender& operator=(const BerthContender&) = delete;
    // Destroys the container (forced: a failed run may leave it running).
    ~BerthContender();

    [[nodiscard]] Status create();
    // start() to waitStopped(), in milliseconds; an error if /bin/true did not exit 0.
    [[nodiscard]] Result<double> runOnce();
    // The container's rootfs, which the reference runtimes run on as well.
    [[nodiscard]] std::filesystem::path rootfs() const;

private:
    Engine m_engine;
    std::string m_name = "bench-true";
    bool m_created = false;
};

} // namespace berth::bench
