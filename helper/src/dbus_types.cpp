#include "dbus_types.h"

#include <QDBusMetaType>

namespace berth::helper {

void registerDBusTypes()
{
    qDBusRegisterMetaType<StringMap>();
    qDBusRegisterMetaType<NamedMaps>();
    qDBusRegisterMetaType<MapList>();
    qDBusRegisterMetaType<PolkitSubject>();
    qDBusRegisterMetaType<PolkitResult>();
}

} // namespace berth::helper

QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::PolkitSubject& subject)
{
    arg.beginStructure();
    arg << subject.kind << subject.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::PolkitSubject& subject)
{
    arg.beginStructure();
    arg >> subject.kind >> subject.details;
    arg.endStructure();
    return arg;
}

QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::PolkitResult& result)
{
    arg.beginStructure();
    arg << result.authorized << result.challenge << result.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::PolkitResult& result)
{
    arg.beginStructure();
    arg >> result.authorized >> result.challenge >> result.details;
    arg.endStructure();
    return arg;
}
