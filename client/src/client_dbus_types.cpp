#include "client_dbus_types.h"

#include <QDBusMetaType>

namespace berth::client {

void registerWireTypes()
{
    qDBusRegisterMetaType<RegistryLogin>();
    qDBusRegisterMetaType<BerthRegistryLogins>();
    qDBusRegisterMetaType<ItemProgress>();
    qDBusRegisterMetaType<BerthJobItems>();
    // The adaptors and proxies name these by their alias (the XML's
    // QtTypeName), and QtDBus finds a method's slot by its parameters' type
    // names: without the alias registered, PullImage is "no such method".
    qRegisterMetaType<BerthRegistryLogins>("BerthRegistryLogins");
    qRegisterMetaType<BerthJobItems>("BerthJobItems");
}

} // namespace berth::client

QDBusArgument& operator<<(QDBusArgument& arg, const berth::client::RegistryLogin& login)
{
    arg.beginStructure();
    arg << login.registry << login.username << login.secret;
    arg.endStructure();
    return arg;
}

const QDBusArgument& operator>>(const QDBusArgument& arg, berth::client::RegistryLogin& login)
{
    arg.beginStructure();
    arg >> login.registry >> login.username >> login.secret;
    arg.endStructure();
    return arg;
}

QDBusArgument& operator<<(QDBusArgument& arg, const berth::client::ItemProgress& item)
{
    arg.beginStructure();
    arg << item.item << item.phase << qulonglong(item.done) << qulonglong(item.total);
    arg.endStructure();
    return arg;
}

const QDBusArgument& operator>>(const QDBusArgument& arg, berth::client::ItemProgress& item)
{
    qulonglong done = 0;
    qulonglong total = 0;
    arg.beginStructure();
    arg >> item.item >> item.phase >> done >> total;
    arg.endStructure();
    item.done = done;
    item.total = total;
    return arg;
}
