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

// std::expected::transform is missing from GCC 12's library.
template <class T, class F>
auto mapResult(Result<T>&& result, F&& convert) -> Result<std::decay_t<decltype(convert(*result))>>
{
    if (!result)
        return std::unexpected(std::move(result.error()));
    return convert(*result);
}

inline Status finishVoid(QDBusPendingCall call)
{
    call.waitForFinished();
    if (call.isError())
        return std::unexpected(clientError(call.error()));
    return {};
}

} // namespace berth::client::detail
