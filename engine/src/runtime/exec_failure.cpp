#include "runtime/exec_failure.h"

#include <cerrno>

#include <unistd.h>

namespace berth::runtime {

namespace {

std::string stepText(ExecStep step, const std::string& command, const std::string& cwd)
{
    switch (step) {
    case ExecStep::CommandStack:
        return "map the command's stack";
    case ExecStep::JoinNamespaces:
        return "join the container's namespaces";
    case ExecStep::ForkCommand:
        return "start the command";
    case ExecStep::JoinCgroup:
        return "join the container's cgroup";
    case ExecStep::BecomeRoot:
        return "become root of the container's user namespace";
    case ExecStep::OpenPty:
        return "open a pty on the container's /dev/ptmx";
    case ExecStep::HandOverPty:
        return "hand over the pty";
    case ExecStep::ControllingTerminal:
        return "make the pty the controlling terminal";
    case ExecStep::ChangeDirectory:
        return "change directory to '" + cwd + "'";
    case ExecStep::NoNewPrivs:
        return "set no_new_privs";
    case ExecStep::Seccomp:
        return "load the seccomp filter";
    case ExecStep::Capabilities:
        return "drop capabilities";
    case ExecStep::Execute:
        return "run '" + command + "'";
    }
    return "prepare the command";
}

} // namespace

void reportExecFailure(int fd, ExecStep step, int err) noexcept
{
    const ExecFailure failure{step, err};
    (void)!::write(fd, &failure, sizeof(failure));
}

Result<std::optional<ExecFailure>> readExecFailure(int fd)
{
    ExecFailure failure;
    ssize_t got;
    do {
        got = ::read(fd, &failure, sizeof(failure));
    } while (got < 0 && errno == EINTR);
    if (got < 0)
        return failErrno(errno, "read why the command did not start");
    if (got == 0)
        return std::optional<ExecFailure>();
    if (got != sizeof(failure))
        return failWith(EIO, "a short report of why the command did not start");
    return std::optional<ExecFailure>(failure);
}

Error describeExecFailure(const ExecFailure& failure, const std::string& command, const std::string& cwd)
{
    Error error = Error::fromErrno(failure.err, stepText(failure.step, command, cwd));
    error.commandNotRun = failure.step == ExecStep::Execute;
    return error;
}

} // namespace berth::runtime
