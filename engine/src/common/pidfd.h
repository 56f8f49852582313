// The engine's one way to signal a process it did not just fork and wait
// for: through a pidfd, which a recycled pid cannot be mistaken for.
// Debian 12's glibc declares pidfd_open and pidfd_send_signal in
// <sys/pidfd.h> without C linkage, so they go through syscall(2), here only.
#pragma once

#include "berth/unique_fd.h"

#include <sys/types.h>

namespace berth {

// A pidfd for `pid`; invalid with errno set when there is no such process
// (ESRCH) or the kernel refuses.
[[nodiscard]] UniqueFd pidfdOpen(pid_t pid) noexcept;

// Sends `signal` to the process behind `pidfd`: 0, or -1 with errno (ESRCH
// once it has exited). Signal 0 only asks whether it still exists.
int pidfdSignal(int pidfd, int signal) noexcept;

} // namespace berth
