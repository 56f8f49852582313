// D-Bus types beyond Qt's built-in ones: the dictionaries of the Berth
// interfaces and polkit's structs.
#pragma once

#include <QDBusArgument>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace berth::helper {

using StringMap = QMap<QString, QString>;     // a{ss}
using NamedMaps = QMap<QString, QVariantMap>; // a{sa{sv}}
using MapList = QList<QVariantMap>;           // aa{sv}

// polkit's Subject: (sa{sv}), kind "system-bus-name", details {"name": <unique name>}.
struct PolkitSubject {
    QString kind;
    QVariantMap details;
};

// polkit's AuthorizationResult: (bba{ss}).
struct PolkitResult {
    bool authorized = false;
    bool challenge = false;
    StringMap details;
};

// Once per process, before any call is made or served.
void registerDBusTypes();

} // namespace berth::helper

QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::PolkitSubject& subject);
const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::PolkitSubject& subject);
QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::PolkitResult& result);
const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::PolkitResult& result);

Q_DECLARE_METATYPE(berth::helper::PolkitSubject)
Q_DECLARE_METATYPE(berth::helper::PolkitResult)
