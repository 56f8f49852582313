#include "client_error.h"

#include <QDBusError>

#include <array>
#include <utility>

namespace berth::client {

ErrorKind errorKindForName(const QString& name)
{
    static const std::array<std::pair<QLatin1String, ErrorKind>, 14> table{{
        {QLatin1String("org.berth.Error.InvalidArgument"), ErrorKind::InvalidArgument},
        {QLatin1String("org.berth.Error.NotAuthorized"), ErrorKind::NotAuthorized},
        {QLatin1String("org.berth.Error.NotFound"), ErrorKind::NotFound},
        {QLatin1String("org.berth.Error.AlreadyExists"), ErrorKind::AlreadyExists},
        {QLatin1String("org.berth.Error.Busy"), ErrorKind::Busy},
        {QLatin1String("org.berth.Error.Failed"), ErrorKind::Failed},
        {kCommandNotFound, ErrorKind::Failed},
        {kCommandNotRunnable, ErrorKind::Failed},
        // The bus answers these when the helper is missing or died.
        {QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.NoReply"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.Spawn.ChildExited"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.Disconnected"), ErrorKind::NoHelper},
        {QLatin1String("org.freedesktop.DBus.Error.AccessDenied"), ErrorKind::NotAuthorized},
    }};
    for (const auto& [known, kind] : table) {
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
    return ClientError{errorKindForName(name), name, message};
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
