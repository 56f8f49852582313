// How a chart's axes read: the value axis in a unit chosen from the range
// (B to GiB, B/s to GiB/s, % of one core, a count), never "1e+04", and the
// time axis in clock time in the locale's own form. Pure, so tested alone.
#pragma once

#include <QLocale>
#include <QString>

namespace berth::gui {

// The unit a chart's points are in (usage_series.h).
enum class ValueUnit {
    Mebibytes,    // memory
    KibPerSecond, // disk and network rates
    Cores,        // CPU: shown as % of one core
    Count,        // processes
};

struct ValueScale {
    double factor = 1; // shown value = point value × factor
    QString suffix;    // "MiB", "KiB/s", "%", "" (Latin only: Qt Charts prints it through Latin-1)
    int decimals = 0;
};

// The scale for a chart whose highest value is `top` (in `unit`).
[[nodiscard]] ValueScale valueScale(ValueUnit unit, double top);
// Decimals that show ticks `step` apart exactly (0 for whole steps, at most 3).
[[nodiscard]] int decimalsFor(double step);
// "212 MiB", "37 %", "1.5 KiB/s": `value` (in the chart's unit) as its axis reads.
[[nodiscard]] QString scaledText(const ValueScale& scale, double value, const QLocale& locale = {});

// The locale's short time ("HH:mm", "h:mm AP"), with seconds when asked,
// without a time zone; only Latin-1 characters, so that no font lacks them.
[[nodiscard]] QString clockFormat(const QLocale& locale, bool withSeconds);

} // namespace berth::gui
