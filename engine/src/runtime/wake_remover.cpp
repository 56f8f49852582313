#include "runtime/wake_remover.h"

#include "runtime/plan_builder.h"

#include "berth/unique_fd.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <vector>

#include <fcntl.h>
#include <linux/close_range.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::runtime {
namespace {

constexpr auto kWakeTimeout = std::chrono::milliseconds(5000);

void run(const std::vector<std::string>& command)
{
    std::vector<char*> argv;
    for (const std::string& arg : command)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const char* envp[] = {"PATH=/usr/sbin:/usr/bin:/sbin:/bin", nullptr};
    const pid_t child = ::fork();
    if (child < 0)
        return;
    if (child == 0) {
        // Nothing of the monitor's (consoles, the log) goes along.
        ::syscall(SYS_close_range, 3U, ~0U, 0);
        ::execve(argv[0], argv.data(), const_cast<char* const*>(envp));
        ::_exit(127);
    }
    // Waited for through a pidfd: back at its exit, killed at the timeout
    // (without a pidfd, a plain wait).
    if (UniqueFd pidfd(static_cast<int>(::syscall(SYS_pidfd_open, child, 0))); pidfd) {
        pollfd exited{pidfd.get(), POLLIN, 0};
        if (::poll(&exited, 1, static_cast<int>(kWakeTimeout.count())) <= 0)
            ::kill(child, SIGKILL);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {}
}

} // namespace

void wakeRemover(const EngineSettings& settings, const std::string& name)
{
    if (settings.wakeCommand.empty())
        return;
    // The config as it is now: a mark set or cleared while it ran counts.
    auto spec = loadContainerSpec(settings, name);
    if (spec && spec->removeWhenStopped)
        run(settings.wakeCommand);
}

} // namespace berth::runtime
