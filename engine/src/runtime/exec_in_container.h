// Running a command inside a running container: a forked waiter, which
// stays on the host, joins only the init's pid namespace (for its children)
// and clones the command into it sharing its memory until the execve; the
// command joins the other namespaces through the init's pidfd, the cgroup,
// drops privileges like the init did, and execs. The waiter copies the
// caller's stdio and reports the exit status. execInContainer returns once
// the command was executed, or with the step and errno of what failed before.
#pragma once

#include "berth/engine.h"
#include "runtime/launch_plan.h"

namespace berth::runtime {

struct ExecContext {
    UniqueFd initPidfd;
    std::vector<UniqueFd> cgroupProcs; // opened for writing before fork
    std::vector<std::string> argv;
    std::vector<std::string> env;
    std::string cwd;
    bool noNewPrivs = true;
    security::CapabilityPlan capabilities;
    security::SeccompProgram seccomp;
    // The container has a user namespace of its own: joined with the other
    // namespaces, the command then runs as its root (uid and gid 0 inside).
    bool userNamespace = false;
    uid_t rootUid = 0; // root inside, as the host sees it (userNamespace only)
    gid_t rootGid = 0;
};

[[nodiscard]] Result<ExecProcess> execInContainer(const ExecContext& context, const ExecRequest& request);

} // namespace berth::runtime
