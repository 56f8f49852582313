// Exit codes scripts can rely on (documented in --help and README.md).
#pragma once

#include "client_error.h"

namespace berth::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1,
    kExitUsage = 2,
    kExitNotAuthorized = 3,
    kExitNotFound = 4,
    kExitBusy = 5,
    kExitNoHelper = 6,
    kExitCommandNotRunnable = 126,
    kExitCommandNotFound = 127,
};

[[nodiscard]] int exitCodeFor(client::ErrorKind kind);
// exec's: 127 for a missing command, 126 for one that cannot be run (as a
// shell, docker exec and lxc-attach), else as exitCodeFor.
[[nodiscard]] int exitCodeForExec(const client::ClientError& error);
// A command's wait status as a shell reports it: the code, or 128 + signal.
[[nodiscard]] int exitCodeForStatus(int status, int signal);

} // namespace berth::cli
