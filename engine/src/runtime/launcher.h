// The monitor's side of starting a container: clone with new namespaces,
// place the child in its cgroup, let it set up, learn whether exec worked.
#pragma once

#include "runtime/launch_plan.h"

#include "berth/unique_fd.h"

#include <functional>
#include <vector>

#include <sys/types.h>

namespace berth::runtime {

struct LaunchedInit {
    pid_t pid = 0; // in the monitor's pid namespace
    UniqueFd pidfd;
    std::vector<int> hostLinks; // createHostSide's ifindexes, in the order of plan.network.interfaces
};

// `placeInCgroup` runs between clone and the child's setup: the child must
// be in its cgroup before it enters its cgroup namespace. The seccomp
// filter is compiled while the child mounts its filesystems, then sent to it.
[[nodiscard]] Result<LaunchedInit> launchContainer(const LaunchPlan& plan,
                                                   const std::function<Status(pid_t)>& placeInCgroup);

} // namespace berth::runtime
