// Giving a container's cgroup to the root of its user namespace, so that an
// init inside (systemd) makes and fills sub-cgroups of its own.
#pragma once

#include "berth/error.h"
#include "cgroup/layout.h"

#include <filesystem>
#include <span>
#include <vector>

#include <sys/types.h>
#include <unistd.h>

namespace berth::cgroup {

// The files of a cgroup that manage its subtree (kernel doc cgroup-v2,
// "Delegation"; v1 likewise): never a limit file, so the owner can place
// processes and make sub-cgroups but cannot raise its own limits.
[[nodiscard]] std::span<const char* const> delegatedFiles(const Hierarchy& hierarchy);

// Chowns each placement's directory and its delegated files to uid:gid.
// A file this kernel does not have (cgroup.threads before 4.14) is skipped.
[[nodiscard]] Status delegate(const std::vector<Placement>& placements, uid_t uid, gid_t gid);

// The cgroup.procs a process joining from outside (exec) writes to: on v1
// the container's own; on cgroup2 that of a leaf of Berth's below it,
// since once the container's owner (its systemd) hands controllers down no
// process may stay in the cgroup itself (EBUSY), and that may happen at any
// moment. The leaf is ".berth-exec", made when missing; when that one is not
// Berth's (the container's root removed and remade it) or cannot take
// processes (controllers enabled for its children), ".berth-exec-1", and so
// on, as LXC's .lxc, .lxc-1, .... A leaf is Berth's when this call made it
// or `owner` (Berth: host root) owns it; the root of an unprivileged
// container then can neither hand controllers down in it nor make children.
[[nodiscard]] Result<std::filesystem::path> joinableProcsFile(const std::filesystem::path& procsFile,
                                                              uid_t owner = ::geteuid());

} // namespace berth::cgroup
