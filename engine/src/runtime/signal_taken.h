// Whether a pid namespace's init would receive a signal now. The kernel
// drops a signal sent to a namespace's init that neither catches nor blocks
// it (only SIGKILL and SIGSTOP are forced), so a halt sent while the init
// is still starting (busybox init or a shell before its handlers) is lost.
// An init waiting in sigtimedwait/sigwaitinfo (busybox init, berth-init)
// shows its signals neither caught nor blocked while it waits: the system
// call it sleeps in says so.
#pragma once

#include <string_view>

#include <sys/types.h>

namespace berth::runtime {

// From the texts of /proc/PID/status and /proc/PID/syscall: `signal` is in
// SigBlk or SigCgt, or the process sleeps in rt_sigtimedwait.
[[nodiscard]] bool initTakesSignal(std::string_view procStatus, std::string_view procSyscall, int signal);

// The same for a live process; true when its status cannot be read (then
// nothing better than sending is known). Where the kernel has no
// /proc/PID/syscall (user-mode Linux) an init in sigtimedwait is not seen,
// and a halt asked for in its first seconds waits them out.
[[nodiscard]] bool processTakesSignal(pid_t pid, int signal);

} // namespace berth::runtime
