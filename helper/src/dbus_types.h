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

// A registry login (PullImage's and CreateContainer's `credentials`,
// a(sss)): registry host[:port], username (empty: the secret is an
// identity token), secret. Never logged.
struct RegistryLogin {
    QString registry;
    QString username;
    QString secret;
};

// One item of a job (Job1's Items, a(sstt)): a layer being pulled.
struct JobItem {
    QString item;
    QString phase;
    qulonglong done = 0;
    qulonglong total = 0;
};

// Once per process, before any call is made or served.
void registerDBusTypes();

} // namespace berth::helper

QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::PolkitSubject& subject);
const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::PolkitSubject& subject);
QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::PolkitResult& result);
const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::PolkitResult& result);

QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::RegistryLogin& login);
const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::RegistryLogin& login);
QDBusArgument& operator<<(QDBusArgument& arg, const berth::helper::JobItem& item);
const QDBusArgument& operator>>(const QDBusArgument& arg, berth::helper::JobItem& item);

// The names the interface XML gives these lists (QtTypeName annotations),
// which the generated adaptors spell without a namespace; the client
// library has its own types of the same names.
using BerthRegistryLogins = QList<berth::helper::RegistryLogin>; // a(sss)
using BerthJobItems = QList<berth::helper::JobItem>;             // a(sstt)

Q_DECLARE_METATYPE(berth::helper::PolkitSubject)
Q_DECLARE_METATYPE(berth::helper::RegistryLogin)
Q_DECLARE_METATYPE(berth::helper::JobItem)
Q_DECLARE_METATYPE(berth::helper::PolkitResult)
