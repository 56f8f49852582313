// The text of a job's progress: a bar for terminals, a plain line otherwise.
#pragma once

#include <QString>

namespace berth::cli {

// "[#########...........]  45%  unpacking" in `width` columns at most;
// a negative fraction (unknown) shows "[  ...  ]" without a percentage.
[[nodiscard]] QString progressBarText(double fraction, const QString& step, int width);
// "45% unpacking" or "unpacking" when the fraction is unknown.
[[nodiscard]] QString progressLineText(double fraction, const QString& step);

} // namespace berth::cli
