// What the New container wizard will do, gathered from its pages: one
// create request whose setup carries the static address, forwards and
// limits (the helper's CreateContainer applies them all or none).
#pragma once

#include "client_types.h"
#include "image_info.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace berth::gui {

// The page fields a create request is made of, as the user left them.
struct CreateChoices {
    QString templateName;
    QMap<QString, QString> options; // by key; empty values are left out of the request
    QString name;
    model::ContainerKind kind = model::ContainerKind::System;
    QString commandLine;     // application containers, split like a shell would
    QString network;         // bridge; empty: loopback only
    int inputFd = -1;        // the File option's descriptor, not owned
    bool privileged = false; // no user namespace (needs an administrator)
};

struct CreatePlan {
    client::TemplateInfo templateInfo;
    QList<std::pair<QString, QString>> optionSummary; // label and value as people read it
    QString inputPath;                                // the File option as the user chose it, for the summary
    // request.setup: address ("10.0.3.20/24"; empty: automatic), forwards,
    // limits (SetLimits keys; unlimited ones left out).
    client::CreateRequest request;
};

[[nodiscard]] client::CreateRequest buildCreateRequest(const CreateChoices& choices);

// "From an image": the image page's fields, pre-filled from GetImage and
// then edited. Only what differs from the image goes into the request, so
// the image's own config stays in force for the rest (Docker's rules: a
// command replaces Cmd; an entrypoint replaces Entrypoint and drops Cmd).
struct ImageChoices {
    QString reference;
    ImageInfo image;        // as GetImage described it
    QString entrypointLine; // split like a shell would
    QString commandLine;
    QStringList environment; // KEY=VALUE, the table's rows
    QString workingDir;
    QString user;
    QStringList forwards; // "tcp:8080:80" for the exposed ports ticked
};

// The template option `reference`, the command, and the setup's
// entrypoint, environment, working directory, user and forwards.
void applyImageChoices(const ImageChoices& choices, client::CreateRequest& request);
// A command as one line QProcess::splitCommand splits back into the same
// words (empty words excepted: it drops them).
[[nodiscard]] QString joinCommand(const QStringList& words);
// The image's exposed port "80/tcp" as a forward from `hostPort`
// ("tcp:8080:80"); empty when it is no port.
[[nodiscard]] QString forwardForExposedPort(const QString& exposed, uint hostPort);
// The host port offered first: the same, or 8000 above it for the ports
// below 1024 (those need an administrator on the host).
[[nodiscard]] uint suggestedHostPort(const QString& exposed);

} // namespace berth::gui
