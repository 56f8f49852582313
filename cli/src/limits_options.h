// berthctl's limit options and SetLimits' keys.
#pragma once

#include "value_parsers.h"

#include <QList>
#include <QMap>
#include <QString>

namespace berth::cli {

struct LimitOption {
    const char* option; // without "--"
    const char* key;    // SetLimits key
    const char* valueName;
    const char* help;
};

[[nodiscard]] const QList<LimitOption>& limitOptions();

// Checks and normalises one option's value for SetLimits (sizes to bytes,
// CPU counts, weights 1..10000, pids, cpusets).
[[nodiscard]] Parsed<QString> limitValue(const QString& option, const QString& value);

} // namespace berth::cli
