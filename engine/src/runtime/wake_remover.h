// run --rm's removal belongs to the container: when a container marked
// berth.remove_when_stopped has stopped, its monitor runs the engine's
// wake command (the helper's: a bus message that starts a helper if none
// runs), so the removal happens even when the helper and the caller died.
#pragma once

#include "berth/engine.h"

#include <string>

namespace berth::runtime {

// Runs settings.wakeCommand (when set) if `name` is marked for removal; waits
// for it a few seconds at most, and reaps it (PID 1 may not).
void wakeRemover(const EngineSettings& settings, const std::string& name);

} // namespace berth::runtime
