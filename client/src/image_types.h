// Typed views of the image store's replies (issue #21): ListImages' and
// GetImage's dictionaries, PruneImages' answer, a job's items. Pure
// conversions, unit-tested without a bus.
#pragma once

#include "client_dbus_types.h"
#include "client_error.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace berth::client {

struct ImageInfo {
    QString id;        // "sha256:<hex>" of its config (Docker's image ID)
    QStringList names; // fully qualified, "docker.io/library/debian:bookworm"
    QString manifestDigest;
    QString os;
    QString architecture;
    QString variant;
    qint64 created = 0;     // seconds since the epoch; 0 unknown
    quint64 size = 0;       // bytes of its layers on disk
    quint64 sharedSize = 0; // of those, in layers another image has too
    uint layers = 0;
    uint sharedLayers = 0;
    QStringList usedBy; // containers made from it
    QStringList entrypoint;
    QStringList cmd;
    QStringList env; // KEY=VALUE
    QString workingDir;
    QString user;
    QString stopSignal;
    QStringList exposedPorts; // "80/tcp"
    QMap<QString, QString> labels;
};

struct PruneResult {
    QStringList images; // ids removed
    QStringList layers; // diff IDs removed
    quint64 bytesFreed = 0;
};

// `reply` names the dictionary in a BadReply ("ListImages reply").
[[nodiscard]] Result<ImageInfo> imageInfoFromMap(const QVariantMap& map,
                                                 const QString& reply = QStringLiteral("GetImage reply"));
[[nodiscard]] Result<QList<ImageInfo>> imagesFromReply(const QList<QVariantMap>& maps);
// Job1's Items as the bus's Properties interface gives it (a QDBusArgument
// of a(sstt)) or as a list already; BadReply for anything else.
[[nodiscard]] Result<QList<ItemProgress>> jobItemsFromVariant(const QVariant& value);

// "sha256:0123456789abcdef..." -> "0123456789ab": how tables show an id.
[[nodiscard]] QString shortId(const QString& id);

} // namespace berth::client
