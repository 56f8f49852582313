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
    qDBusRegisterMetaType<RegistryLogin>();
    qDBusRegisterMetaType<BerthRegistryLogins>();
    qDBusRegisterMetaType<JobItem>();
    qDBusRegisterMetaType<BerthJobItems>();
    // The adaptors and proxies name these by their alias (the XML's
    // QtTypeName), and QtDBus finds a method's slot by its parameters' type
    // names: without the alias registered, PullImage is "no such method".
    qRegisterMetaType<BerthRegistryLogins>("BerthRegistryLogins");
    qRegisterMetaType<BerthJobItems>("BerthJobItems");
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

QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::RegistryLogin& login)
{
    arg.beginStructure();
    arg << login.registry << login.username << login.secret;
    arg.endStructure();
    return arg;
}

const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::RegistryLogin& login)
{
    arg.beginStructure();
    arg >> login.registry >> login.username >> login.secret;
    arg.endStructure();
    return arg;
}

QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::JobItem& item)
{
    arg.beginStructure();
    arg << item.item << item.phase << item.done << item.total;
    arg.endStructure();
    return arg;
}

const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::JobItem& item)
{
    arg.beginStructure();
    arg >> item.item >> item.phase >> item.done >> item.total;
    arg.endStructure();
    return arg;
}
