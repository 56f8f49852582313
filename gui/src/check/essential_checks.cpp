#include "essential_checks.h"

#include <QSet>

#include <algorithm>

namespace berth::gui {

bool isEssentialCheck(const QString& id)
{
    // Every container gets these namespaces, a private /dev (tmpfs) with
    // devpts, and a cgroup with memory, CPU and pids limits. User and cgroup
    // namespaces, swap accounting, cpuset, io, networking kinds, overlayfs,
    // seccomp and the tools each disable one feature, not Berth.
    static const QSet<QString> essential{
        QStringLiteral("ns.pid"),        QStringLiteral("ns.mount"),   QStringLiteral("ns.uts"),
        QStringLiteral("ns.ipc"),        QStringLiteral("ns.net"),     QStringLiteral("cgroup.mode"),
        QStringLiteral("cgroup.memory"), QStringLiteral("cgroup.cpu"), QStringLiteral("cgroup.pids"),
        QStringLiteral("fs.tmpfs"),      QStringLiteral("fs.devpts"),
    };
    return essential.contains(id);
}

bool hasEssentialMissing(const QList<client::CheckItem>& items)
{
    return std::any_of(items.begin(), items.end(), [](const client::CheckItem& item) {
        return item.status == QLatin1String("missing") && isEssentialCheck(item.id);
    });
}

} // namespace berth::gui
