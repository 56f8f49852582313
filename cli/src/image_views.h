// What berthctl prints for images (issue #21): the images table, inspect,
// prune's summary and a pull's per-layer lines. Pure, unit-tested.
#pragma once

#include "image_types.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>

namespace berth::cli {

// "3f2a9c1d0b7e: Downloading  12.3 MiB / 40.1 MiB", "3f2a9c1d0b7e: Pull complete".
[[nodiscard]] QString itemLineText(const client::ItemProgress& item);

// NAME, TAG, IMAGE ID (12 hex), CREATED (how long ago, from `now`), SIZE,
// SHARED, USED BY: one row per name (an image without one shows <none>).
[[nodiscard]] QString imagesTable(const QList<client::ImageInfo>& images, std::int64_t now);
// -q: the ids, 12 hex each, once per image.
[[nodiscard]] QString imageIdsText(const QList<client::ImageInfo>& images);
// inspect: "Key: value" lines.
[[nodiscard]] QString imageDetails(const client::ImageInfo& image);
[[nodiscard]] QJsonObject imageJson(const client::ImageInfo& image);
[[nodiscard]] QString pruneText(const client::PruneResult& pruned);

// "docker.io/library/debian:bookworm" -> {"docker.io/library/debian", "bookworm"};
// "app@sha256:…" -> {"app", "<none>"}.
[[nodiscard]] std::pair<QString, QString> nameAndTag(const QString& name);

} // namespace berth::cli
