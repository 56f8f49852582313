#include "progress_text.h"

#include <algorithm>
#include <cmath>

namespace berth::cli {
namespace {

constexpr int kBarCells = 20;

QString bar(double fraction)
{
    if (fraction < 0)
        return QStringLiteral("[") +
               QString(kBarCells, QLatin1Char(' ')).replace(kBarCells / 2 - 1, 3, QStringLiteral("...")) +
               QStringLiteral("]     ");
    const double clamped = std::clamp(fraction, 0.0, 1.0);
    const int filled = int(std::floor(clamped * kBarCells));
    const int percent = int(std::floor(clamped * 100));
    return QStringLiteral("[") + QString(filled, QLatin1Char('#')) + QString(kBarCells - filled, QLatin1Char('.')) +
           QStringLiteral("] ") + QStringLiteral("%1%").arg(percent, 3);
}

} // namespace

QString progressBarText(double fraction, const QString& step, int width)
{
    QString line = bar(fraction);
    if (!step.isEmpty())
        line += QStringLiteral("  ") + step;
    if (width > 0 && line.size() > width)
        line.truncate(width);
    return line;
}

QString progressLineText(double fraction, const QString& step)
{
    if (fraction < 0)
        return step;
    const int percent = int(std::floor(std::clamp(fraction, 0.0, 1.0) * 100));
    return step.isEmpty() ? QStringLiteral("%1%").arg(percent) : QStringLiteral("%1% %2").arg(percent).arg(step);
}

} // namespace berth::cli
