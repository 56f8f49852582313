// What berthctl prints for the helper's data: human tables and JSON.
// Pure, so the exact output is unit-tested.
#pragma once

#include "client_types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace berth::cli {

[[nodiscard]] QJsonObject containerJson(const client::ContainerInfo& info);
[[nodiscard]] QString containersTable(const QList<client::ContainerInfo>& containers);
[[nodiscard]] QString containerDetails(const client::ContainerInfo& info);

[[nodiscard]] QJsonObject templateJson(const client::TemplateInfo& info);
[[nodiscard]] QString templatesText(const QList<client::TemplateInfo>& templates);

[[nodiscard]] QJsonObject statsJson(const client::ContainerStats& stats);
// cpuPercent: per container, from two samples; empty when unknown.
[[nodiscard]] QString statsTable(const QList<client::ContainerStats>& stats, const QMap<QString, double>& cpuPercent);
// CPU use in percent of one core between two samples of the same container.
[[nodiscard]] double cpuPercent(const client::ContainerStats& before, const client::ContainerStats& after);

[[nodiscard]] QJsonObject bridgeJson(const client::Bridge& bridge);
[[nodiscard]] QString bridgesTable(const QList<client::Bridge>& bridges);

[[nodiscard]] QJsonObject checkItemJson(const client::CheckItem& item);
[[nodiscard]] QString checkText(const QList<client::CheckItem>& items);

[[nodiscard]] QString limitsText(const model::Limits& limits);

// Indented JSON text with a final newline.
[[nodiscard]] QString jsonText(const QJsonArray& array);
[[nodiscard]] QString jsonText(const QJsonObject& object);

} // namespace berth::cli
