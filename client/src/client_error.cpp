#include "client_error.h"

#include <QDBusError>

#include <array>
#include <utility>

namespace berth::client {

namespace {

// Berth's own kinds, as the helper names them (model/error_names.h); the
// command kinds are failures here, told apart by their name (berthctl's
// exit codes 127 and 126).
ErrorKind clientKind(model::ErrorKind kind)
{
    switch (kind) {
    case model::ErrorKind::InvalidArgument:
        return ErrorKind::InvalidArgument;
    case model::ErrorKind::NotAuthorized:
        return ErrorKind::NotAuthorized;
    case model::ErrorKind::NotFound:
        return ErrorKind::NotFound;
    case model::ErrorKind::AlreadyExists:
        return ErrorKind::AlreadyExists;
    case model::ErrorKind::Busy:
        return ErrorKind::Busy;
    case model::ErrorKind::Changed:
        return ErrorKind::Changed;
    case model::ErrorKind::Failed:
    case model::ErrorKind::CommandNotFound:
    case model::ErrorKind::CommandNotRunnable:
        return ErrorKind::Failed;
    }
    return ErrorKind::Failed;
}

// dbus-daemon's answer to a call whose receiver left the bus before it
// replied: the helper was there and died (kill -9, a crash), it is not missing.
bool isHelperDisconnect(const QString& name, const QString& message)
{
    return name == QLatin1String("org.freedesktop.DBus.Error.NoReply") &&
           message.startsWith(QLatin1String("Message recipient disconnected"));
}

} // namespace

ErrorKind errorKindForName(const QString& name)
{
    if (const auto berthKind = model::errorKindFromName(name.toStdString()))
        return clientKind(*berthKind);
    if (name == kHelperGone)
        return ErrorKind::HelperGone;
    static const std::array<std::pair<QLatin1String, ErrorKind>, 6> bus{{
        // The bus answers these when the helper is missing or died.
        {QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.NoReply"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.Spawn.ChildExited"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.Disconnected"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.AccessDenied"), ErrorKind::NotAuthorized},
    }};
    for (const auto& [known, kind] : bus) {
        if (name == known)
            return kind;
    }
    if (name.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn.")) ||
        name.startsWith(QLatin1String("org.qtproject.QtDBus.Error.")))
        return ErrorKind::NoHelper;
    return ErrorKind::Failed;
}

ClientError clientError(const QString& name, const QString& message)
{
    if (isHelperDisconnect(name, message))
        return ClientError{
            ErrorKind::HelperGone, name,
            QStringLiteral("the Berth helper stopped before it answered, so the call may not have finished; what "
                           "it left half-done is finished or removed when the helper starts again")};
    return ClientError{errorKindForName(name), name, message};
}

ClientError helperGone()
{
    return ClientError{
        ErrorKind::HelperGone, kHelperGone,
        QStringLiteral("the Berth helper stopped during the job, so the job did not finish; what it left "
                       "half-done is removed when the helper starts again")};
}

ClientError badReply(const QString& message)
{
    return ClientError{ErrorKind::BadReply, QString(), message};
}

ClientError clientError(const QDBusError& error)
{
    return clientError(error.name(), error.message());
}

} // namespace berth::client
