// The default seccomp filter of containers, and no_new_privs.
//
// buildDefaultSeccomp() uses libseccomp, locks and allocates: call it before fork.
// The apply functions run in the forked child right before exec and make
// raw system calls only (prctl), so they are safe after fork from a
// threaded process; they return 0 or an errno value.
//
// Order in the child: loading a filter needs either CAP_SYS_ADMIN or
// no_new_privs. Either call setNoNewPrivs() first (then the order of
// applySeccomp and applyCapabilities does not matter), or call
// applySeccomp() before applyCapabilities() drops CAP_SYS_ADMIN. The filter
// lets capset and prctl through, so capabilities can still be dropped after
// it is loaded. Berth does: setNoNewPrivs, applySeccomp, applyCapabilities.
#pragma once

#include "berth/container_kind.h"
#include "berth/error.h"

#include <cstdint>
#include <linux/filter.h>
#include <vector>

namespace berth::security {

// Whose capabilities the container's root holds: its own user namespace's,
// or the host's (a privileged container).
enum class UserNamespace { Own, Host };

// A classic BPF program, ready for PR_SET_SECCOMP.
struct SeccompProgram {
    std::vector<sock_filter> instructions;
};

// Allows everything except what Docker's default profile refuses (the
// comparison is in README.md); keyctl, add_key and request_key return
// ENOSYS (systemd falls back), the rest EPERM. Application containers also
// lose mount, unshare, setns, reboot, pivot_root, the new mount API,
// io_uring, bpf, namespace-creating clone/clone3 and AF_ALG/AF_VSOCK
// sockets; privileged system containers (UserNamespace::Host) lose bpf.
// `capabilities` is what the container keeps (CapabilityPlan::keep):
// holding CAP_SYS_TIME costs adjtimex. Covers the native ABI and, on
// x86_64, the i386 and x32 ABIs. Each one is built once per process, then
// copied (the helper's execs ask for the same few again and again).
[[nodiscard]] Result<SeccompProgram> buildDefaultSeccomp(ContainerKind kind, std::uint64_t capabilities,
                                                         UserNamespace userNamespace);

// Builds into that cache the programs of application and system containers
// with their kinds' default capabilities and a user namespace of their own
// (every new container's), for a process with time to spare before a start.
void prebuildDefaultSeccomp();

// Loads the program with prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER).
[[nodiscard]] int applySeccomp(const SeccompProgram& program) noexcept;

// prctl(PR_SET_NO_NEW_PRIVS): exec can no longer grant privileges
// (setuid bits, file capabilities).
[[nodiscard]] int setNoNewPrivs() noexcept;

} // namespace berth::security
