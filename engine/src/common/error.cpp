#include "berth/error.h"

#include <cerrno>
#include <cstring>

namespace berth {

Error Error::fromErrno(int err, std::string_view what)
{
    Error e;
    e.code = err;
    e.message = std::string(what) + ": " + std::strerror(err);
    return e;
}

Error Error::make(int err, std::string message, std::string context)
{
    return Error{err, std::move(message), std::move(context)};
}

Error Error::missingContainer(std::string_view name, std::string context)
{
    Error e = make(ENOENT, "no container named '" + std::string(name) + "'", std::move(context));
    e.noSuchContainer = true;
    return e;
}

Error Error::wrap(std::string_view outer) const&
{
    Error e = *this;
    return std::move(e).wrap(outer);
}

Error Error::wrap(std::string_view outer) &&
{
    message = std::string(outer) + ": " + message;
    return std::move(*this);
}

std::string Error::describe() const
{
    if (context.empty())
        return message;
    return message + " (" + context + ")";
}

std::unexpected<Error> failErrno(int err, std::string_view what)
{
    return std::unexpected<Error>(Error::fromErrno(err, what));
}

std::unexpected<Error> failWith(int err, std::string message, std::string context)
{
    return std::unexpected<Error>(Error::make(err, std::move(message), std::move(context)));
}

} // namespace berth
