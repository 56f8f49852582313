// The image store's verbs (cmd_images.cpp) and what run and create use
// of them: pulling an image that the store lacks.
#pragma once

#include "client_dbus_types.h"

#include <QList>
#include <QString>

namespace berth::cli {

// The caller's own logins for the registries `reference` can resolve to;
// warnings (files ignored, credential helpers) go to stderr.
[[nodiscard]] QList<client::RegistryLogin> credentialsFor(const QString& reference);
// PullImage with each layer's progress on stderr; the exit code.
int pullWithProgress(const QString& reference, bool quiet, QString* imageId);
// Pulls the image unless the store has it already; the exit code.
int ensureImage(const QString& reference, bool quiet);

} // namespace berth::cli
