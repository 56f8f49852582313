#include "child_process.h"

#include <chrono>
#include <fstream>
#include <thread>

#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace berth::test {

namespace {

std::vector<char*> argvPointers(const std::vector<std::string>& argv)
{
    std::vector<char*> pointers;
    for (const std::string& arg : argv)
        pointers.push_back(const_cast<char*>(arg.c_str()));
    pointers.push_back(nullptr);
    return pointers;
}

// Spawns with stdout to `out` and stderr to `err` (descriptors or paths).
pid_t spawnWith(const std::vector<std::string>& argv, posix_spawn_file_actions_t* actions)
{
    std::vector<char*> pointers = argvPointers(argv);
    pid_t pid = -1;
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // A child of its own process group, so a terminal's ^C reaches the test only.
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    const int rc = ::posix_spawnp(&pid, argv.front().c_str(), actions, &attributes, pointers.data(), environ);
    posix_spawnattr_destroy(&attributes);
    return rc == 0 ? pid : -1;
}

int waitFor(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

CommandResult runCommand(const std::vector<std::string>& argv)
{
    CommandResult result;
    int pipeFds[2];
    if (argv.empty() || ::pipe2(pipeFds, O_CLOEXEC) != 0)
        return result;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 2);
    const pid_t pid = spawnWith(argv, &actions);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) != 0;) {
        if (n > 0)
            result.output.append(buffer, static_cast<std::size_t>(n));
        else if (errno != EINTR)
            break;
    }
    ::close(pipeFds[0]);
    if (pid < 0) {
        result.output = "cannot run " + argv.front();
        return result;
    }
    result.exitCode = waitFor(pid);
    return result;
}

bool BackgroundProcess::start(const std::vector<std::string>& argv, const std::filesystem::path& stdoutFile,
                              const std::filesystem::path& stderrFile, std::string* why)
{
    stop();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, stdoutFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, stderrFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    m_pid = spawnWith(argv, &actions);
    posix_spawn_file_actions_destroy(&actions);
    if (m_pid < 0 && why)
        *why = "cannot start " + argv.front();
    return m_pid > 0;
}

bool BackgroundProcess::running()
{
    if (m_pid <= 0)
        return false;
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        return false;
    }
    return true;
}

void BackgroundProcess::stop()
{
    if (!running())
        return;
    ::kill(m_pid, SIGTERM);
    for (int i = 0; i < 200 && running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        waitFor(m_pid);
        m_pid = -1;
    }
}

std::string readWholeFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool writeWholeFile(const std::filesystem::path& file, const std::string& data)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << data;
    return static_cast<bool>(out.flush());
}

} // namespace berth::test
