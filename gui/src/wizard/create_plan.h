// What the New container wizard will do, gathered from its pages: one
// create request whose setup carries the static address, forwards and
// limits (the helper's CreateContainer applies them all or none).
#pragma once

#include "client_types.h"

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

} // namespace berth::gui
