// A helper's refusal or a bus failure, reduced to what callers act on.
#pragma once

#include "berth/model/error_names.h"

#include <QString>

#include <expected>

class QDBusError;

namespace berth::client {

enum class ErrorKind {
    InvalidArgument,
    NotAuthorized,
    NotFound,
    AlreadyExists,
    Busy,
    Failed,
    NoHelper,   // the service is unknown or does not answer
    BadReply,   // a reply whose type is not the contract's (a client-side error)
    HelperGone, // the helper left the bus (or lost the job) while a job ran
    Changed,    // a config changed since the caller read it (SetConfigIfUnchanged): read it again
};

struct ClientError {
    ErrorKind kind = ErrorKind::Failed;
    QString name;    // the D-Bus error name as received
    QString message; // for people
};

// exec's command could not be executed (kind Failed): berthctl exits 127
// and 126 for these, as a shell does.
inline constexpr QLatin1String kCommandNotFound{model::dbusErrorName(model::ErrorKind::CommandNotFound)};
inline constexpr QLatin1String kCommandNotRunnable{model::dbusErrorName(model::ErrorKind::CommandNotRunnable)};

// The client's own name for HelperGone: the watcher saw the helper leave
// the bus, or the job object was gone; the job's outcome is unknown.
inline constexpr QLatin1String kHelperGone{"org.berth.Client.HelperGone"};
[[nodiscard]] ClientError helperGone();

// org.berth.Error.* and the bus's own names to a kind.
[[nodiscard]] ErrorKind errorKindForName(const QString& name);
[[nodiscard]] ClientError clientError(const QDBusError& error);
[[nodiscard]] ClientError clientError(const QString& name, const QString& message);
// A reply (or a field of one) the client cannot read: no default stands in.
[[nodiscard]] ClientError badReply(const QString& message);

template <class T> using Result = std::expected<T, ClientError>;
using Status = std::expected<void, ClientError>;

} // namespace berth::client
