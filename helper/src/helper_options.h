// berth-helper's command line. The activation file passes none of it in
// production; tests point the helper at a temporary root.
#pragma once

#include "berth/engine.h"
#include "berth/error.h"

#include <chrono>
#include <string>
#include <vector>

namespace berth::helper {

struct HelperOptions {
    std::filesystem::path root = "/";
    std::string cgroupParent = kDefaultCgroupParent;
    std::filesystem::path libexecDir;     // empty: the installed one
    std::chrono::seconds idleTimeout{60}; // 0: never exit on idle
    // Not a service run: bring every network down and exit (the package's
    // prerm, once the containers stopped).
    bool stopNetworks = false;
};

// --root DIR, --cgroup-parent NAME, --libexec-dir DIR, --idle-timeout SECONDS
// (0..86400), --stop-networks (no value). `idleEnv` is BERTH_HELPER_IDLE_TIMEOUT (nullptr when unset);
// the command line wins over it.
[[nodiscard]] Result<HelperOptions> parseHelperOptions(const std::vector<std::string>& args, const char* idleEnv);

[[nodiscard]] EngineSettings engineSettings(const HelperOptions& options);

// The monitors' wake command (EngineSettings::wakeCommand): a message to the
// helper's name on the bus at `busAddress` (empty: the system bus), which
// starts a helper when none runs; its start removes what is marked.
[[nodiscard]] std::vector<std::string> wakeCommand(const std::string& busAddress);

} // namespace berth::helper
