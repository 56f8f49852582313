// Limits in a container's config: LXC's lxc.cgroup2.* and legacy
// lxc.cgroup.* keys, both accepted whatever the host runs.
//
// CONTRACT (issue #3): written by the limits engineer; ContainerSpec and
// the engine's SetLimits use it. Keep the names.
#pragma once

#include "berth/config.h"
#include "berth/error.h"
#include "berth/limits.h"

namespace berth::cgroup {

// Every lxc.cgroup2.* / lxc.cgroup.* key the config has, translated by the
// documented rules (units K/M/G, "max", memsw, quota/period; cpu.shares and
// blkio.weight kept as given, in their own fields);
// an unknown cgroup key or a malformed value is an error naming the key and
// its line ("config:9: lxc.cgroup.memory.limit_in_bytes: 'lots' is not a size").
[[nodiscard]] Result<Limits> limitsFromConfig(const Config& config);

// Writes the set fields of `limits` into `config`: a key already there (in
// either family) is updated in place in its own family's syntax, otherwise
// an lxc.cgroup2.* key is appended; a weight goes to its own family's key
// (and the other family's goes). Fields left unset are not touched.
[[nodiscard]] Status storeLimitsInConfig(Config& config, const Limits& limits);

} // namespace berth::cgroup
