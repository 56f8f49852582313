// berthctl's limit options (--memory, --cpus, ...) and the SetLimits keys
// they set, for `limits`, `create` and `run`.
#pragma once

#include "berth/model/limits.h"
#include "value_parsers.h"

#include <QList>
#include <QString>

namespace berth::cli {

class VerbLine;

struct LimitOption {
    const char* option; // without "--"
    model::LimitKey key;
    const char* valueName;
    const char* help;
};

[[nodiscard]] const QList<LimitOption>& limitOptions();

// Checks one option's value with the model's ranges and normalises it for
// SetLimits (sizes such as "1.5G" to bytes; cores, weights, pids, cpusets
// as given).
[[nodiscard]] Parsed<QString> limitValue(const QString& option, const QString& value);

// Adds every limit option to `line`.
void addLimitOptions(VerbLine& line);

// The limit options set on `line`, checked; empty Limits when none is set.
[[nodiscard]] Parsed<model::Limits> limitsFromLine(const VerbLine& line);

} // namespace berth::cli
