// The client's side of the D-Bus structs the interface XML names with
// QtTypeName annotations: registry logins (a(sss)) and a job's items
// (a(sstt)). The generated proxies spell the list types without a
// namespace; the helper has its own types of the same names.
#pragma once

#include <QDBusArgument>
#include <QList>
#include <QMetaType>
#include <QString>

namespace berth::client {

// A login for one registry, read from the caller's own files
// (registry_credentials.h) and sent with one call. Never logged.
struct RegistryLogin {
    QString registry; // host[:port] as a reference names it ("docker.io")
    QString username; // empty: `secret` is an identity token
    QString secret;
    bool operator==(const RegistryLogin&) const = default;
};

// One item of a job as Job1's Items and JobItemProgress give it: a layer
// of an image being pulled.
struct ItemProgress {
    QString item;  // "sha256:<hex>" of the blob
    QString phase; // waiting, downloading, verifying, extracting, done, exists
    quint64 done = 0;
    quint64 total = 0; // 0: unknown
    bool operator==(const ItemProgress&) const = default;
};

// Registers both and their lists; Client does it itself.
void registerWireTypes();

} // namespace berth::client

QDBusArgument& operator<<(QDBusArgument& arg, const berth::client::RegistryLogin& login);
const QDBusArgument& operator>>(const QDBusArgument& arg, berth::client::RegistryLogin& login);
QDBusArgument& operator<<(QDBusArgument& arg, const berth::client::ItemProgress& item);
const QDBusArgument& operator>>(const QDBusArgument& arg, berth::client::ItemProgress& item);

using BerthRegistryLogins = QList<berth::client::RegistryLogin>; // a(sss)
using BerthJobItems = QList<berth::client::ItemProgress>;        // a(sstt)

Q_DECLARE_METATYPE(berth::client::RegistryLogin)
Q_DECLARE_METATYPE(berth::client::ItemProgress)
