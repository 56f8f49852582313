#include "error_names.h"

#include <cerrno>

namespace berth::helper {

std::string_view errorNameForCode(int code)
{
    switch (code) {
    case ENOENT:
        return kErrorNotFound;
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

} // namespace berth::helper
