#include "units.h"

#include <QCoreApplication>

#include <array>

namespace berth::gui {
namespace {

struct Units {
    Q_DECLARE_TR_FUNCTIONS(Units)
};

} // namespace

QString formatBytes(quint64 bytes)
{
    static const std::array<const char*, 6> units{"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    if (bytes < 1024)
        return QStringLiteral("%1 %2").arg(bytes).arg(QLatin1String(units[0]));
    double value = double(bytes);
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < units.size()) {
        value /= 1024;
        ++unit;
    }
    // One decimal while it matters, none once the figure is large.
    const int decimals = value < 100 && value != double(qint64(value)) ? 1 : 0;
    return QStringLiteral("%1 %2").arg(value, 0, 'f', decimals).arg(QLatin1String(units[unit]));
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return Units::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return Units::tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return Units::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
    return Units::tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

} // namespace berth::gui
