// A berth-monitor made ready ahead of need (EngineSettings::spareMonitor):
// executed, loaded and relocated, it waits for the name of the container it
// is to run. A start through it does not wait for the monitor's own
// start-up (about 5 ms of every start here, tests/bench/README.md); the
// next spare is made once the start has been reported, on a thread of its
// own (the start's caller does not wait for it). A spare that was
// never used ends when its engine goes (it reads the end of its assignment
// socket), so a helper that exits takes it along.
#pragma once

#include "runtime/spawn_monitor.h"

#include <memory>
#include <mutex>
#include <optional>

namespace berth::runtime {

class SpareMonitor : public std::enable_shared_from_this<SpareMonitor> {
public:
    explicit SpareMonitor(EngineSettings settings) : m_settings(std::move(settings)) {}
    ~SpareMonitor();
    SpareMonitor(const SpareMonitor&) = delete;
    SpareMonitor& operator=(const SpareMonitor&) = delete;

    // As spawnMonitor, through the spare when one is ready.
    [[nodiscard]] Result<pid_t> start(const std::string& name, const std::vector<std::string>& commandOverride);

private:
    struct Ready {
        SpawnedMonitor process;
        UniqueFd assignment; // our end; the spare reads its container from the other
    };

    [[nodiscard]] std::optional<Ready> take();
    // The container's name, then each word of the command override, each
    // ended by a NUL; the end of the stream is the end of the assignment.
    // False unless the spare answers "taken" (it died first: nothing done).
    [[nodiscard]] static bool assign(Ready& spare, const std::string& name,
                                     const std::vector<std::string>& commandOverride);
    void makeReady();
    // makeReady on a detached thread that holds this object alive.
    void makeReadySoon();

    const EngineSettings m_settings;
    std::mutex m_mutex;
    std::optional<Ready> m_ready;
};

} // namespace berth::runtime
