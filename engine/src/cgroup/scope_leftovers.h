// The part of a delegated scope's path that Berth makes itself. On a legacy
// or hybrid host systemd realizes a scope only in the hierarchies it manages
// (name=systemd or cgroup2, and the v1 controllers it knows: cpu, memory,
// pids, ...); in cpuset, freezer and the like the scope's directories are
// Berth's, and systemd does not remove them when the scope ends.
#pragma once

#include "berth/error.h"
#include "cgroup/layout.h"

#include <filesystem>
#include <string_view>
#include <vector>

namespace berth::cgroup {

// The mount points of `layout`'s placement hierarchies that have no
// directory <scope> (relative to the hierarchy's root), where systemd did
// not realize it; call before anything is created under the scope.
[[nodiscard]] std::vector<std::filesystem::path> hierarchiesWithoutScope(const Layout& layout, std::string_view scope);

// For the monitor as it ends: in each of `mountPoints` (v1 hierarchies),
// moves the calling process to the hierarchy's root, then removes
// <scope>/<own> and <scope>. The scope's parent (machine.slice) stays, as
// Berth's own parent does: other containers may live there.
[[nodiscard]] Status removeScopeLeftovers(const std::vector<std::filesystem::path>& mountPoints, std::string_view scope,
                                          std::string_view own);

} // namespace berth::cgroup
