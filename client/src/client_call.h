// Turning pending replies into Results; shared by the blocking and the
// callback forms. Internal to the client library.
#pragma once

#include "client_error.h"

#include <QDBusPendingReply>

#include <type_traits>
#include <utility>

namespace berth::client::detail {

template <class T, class... Rest> Result<T> finish(QDBusPendingReply<T, Rest...> reply)
{
    reply.waitForFinished();
    if (reply.isError())
        return std::unexpected(clientError(reply.error()));
    return reply.value();
}

template <class T> struct IsResult : std::false_type {};
template <class T> struct IsResult<Result<T>> : std::true_type {};

// std::expected::transform (and and_then, for a conversion that can refuse
// a reply) are missing from GCC 12's library.
template <class T, class F> auto mapResult(Result<T>&& result, F&& convert)
{
    using Converted = std::decay_t<decltype(convert(*result))>;
    using Out = std::conditional_t<IsResult<Converted>::value, Converted, Result<Converted>>;
    if (!result)
        return Out(std::unexpect, std::move(result.error()));
    return Out(convert(*result));
}

inline Status finishVoid(QDBusPendingCall call)
{
    call.waitForFinished();
    if (call.isError())
        return std::unexpected(clientError(call.error()));
    return {};
}

} // namespace berth::client::detail
