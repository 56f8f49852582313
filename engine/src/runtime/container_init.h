// The child side of clone(): sets up the container from inside its new
// namespaces and execs its init.
#pragma once

#include "runtime/launch_plan.h"

namespace berth::runtime {

// Waits for the monitor's go-ahead on syncFd (sent once the child is in its
// cgroup), sets everything up and execs. On failure it reports the error on
// syncFd and exits; on success syncFd closes on exec.
[[noreturn]] void runContainerInit(const LaunchPlan& plan, int syncFd);

} // namespace berth::runtime
