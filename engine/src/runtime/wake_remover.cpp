#include "runtime/wake_remover.h"

#include "runtime/plan_builder.h"

#include <chrono>
#include <csignal>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::runtime {
namespace {

constexpr auto kWakeTimeout = std::chrono::seconds(5);
constexpr auto kPollEvery = std::chrono::milliseconds(20);

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
    const auto deadline = std::chrono::steady_clock::now() + kWakeTimeout;
    int status = 0;
    while (::waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(child, SIGKILL);
            while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {}
            return;
        }
        std::this_thread::sleep_for(kPollEvery);
    }
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
