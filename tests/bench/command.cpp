#include "command.h"

#include <cerrno>
#include <chrono>
#include <fstream>
#include <iterator>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::bench {

namespace {

class FileActions {
public:
    FileActions() { ::posix_spawn_file_actions_init(&m_actions); }
    ~FileActions() { ::posix_spawn_file_actions_destroy(&m_actions); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
    posix_spawn_file_actions_t* get() { return &m_actions; }

private:
    posix_spawn_file_actions_t m_actions;
};

std::vector<char*> cArgv(const Argv& argv)
{
    std::vector<char*> result;
    for (const std::string& arg : argv)
        result.push_back(const_cast<char*>(arg.c_str()));
    result.push_back(nullptr);
    return result;
}

Result<pid_t> spawn(const Argv& argv, const posix_spawn_file_actions_t* actions)
{
    std::vector<char*> args = cArgv(argv);
    pid_t pid = -1;
    const int err = ::posix_spawnp(&pid, args[0], actions, nullptr, args.data(), ::environ);
    if (err != 0)
        return failErrno(err, "spawn '" + argv[0] + "'");
    return pid;
}

// A SIGINT for the bench also interrupts waitpid; the child got it too and
// is still reaped, so no zombie outlives the bench.
Result<int> reap(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return failErrno(errno, "waitpid");
    }
    return status;
}

// The end of a log, so a failure message shows the runtime's own complaint.
std::string tailOf(const std::filesystem::path& file, std::size_t bytes)
{
    std::ifstream in(file);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text.size() > bytes ? text.substr(text.size() - bytes) : text;
}

Status checkExit(int status, const Argv& argv, const std::string& detail)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return {};
    const std::string how = WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                              : "was killed by signal " + std::to_string(WTERMSIG(status));
    return failWith(EIO, "'" + joinArgv(argv) + "' " + how, detail);
}

} // namespace

std::string joinArgv(const Argv& argv)
{
    std::string result;
    for (const std::string& arg : argv)
        result += (result.empty() ? "" : " ") + arg;
    return result;
}

Result<double> timedRun(const Argv& argv, const std::filesystem::path& logFile)
{
    FileActions actions;
    ::posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    ::posix_spawn_file_actions_addopen(actions.get(), STDERR_FILENO, logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                       0600);
    const auto begin = std::chrono::steady_clock::now();
    Result<pid_t> pid = spawn(argv, actions.get());
    if (!pid)
        return fail(pid.error());
    Result<int> status = reap(*pid);
    const auto end = std::chrono::steady_clock::now();
    if (!status)
        return fail(status.error());
    if (Status ok = checkExit(*status, argv, "stderr: " + tailOf(logFile, 2000)); !ok)
        return fail(ok.error());
    return std::chrono::duration<double, std::milli>(end - begin).count();
}

Status runChecked(const Argv& argv)
{
    Result<pid_t> pid = spawn(argv, nullptr);
    if (!pid)
        return fail(pid.error());
    Result<int> status = reap(*pid);
    if (!status)
        return fail(status.error());
    return checkExit(*status, argv, {});
}

} // namespace berth::bench
