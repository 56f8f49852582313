// Why an exec failed before its command ran. The exec's children write the
// step and errno to a close-on-exec pipe; a successful execve closes it
// with nothing written. The engine reads it before exec returns, so the
// caller gets the reason as the exec's error, not an exit status.
#pragma once

#include "berth/error.h"

#include <optional>
#include <string>

namespace berth::runtime {

enum class ExecStep : int {
    CommandStack = 1,
    JoinNamespaces,
    ForkCommand,
    JoinCgroup,
    BecomeRoot,
    OpenPty,
    HandOverPty,
    ControllingTerminal,
    ChangeDirectory,
    NoNewPrivs,
    Seccomp,
    Capabilities,
    Execute,
};

struct ExecFailure {
    ExecStep step{};
    int err = 0;
};

// In a child: one write, atomic on a pipe. Async-signal-safe.
void reportExecFailure(int fd, ExecStep step, int err) noexcept;

// Reads the pipe to its end: nothing when the command was executed.
[[nodiscard]] Result<std::optional<ExecFailure>> readExecFailure(int fd);

// The caller's error: the step, what it was about (the command, the
// directory) and errno. A failed execve is marked commandNotRun.
[[nodiscard]] Error describeExecFailure(const ExecFailure& failure, const std::string& command, const std::string& cwd);

} // namespace berth::runtime
