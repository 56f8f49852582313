// The forked side of runContained (contained_stage.h): everything it needs
// is prepared before the fork, and it makes system calls only.
#pragma once

#include "security/seccomp_filter.h"

#include <cstddef>

namespace berth::templates {

struct ContainedChild {
    const char* target = nullptr;          // the host path the idmapped tree is attached at
    int treeFd = -1;                       // the idmapped tree (open_tree + mount_setattr), detached
    int usernsFd = -1;                     // the stage's user namespace, its maps written
    const char* devTmpfsOptions = nullptr; // /dev's tmpfs, owned by the namespace's root
    const char* hostname = nullptr;
    std::size_t hostnameLength = 0;
    const security::SeccompProgram* seccomp = nullptr;
};

// Runs as the pid 1 of the stage's pid namespace (runLogged's
// newPidNamespace): attaches the tree at `target`, gives it a /dev and a
// /proc, enters the user namespace as its root, unshares the mount, ipc, uts
// and network namespaces, pivots into the tree and execs argv. Returns only
// on failure: 125 after printing an "E: " line (debootstrap's error prefix)
// naming the step.
[[nodiscard]] int runContainedChild(const ContainedChild& child, char* const* argv, char* const* envp);

} // namespace berth::templates
