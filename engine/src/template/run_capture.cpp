#include "template/run_capture.h"

#include "berth/unique_fd.h"
#include "fs/file_io.h"

#include <cerrno>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::templates {

namespace {

// posix_spawn's file actions, destroyed on every path.
struct FileActions {
    posix_spawn_file_actions_t actions{};
    FileActions() { ::posix_spawn_file_actions_init(&actions); }
    ~FileActions() { ::posix_spawn_file_actions_destroy(&actions); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
};

Status waitFor(pid_t pid, const std::string& program)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return failErrno(errno, "wait for '" + program + "'");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return {};
    const std::string how = WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                              : "was killed by signal " + std::to_string(WTERMSIG(status));
    return failWith(EIO, "'" + program + "' " + how);
}

} // namespace

Result<std::string> runAndCapture(const std::vector<std::string>& argv)
{
    if (argv.empty() || !argv[0].starts_with('/'))
        return failWith(EINVAL, "program must be an absolute path");
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0)
        return failErrno(errno, "pipe");
    UniqueFd readEnd(pipeFds[0]), writeEnd(pipeFds[1]);
    FileActions fa;
    ::posix_spawn_file_actions_addopen(&fa.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_adddup2(&fa.actions, writeEnd.get(), STDOUT_FILENO);
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    char* noEnv[] = {nullptr};
    pid_t pid = 0;
    if (const int err = ::posix_spawn(&pid, argv[0].c_str(), &fa.actions, nullptr, args.data(), noEnv); err != 0)
        return failErrno(err, "run '" + argv[0] + "'");
    writeEnd.reset();
    auto output = fs::readAll(readEnd.get(), std::size_t{1} << 20);
    readEnd.reset(); // a child still writing gets EPIPE instead of blocking us
    auto exited = waitFor(pid, argv[0]);
    if (!exited)
        return std::unexpected(exited.error());
    if (!output)
        return std::unexpected(output.error().wrap("read the output of '" + argv[0] + "'"));
    return output;
}

} // namespace berth::templates
