#include "usage_summary.h"

#include "chart_scale.h"

#include <QCoreApplication>

namespace berth::gui {
namespace {

struct UsageSummary {
    Q_DECLARE_TR_FUNCTIONS(UsageSummary)
};

std::optional<double> newest(const UsagePoints& points, UsageKind kind)
{
    const QList<QPointF> line = points.value(kind);
    return line.isEmpty() ? std::nullopt : std::optional<double>(line.last().y());
}

// In the unit that suits the figure itself: "212 MiB", "1.5 GiB", "37 %".
QString figure(ValueUnit unit, double value)
{
    return scaledText(valueScale(unit, value), value, QLocale());
}

QString memory(const UsagePoints& points, const UsageLimits& now)
{
    const auto used = newest(points, UsageKind::MemoryUsed);
    if (!used)
        return UsageSummary::tr("No figures yet");
    const QString usedText = figure(ValueUnit::Mebibytes, *used);
    QString text = now.memoryMiB
                       ? UsageSummary::tr("%1 of %2").arg(usedText, figure(ValueUnit::Mebibytes, *now.memoryMiB))
                       : UsageSummary::tr("%1, no limit").arg(usedText);
    if (now.memorySoftMiB)
        text = UsageSummary::tr("%1 (soft limit %2)").arg(text, figure(ValueUnit::Mebibytes, *now.memorySoftMiB));
    return text;
}

QString cpu(const UsagePoints& points, const UsageLimits& now)
{
    const auto used = newest(points, UsageKind::CpuUsed);
    if (!used)
        return UsageSummary::tr("No figures yet");
    const QString usedText = figure(ValueUnit::Cores, *used);
    if (!now.cpuCores)
        return UsageSummary::tr("%1, no quota").arg(usedText);
    return UsageSummary::tr("%1, quota %2 (%3 cores)")
        .arg(usedText, figure(ValueUnit::Cores, *now.cpuCores), QLocale().toString(*now.cpuCores));
}

QString pids(const UsagePoints& points, const UsageLimits& now)
{
    const auto used = newest(points, UsageKind::Pids);
    if (!used)
        return UsageSummary::tr("No figures yet");
    const QString usedText = figure(ValueUnit::Count, *used);
    return now.pids ? UsageSummary::tr("%1 of %2").arg(usedText, figure(ValueUnit::Count, *now.pids))
                    : UsageSummary::tr("%1, no limit").arg(usedText);
}

QString rates(const UsagePoints& points, UsageKind in, UsageKind out, const QString& text)
{
    const auto first = newest(points, in);
    const auto second = newest(points, out);
    if (!first || !second)
        return UsageSummary::tr("No figures yet");
    return text.arg(figure(ValueUnit::KibPerSecond, *first), figure(ValueUnit::KibPerSecond, *second));
}

} // namespace

QString usageSummary(UsageKind chart, const UsagePoints& points, const UsageLimits& now)
{
    switch (chart) {
    case UsageKind::MemoryUsed:
        return memory(points, now);
    case UsageKind::CpuUsed:
        return cpu(points, now);
    case UsageKind::Pids:
        return pids(points, now);
    case UsageKind::IoRead:
        return rates(points, UsageKind::IoRead, UsageKind::IoWrite, UsageSummary::tr("read %1, written %2"));
    case UsageKind::NetRx:
        return rates(points, UsageKind::NetRx, UsageKind::NetTx, UsageSummary::tr("received %1, sent %2"));
    default:
        break;
    }
    return {};
}

} // namespace berth::gui
