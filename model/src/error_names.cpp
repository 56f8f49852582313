#include "berth/model/error_names.h"

#include <array>

namespace berth::model {

namespace {

constexpr std::array kKinds{
    ErrorKind::InvalidArgument,
    ErrorKind::NotAuthorized,
    ErrorKind::NotFound,
    ErrorKind::AlreadyExists,
    ErrorKind::Busy,
    ErrorKind::Failed,
    ErrorKind::CommandNotFound,
    ErrorKind::CommandNotRunnable,
    ErrorKind::Changed,
};

} // namespace

std::optional<ErrorKind> errorKindFromName(std::string_view name)
{
    for (ErrorKind kind : kKinds)
        if (dbusErrorName(kind) == name)
            return kind;
    return std::nullopt;
}

} // namespace berth::model
