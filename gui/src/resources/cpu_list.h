// CPU lists in the kernel's text form ("0-1,3"), as cpuset.cpus and
// /sys/devices/system/cpu/online write them.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace berth::gui {

// Sorted, without duplicates; nullopt for anything that is not such a list
// (empty text is an empty list). CPUs above `highest` are refused.
[[nodiscard]] std::optional<QList<int>> parseCpuList(const QString& text, int highest = 4095);
// Sorted, runs as "a-b" ("0-1,3"), as the kernel writes them.
[[nodiscard]] QString formatCpuList(const QList<int>& cpus);
// The host's CPUs: `onlinePath` parsed, else 0..idealThreadCount-1.
[[nodiscard]] QList<int> hostCpus(const QString& onlinePath = QStringLiteral("/sys/devices/system/cpu/online"));

} // namespace berth::gui
