#include "chart_scale.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>

namespace berth::gui {
namespace {

struct Step {
    double size; // in the chart's unit
    const char* suffix;
};

// The largest unit in which `top` is at least 1 (the first if none).
ValueScale pick(const std::array<Step, 4>& steps, double top)
{
    const Step* chosen = &steps.front();
    for (const Step& step : steps)
        if (top >= step.size)
            chosen = &step;
    return {1.0 / chosen->size, QString::fromLatin1(chosen->suffix), 0};
}

} // namespace

ValueScale valueScale(ValueUnit unit, double top)
{
    constexpr double kKiB = 1.0 / 1024; // of a MiB
    switch (unit) {
    case ValueUnit::Mebibytes:
        return pick({{{kKiB * kKiB, "B"}, {kKiB, "KiB"}, {1, "MiB"}, {1024, "GiB"}}}, top);
    case ValueUnit::KibPerSecond:
        return pick({{{kKiB, "B/s"}, {1, "KiB/s"}, {1024, "MiB/s"}, {1024 * 1024, "GiB/s"}}}, top);
    case ValueUnit::Cores:
        return {100, QStringLiteral("%"), 0};
    case ValueUnit::Count:
        break;
    }
    return {1, QString(), 0};
}

int decimalsFor(double step)
{
    int decimals = 0;
    for (double scaled = step; decimals < 3 && std::abs(scaled - std::round(scaled)) > 1e-6; scaled *= 10)
        ++decimals;
    return decimals;
}

QString scaledText(const ValueScale& scale, double value, const QLocale& locale)
{
    const double shown = value * scale.factor;
    // One decimal while it matters, as formatBytes does.
    const int decimals = std::abs(shown) < 100 && shown != std::floor(shown) ? std::max(1, scale.decimals) : 0;
    const QString number = locale.toString(shown, 'f', decimals);
    return scale.suffix.isEmpty() ? number : number + QLatin1Char(' ') + scale.suffix;
}

QString clockFormat(const QLocale& locale, bool withSeconds)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QRegularExpression(QStringLiteral("\\s*t+")));
    if (withSeconds && !format.contains(QLatin1Char('s')))
        format.replace(QStringLiteral("mm"), QStringLiteral("mm:ss"));
    else if (!withSeconds)
        format.remove(QRegularExpression(QStringLiteral("[^Hhm]s+")));
    // Morning and afternoon words that need glyphs outside Latin-1 (上午,
    // 下午) give way to the 24-hour clock, which every locale reads.
    const auto latin1 = [](const QString& text) {
        return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() <= 0xff; });
    };
    const bool amPm = format.contains(QLatin1Char('a'), Qt::CaseInsensitive);
    if (!latin1(format) || (amPm && !latin1(locale.amText() + locale.pmText())))
        return withSeconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    return format.trimmed();
}

} // namespace berth::gui
