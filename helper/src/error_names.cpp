#include "error_names.h"

#include <cerrno>

namespace berth::helper {

std::string_view errorNameFor(const Error& error)
{
    if (error.noSuchContainer)
        return kErrorNotFound;
    if (error.changedSinceRead)
        return kErrorChanged;
    if (error.commandNotRun)
        return error.code == ENOENT || error.code == ENOTDIR ? kErrorCommandNotFound : kErrorCommandNotRunnable;
    switch (error.code) {
    case EEXIST:
        return kErrorAlreadyExists;
    case EBUSY:
    case EAGAIN:
        return kErrorBusy;
    case EINVAL:
    case E2BIG:
    case ENAMETOOLONG:
    case ERANGE:
        return kErrorInvalidArgument;
    default:
        return kErrorFailed;
    }
}

std::string_view imageErrorNameFor(const Error& error)
{
    return error.code == ENOENT ? kErrorNotFound : errorNameFor(error);
}

} // namespace berth::helper
