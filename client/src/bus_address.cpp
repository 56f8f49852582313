#include "bus_address.h"

#include <QProcessEnvironment>

namespace berth::client {

QString busAddressFromEnvironment()
{
    const auto env = QProcessEnvironment::systemEnvironment();
    const QString berth = env.value(QLatin1String(model::kBusAddressVariable));
    if (!berth.isEmpty())
        return berth;
    return env.value(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"));
}

static QString connectionName(const QString& address)
{
    return QStringLiteral("berth-client:") + address;
}

QDBusConnection helperBus()
{
    const QString address = busAddressFromEnvironment();
    if (address.isEmpty())
        return QDBusConnection::systemBus();
    // connectToBus reuses an open connection of the same name.
    return QDBusConnection::connectToBus(address, connectionName(address));
}

void closeHelperBus()
{
    const QString address = busAddressFromEnvironment();
    if (!address.isEmpty())
        QDBusConnection::disconnectFromBus(connectionName(address));
}

} // namespace berth::client
