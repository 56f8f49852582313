// The images of the helper's store as the GUI shows them (issue #21):
// GetImage/ListImages' fields, and what PruneImages freed.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace berth::gui {

struct ImageInfo {
    QString id;        // "sha256:<64 hex>", the config's digest
    QStringList names; // fully qualified, "docker.io/library/debian:bookworm"
    QString manifestDigest;
    QString os, architecture, variant;
    qint64 created = 0;     // seconds since the epoch; 0: unknown
    quint64 size = 0;       // bytes of its layers on disk
    quint64 sharedSize = 0; // of those, in layers another image uses too
    uint layers = 0;
    uint sharedLayers = 0;
    QStringList usedBy; // containers made from it
    QStringList entrypoint;
    QStringList cmd;
    QStringList env; // KEY=VALUE
    QString workingDir;
    QString user;
    QString stopSignal;
    QStringList exposedPorts; // "80/tcp", "53/udp"
    QMap<QString, QString> labels;
};

struct ImagePruneResult {
    QStringList images; // ids removed
    QStringList layers; // diff IDs removed
    quint64 bytesFreed = 0;
};

} // namespace berth::gui
