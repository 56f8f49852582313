#include "scenario_host.h"

#include "integration_env.h"
#include "system_bus.h"

#include "berth/paths.h"

#include <QFile>
#include <QRegularExpression>

#include <filesystem>

namespace berth::test {
namespace {

namespace fsys = std::filesystem;

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

QStringList linksOnBridge(const QString& bridge)
{
    QString out;
    if (run(QStringLiteral("ip"),
            {QStringLiteral("-o"), QStringLiteral("link"), QStringLiteral("show"), QStringLiteral("master"), bridge},
            &out) != 0)
        return {};
    QStringList names;
    for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        // "12: vethXYZ@if2: <...": the name ends at '@' or ':'.
        const QString name = line.section(QLatin1Char(':'), 1, 1).trimmed();
        names << name.section(QLatin1Char('@'), 0, 0);
    }
    return names;
}

QString linkAlias(const QString& link)
{
    QString out;
    run(QStringLiteral("ip"),
        {QStringLiteral("-o"), QStringLiteral("link"), QStringLiteral("show"), QStringLiteral("dev"), link}, &out);
    return QRegularExpression(QStringLiteral("\\s+alias (\\S+)")).match(out).captured(1);
}

QStringList addressesOf(const QString& link)
{
    QString out;
    run(QStringLiteral("ip"),
        {QStringLiteral("-o"), QStringLiteral("-4"), QStringLiteral("addr"), QStringLiteral("show"),
         QStringLiteral("dev"), link},
        &out);
    QStringList cidrs;
    for (const QString& line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList fields = line.simplified().split(QLatin1Char(' '));
        const qsizetype at = fields.indexOf(QStringLiteral("inet"));
        if (at >= 0 && at + 1 < fields.size())
            cidrs << fields[at + 1];
    }
    return cidrs;
}

QString berthFirewall()
{
    QString out;
    const int code =
        run(QStringLiteral("nft"),
            {QStringLiteral("list"), QStringLiteral("table"), QStringLiteral("inet"), QStringLiteral("berth")}, &out);
    return code == 0 ? out : QString();
}

QString leaseFile(const QString& bridge)
{
    const Paths paths(IntegrationEnvironment::instance().stateRoot());
    return readText(QString::fromStdString(paths.networkLeases(bridge.toStdString()).string()));
}

QStringList cgroupsOf(const QString& container)
{
    const std::string parent = IntegrationEnvironment::instance().cgroupParent();
    QStringList found;
    for (const fsys::path& hierarchy : cgroupHierarchies()) {
        std::error_code ec;
        if (fsys::is_directory(hierarchy / parent / container.toStdString(), ec))
            found << QString::fromStdString(hierarchy.string());
    }
    return found;
}

QString cgroupFile(const QString& controller, const QString& container, const QString& file)
{
    const fsys::path path = fsys::path("/sys/fs/cgroup") / controller.toStdString() /
                            IntegrationEnvironment::instance().cgroupParent() / container.toStdString() /
                            file.toStdString();
    QFile in(QString::fromStdString(path.string()));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll()).trimmed();
}

} // namespace berth::test
