#include "autostart_plan.h"

#include "table.h"
#include "tr.h"

#include <algorithm>

namespace berth::cli {

bool startsBefore(const client::ContainerInfo& a, const client::ContainerInfo& b)
{
    if (a.startOrder != b.startOrder)
        return a.startOrder < b.startOrder;
    // Container names are ASCII, so this is LXC's strcmp order.
    return a.name < b.name;
}

QList<client::ContainerInfo> autostartPlan(const QList<client::ContainerInfo>& containers)
{
    QList<client::ContainerInfo> plan;
    for (const auto& info : containers) {
        if (info.autostart)
            plan << info;
    }
    std::ranges::sort(plan, startsBefore);
    return plan;
}

qsizetype nextToStart(const QList<client::ContainerInfo>& pending, const std::function<bool(const QString&)>& linkUp)
{
    for (qsizetype i = 0; i < pending.size(); ++i) {
        if (std::ranges::all_of(pending[i].waitLinks, linkUp))
            return i;
    }
    return -1;
}

QString autostartPlanTable(const QList<client::ContainerInfo>& plan)
{
    QList<QStringList> rows;
    for (const auto& info : plan) {
        rows << QStringList{QString::number(info.startOrder), QString::number(info.startDelay), info.name,
                            client::wireText(info.state),
                            info.waitLinks.isEmpty() ? QStringLiteral("-") : info.waitLinks.join(QLatin1Char(','))};
    }
    return formatTable({Cli::tr("ORDER"), Cli::tr("DELAY"), Cli::tr("NAME"), Cli::tr("STATE"), Cli::tr("WAITS FOR")},
                       rows);
}

} // namespace berth::cli
