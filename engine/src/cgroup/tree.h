// Walking a cgroup and the sub-cgroups a container may have made in it.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <vector>

#include <sys/types.h>

namespace berth::cgroup {

// `dir` and every directory below it, children before their parents
// (the order rmdir needs). ENOENT when `dir` does not exist.
[[nodiscard]] Result<std::vector<std::filesystem::path>> subtreeDeepestFirst(const std::filesystem::path& dir);

// Processes of `dir` and of its sub-cgroups; empty when `dir` is gone.
[[nodiscard]] Result<std::vector<pid_t>> subtreePids(const std::filesystem::path& dir);

// rmdir of the whole subtree, deepest first. A cgroup whose last process
// has just died may report EBUSY for a moment, so that is retried a bounded
// number of times. A missing `dir` is not an error.
[[nodiscard]] Status removeSubtree(const std::filesystem::path& dir);

// How many times the waits of this area poll before giving up, and the
// pause between polls (growing from 1 ms to 10 ms: about 5 s in all).
inline constexpr int kMaxPolls = 500;
void pauseBeforePoll(int attempt);

} // namespace berth::cgroup
