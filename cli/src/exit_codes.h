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
};

[[nodiscard]] int exitCodeFor(client::ErrorKind kind);
// A command's wait status as a shell reports it: the code, or 128 + signal.
[[nodiscard]] int exitCodeForStatus(int status, int signal);

} // namespace berth::cli
