// The helper as the benches that call it run it: activated on the system
// tests' private bus (tests/system/system_bus.h) over the bench's own state
// root and cgroup parent, never idle-exiting while the bench runs, and
// BERTH_BUS_ADDRESS naming that bus for the clients the bench starts.
#pragma once

#include "system_bus.h"

#include "berth/error.h"

#include <filesystem>
#include <string>

namespace berth::bench {

[[nodiscard]] Status startBenchBus(test::SystemBus& bus, const std::filesystem::path& stateRoot,
                                   const std::string& cgroupParent);

} // namespace berth::bench
