// A container whose monitor is gone (killed, crashed) while what it started
// may still run. Judged by the container's cgroup, which a recycled pid in
// a file cannot fake, and ended only by an explicit stop or forced destroy.
#pragma once

#include "berth/engine.h"

#include <string>
#include <vector>

#include <sys/types.h>

namespace berth {

// What clients are told about a container whose monitor died.
inline constexpr std::string_view kMonitorEnded = "the monitor ended unexpectedly";
inline constexpr std::string_view kMonitorLost =
    "its monitor was lost (killed) while the container still runs: exec and the console are gone with it; "
    "stop ends the container";

// The processes in `name`'s cgroup (where its state file, when readable,
// says it is), sorted; empty when none or no cgroup. Only meaningful once
// no monitor holds the container's lock: a monitor makes the cgroup after
// taking it and removes it before letting go.
[[nodiscard]] std::vector<pid_t> processesLeftBehind(const EngineSettings& settings, const std::string& name);

// Why a request to the monitor (exec, console, kill) cannot be made: the
// container is not running, or runs without its monitor (EBUSY, saying how
// to recover).
[[nodiscard]] Status noMonitorError(const EngineSettings& settings, const std::string& name);

// A dead monitor's teardown, done for it: kills what the cgroup holds and
// removes it, then the host ends, DNS entries and port forwards, and
// records the container stopped. Nothing when it stopped cleanly. An error
// when the cgroup could not be emptied (the container may still run).
[[nodiscard]] Status cleanUpAfterDeadMonitor(const EngineSettings& settings, const std::string& name);

// At the helper's start: each container whose monitor died and whose
// cgroup holds nothing any more (an application whose command ended with
// its console) gets the dead monitor's teardown. An unmanaged one, still
// running, is left alone. Returns the run directories it cleaned.
[[nodiscard]] std::vector<std::string> finishDeadMonitorsTeardown(const EngineSettings& settings);

} // namespace berth
