#include "common/pidfd.h"

#include <sys/syscall.h>
#include <unistd.h>

namespace berth {

UniqueFd pidfdOpen(pid_t pid) noexcept
{
    return UniqueFd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
}

int pidfdSignal(int pidfd, int signal) noexcept
{
    return static_cast<int>(::syscall(SYS_pidfd_send_signal, pidfd, signal, nullptr, 0));
}

} // namespace berth
