// Turning pending replies into Results; shared by the blocking and the
// callback forms. Internal to the client library.
#pragma once

#include "client_error.h"

#include <QDBusError>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QList>
#include <QVariantMap>

#include <functional>
#include <utility>

namespace berth::client::detail {

// Qt checks a reply's signature against the proxy's types: a mismatch is
// the client's BadReply, not the helper's refusal.
inline ClientError callError(const QDBusError& error)
{
    if (error.type() == QDBusError::InvalidSignature)
        return badReply(error.message());
    return clientError(error);
}

template <class T, class... Rest> Result<T> finish(QDBusPendingReply<T, Rest...> reply)
{
    reply.waitForFinished();
    if (reply.isError())
        return std::unexpected(callError(reply.error()));
    return reply.value();
}

// A conversion that can refuse (a reply of the wrong type) after the call.
template <class T, class F> auto andThen(Result<T>&& result, F&& convert) -> decltype(convert(*result))
{
    if (!result)
        return std::unexpected(std::move(result.error()));
    return convert(*result);
}

// Each of a reply's dictionaries through `from`; the first bad one is the
// whole reply's error.
template <class T, class From> Result<QList<T>> eachOf(const QList<QVariantMap>& maps, From from)
{
    QList<T> out;
    for (const auto& map : maps) {
        auto item = from(map);
        if (!item)
            return std::unexpected(std::move(item.error()));
        out << std::move(*item);
    }
    return out;
}

inline Status finishVoid(QDBusPendingCall call)
{
    call.waitForFinished();
    if (call.isError())
        return std::unexpected(callError(call.error()));
    return {};
}

// The callback form of a call whose reply is empty: `done` runs on
// `context`'s thread, and not at all if `context` is gone first.
inline void whenDoneVoid(const QDBusPendingCall& call, QObject* context, std::function<void(Status)> done)
{
    auto* watcher = new QDBusPendingCallWatcher(call, context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(finishVoid(*watcher));
    });
}

} // namespace berth::client::detail
