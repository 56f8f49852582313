// The limit options (limits_options.h) on a verb's command line: limits,
// create and run take the same ones.
#pragma once

#include "command_line.h"
#include "value_parsers.h"

#include <QMap>
#include <QString>

namespace berth::cli {

void addLimitOptions(VerbLine& line);

// SetLimits' keys and checked values of the limit options given; empty
// when none is.
[[nodiscard]] Parsed<QMap<QString, QString>> limitsFromLine(const VerbLine& line);

} // namespace berth::cli
