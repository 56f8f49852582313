// A container's usage figures read from its cgroup files (v1 and v2).
// Files a host lacks (a controller not mounted or not enabled, an older
// kernel) leave their fields at the defaults; anything else unreadable or
// malformed is an error naming the file.
#pragma once

#include "berth/error.h"
#include "berth/stats.h"
#include "cgroup/layout.h"

#include <filesystem>
#include <vector>

namespace berth::cgroup {

// From the container's one v2 directory.
[[nodiscard]] Result<ContainerStats> readV2Stats(const std::filesystem::path& dir);
// From the container's directories in the v1 controller hierarchies.
[[nodiscard]] Result<ContainerStats> readV1Stats(const std::vector<Placement>& placements);

} // namespace berth::cgroup
