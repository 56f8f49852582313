// Starting berth-monitor detached from the caller, and talking about its
// liveness: the monitor holds an flock on monitor.lock for as long as it runs.
#pragma once

#include "berth/engine.h"
#include "berth/unique_fd.h"

#include <chrono>

namespace berth::runtime {

// Forks twice (the monitor is re-parented away from the caller, in a
// session of its own) and waits until the monitor reports the init running
// or why it could not start. Returns the init's pid.
[[nodiscard]] Result<pid_t> spawnMonitor(const EngineSettings& settings, const std::string& name,
                                         const std::vector<std::string>& commandOverride);

// The two halves of spawnMonitor, for spare monitors (spare_monitor.h).
struct SpawnedMonitor {
    pid_t first = -1;   // forks the monitor proper and exits; reaped by awaitMonitorReport
    UniqueFd report;    // where the monitor reports the start
    std::string binary; // for messages
};
// `name` empty: a spare, which reads its container from `assignmentFd`
// (its fd 4) before it does anything for one.
[[nodiscard]] Result<SpawnedMonitor> spawnMonitorProcess(const EngineSettings& settings, const std::string& name,
                                                         const std::vector<std::string>& commandOverride,
                                                         int assignmentFd);
[[nodiscard]] Result<pid_t> awaitMonitorReport(SpawnedMonitor& spawned);

[[nodiscard]] bool monitorAlive(const Paths& paths, const std::string& name);
// Waits until the monitor has exited (its lock is free); false on timeout.
[[nodiscard]] bool waitMonitorGone(const Paths& paths, const std::string& name, std::chrono::milliseconds timeout);

} // namespace berth::runtime
