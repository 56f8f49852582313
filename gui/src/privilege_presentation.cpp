#include "privilege_presentation.h"

#include "icons.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

namespace berth::gui {
namespace {

struct Privilege {
    Q_DECLARE_TR_FUNCTIONS(Privilege)
};

} // namespace

QIcon privilegedIcon()
{
    return icon(Icon::Privileged);
}

QString privilegedToolTip()
{
    return Privilege::tr("Privileged: root inside this container is root on this computer");
}

QString userNamespaceText(const client::ContainerInfo& info)
{
    if (info.privileged)
        return Privilege::tr("Privileged: root inside is root on this computer");
    if (info.hostUidCount == 0)
        return Privilege::tr("Unprivileged: %1").arg(info.idMap);
    const QString range =
        QStringLiteral("%1\u2013%2").arg(info.hostUidFirst).arg(quint64(info.hostUidFirst) + info.hostUidCount - 1);
    const QString rootfs = info.rootfsIds == QLatin1String("shifted")
                               ? Privilege::tr("rootfs shifted into them once at creation")
                               : Privilege::tr("rootfs through an idmapped mount");
    return Privilege::tr("Unprivileged: host IDs %1 (%2)").arg(range, rootfs);
}

} // namespace berth::gui
