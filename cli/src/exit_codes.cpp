#include "exit_codes.h"

#include "berth/model/exit_status.h"

namespace berth::cli {

int exitCodeFor(client::ErrorKind kind)
{
    using client::ErrorKind;
    switch (kind) {
    case ErrorKind::InvalidArgument:
        return kExitUsage;
    case ErrorKind::NotAuthorized:
        return kExitNotAuthorized;
    case ErrorKind::NotFound:
        return kExitNotFound;
    case ErrorKind::Busy:
        return kExitBusy;
    case ErrorKind::NoHelper:
    case ErrorKind::HelperGone:
        return kExitNoHelper;
    case ErrorKind::AlreadyExists:
    case ErrorKind::Failed:
    case ErrorKind::BadReply:
    case ErrorKind::Changed:
        break;
    }
    return kExitFailure;
}

int exitCodeForExec(const client::ClientError& error)
{
    if (error.name == client::kCommandNotFound)
        return kExitCommandNotFound;
    if (error.name == client::kCommandNotRunnable)
        return kExitCommandNotRunnable;
    return exitCodeFor(error.kind);
}

int exitCodeForStatus(int status, int signal)
{
    return model::shellExitCode(status, signal);
}

} // namespace berth::cli
