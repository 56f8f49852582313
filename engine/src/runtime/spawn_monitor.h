// Starting berth-monitor detached from the caller, and talking about its
// liveness: the monitor holds an flock on monitor.lock for as long as it runs.
#pragma once

#include "berth/engine.h"

#include <chrono>

namespace berth::runtime {

// Forks twice (the monitor is re-parented away from the caller, in a
// session of its own) and waits until the monitor reports the init running
// or why it could not start. Returns the init's pid.
[[nodiscard]] Result<pid_t> spawnMonitor(const EngineSettings& settings, const std::string& name,
                                         const std::vector<std::string>& commandOverride);

[[nodiscard]] bool monitorAlive(const Paths& paths, const std::string& name);
// Waits until the monitor has exited (its lock is free); false on timeout.
[[nodiscard]] bool waitMonitorGone(const Paths& paths, const std::string& name, std::chrono::milliseconds timeout);

} // namespace berth::runtime
