#include "views.h"

#include "table.h"
#include "tr.h"
#include "value_parsers.h"

#include "berth/model/units.h"

#include <QDateTime>
#include <QJsonDocument>

namespace berth::cli {
namespace {

// Bytes for people: "512.0M", "1.5G", "900B".
QString sizeText(std::uint64_t bytes)
{
    return QString::fromStdString(model::formatSize(bytes, model::SizeStyle::Short));
}

QString dash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString limitText(quint64 value)
{
    return value == client::kNoLimit ? QStringLiteral("max") : sizeText(value);
}

QJsonObject stringMapJson(const QMap<QString, QString>& map)
{
    QJsonObject out;
    for (auto it = map.begin(); it != map.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

// "yes"/"no" for the list's PRIV column.
QString privilegedText(const client::ContainerInfo& info)
{
    return info.privileged ? Cli::tr("yes") : Cli::tr("no");
}

// info's line on the user namespace: whose IDs root inside has.
QStringList userNamespaceRow(const client::ContainerInfo& info)
{
    if (info.privileged)
        return {Cli::tr("Privileged:"), Cli::tr("yes: root inside is root on the host")};
    if (info.hostUidCount == 0)
        return {Cli::tr("User namespace:"), dash(info.idMap)};
    const QString range =
        QStringLiteral("%1\u2013%2").arg(info.hostUidFirst).arg(quint64(info.hostUidFirst) + info.hostUidCount - 1);
    const QString rootfs = info.rootfsIds == QLatin1String("shifted")
                               ? Cli::tr("rootfs shifted into them once at creation")
                               : Cli::tr("rootfs through an idmapped mount");
    return {Cli::tr("User namespace:"), Cli::tr("host IDs %1 (%2)").arg(range, rootfs)};
}

} // namespace

QJsonObject containerJson(const client::ContainerInfo& info)
{
    QJsonObject out{{QStringLiteral("name"), info.name},
                    {QStringLiteral("state"), client::wireText(info.state)},
                    {QStringLiteral("pid"), info.pid},
                    {QStringLiteral("kind"), client::wireText(info.kind)},
                    {QStringLiteral("template"), info.templateName},
                    {QStringLiteral("addresses"), QJsonArray::fromStringList(info.addresses)},
                    {QStringLiteral("reservedAddresses"), QJsonArray::fromStringList(info.reservedAddresses)},
                    {QStringLiteral("autostart"), info.autostart},
                    {QStringLiteral("startOrder"), info.startOrder},
                    {QStringLiteral("startDelay"), qint64(info.startDelay)},
                    {QStringLiteral("waitLinks"), QJsonArray::fromStringList(info.waitLinks)},
                    {QStringLiteral("startedAt"), info.startedAt},
                    {QStringLiteral("limits"), stringMapJson(client::limitArgsMap(info.limits))},
                    {QStringLiteral("privileged"), info.privileged},
                    {QStringLiteral("idmap"), info.idMap},
                    {QStringLiteral("rootfsIds"), info.rootfsIds}};
    if (info.hasExited)
        out.insert(QStringLiteral("lastExitCode"), info.lastExitCode);
    if (!info.lastError.isEmpty())
        out.insert(QStringLiteral("lastError"), info.lastError);
    if (!info.warnings.isEmpty())
        out.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(info.warnings));
    QJsonArray shares;
    for (const auto& share : info.shares)
        shares.append(QJsonObject{{QStringLiteral("folder"), QString::fromStdString(share.hostPath)},
                                  {QStringLiteral("target"), QString::fromStdString(share.target)},
                                  {QStringLiteral("ownerUid"), qint64(share.ownerUid)},
                                  {QStringLiteral("uid"), qint64(share.insideUid)},
                                  {QStringLiteral("gid"), qint64(share.insideGid)}});
    if (!shares.isEmpty())
        out.insert(QStringLiteral("shares"), shares);
    return out;
}

QString containersTable(const QList<client::ContainerInfo>& containers)
{
    QList<QStringList> rows;
    for (const auto& c : containers) {
        rows << QStringList{c.name,
                            client::wireText(c.state),
                            c.pid > 0 ? QString::number(c.pid) : QStringLiteral("-"),
                            dash(client::wireText(c.kind)),
                            privilegedText(c),
                            dash(c.templateName),
                            dash(c.addresses.join(QLatin1Char(',')))};
    }
    return formatTable({Cli::tr("NAME"), Cli::tr("STATE"), Cli::tr("PID"), Cli::tr("KIND"), Cli::tr("PRIV"),
                        Cli::tr("TEMPLATE"), Cli::tr("ADDRESSES")},
                       rows);
}

QString containerDetails(const client::ContainerInfo& info)
{
    QList<QStringList> rows{
        {Cli::tr("Name:"), info.name},
        {Cli::tr("State:"), client::wireText(info.state)},
        {Cli::tr("PID:"), info.pid > 0 ? QString::number(info.pid) : QStringLiteral("-")},
        {Cli::tr("Kind:"), dash(client::wireText(info.kind))},
        userNamespaceRow(info),
        {Cli::tr("Template:"), dash(info.templateName)},
        {Cli::tr("Addresses:"), dash(info.addresses.join(QStringLiteral(", ")))},
        {Cli::tr("Reserved:"), dash(info.reservedAddresses.join(QStringLiteral(", ")))},
        {Cli::tr("Autostart:"), info.autostart ? Cli::tr("yes") : Cli::tr("no")},
    };
    if (info.startedAt > 0 && info.pid > 0)
        rows << QStringList{Cli::tr("Started:"), QDateTime::fromSecsSinceEpoch(info.startedAt).toString(Qt::ISODate)};
    if (info.hasExited)
        rows << QStringList{Cli::tr("Last exit code:"), QString::number(info.lastExitCode)};
    if (!info.lastError.isEmpty())
        rows << QStringList{Cli::tr("Last error:"), info.lastError};
    const QMap<QString, QString> limits = client::limitArgsMap(info.limits);
    for (auto it = limits.begin(); it != limits.end(); ++it)
        rows << QStringList{Cli::tr("Limit %1:").arg(it.key()), it.value()};
    for (const auto& share : info.shares)
        rows << QStringList{Cli::tr("Shared folder:"),
                            Cli::tr("%1 at %2 (as uid %3, gid %4)")
                                .arg(QString::fromStdString(share.hostPath), QString::fromStdString(share.target))
                                .arg(share.insideUid)
                                .arg(share.insideGid)};
    // Confinement the config asks for that is not there: never hidden.
    for (const QString& warning : info.warnings)
        rows << QStringList{Cli::tr("Warning:"), warning};
    QString out;
    for (const auto& row : rows)
        out += row[0].leftJustified(18) + row[1] + QLatin1Char('\n');
    return out;
}

QJsonObject templateJson(const client::TemplateInfo& info)
{
    QJsonArray options;
    for (const auto& o : info.options) {
        options.append(QJsonObject{{QStringLiteral("key"), o.key},
                                   {QStringLiteral("type"), o.type},
                                   {QStringLiteral("label"), o.label},
                                   {QStringLiteral("description"), o.description},
                                   {QStringLiteral("default"), o.defaultValue},
                                   {QStringLiteral("choices"), QJsonArray::fromStringList(o.choices)},
                                   {QStringLiteral("required"), o.required},
                                   {QStringLiteral("minimum"), o.minimum},
                                   {QStringLiteral("maximum"), o.maximum},
                                   {QStringLiteral("acceptsFile"), o.acceptsFile},
                                   {QStringLiteral("acceptsDirectory"), o.acceptsDirectory}});
    }
    return QJsonObject{{QStringLiteral("name"), info.name},
                       {QStringLiteral("label"), info.label},
                       {QStringLiteral("description"), info.description},
                       {QStringLiteral("defaultKind"), client::wireText(info.defaultKind)},
                       {QStringLiteral("options"), options}};
}

static QString optionLine(const client::TemplateOption& o)
{
    QString line = QStringLiteral("    -o %1=<%2>").arg(o.key, o.type);
    if (o.type == QLatin1String("file"))
        line = QStringLiteral("    --file PATH (%1)").arg(o.key);
    QStringList notes;
    if (o.required)
        notes << Cli::tr("required");
    if (!o.defaultValue.isEmpty())
        notes << Cli::tr("default %1").arg(o.defaultValue);
    if (!o.choices.isEmpty())
        notes << Cli::tr("one of %1").arg(o.choices.join(QLatin1Char('|')));
    if (o.minimum != 0 || o.maximum != 0)
        notes << QStringLiteral("%1..%2").arg(o.minimum).arg(o.maximum);
    if (!notes.isEmpty())
        line += QStringLiteral(" [") + notes.join(QStringLiteral(", ")) + QLatin1Char(']');
    const QString about = o.description.isEmpty() ? o.label : o.description;
    if (!about.isEmpty())
        line += QStringLiteral("  ") + about;
    return line + QLatin1Char('\n');
}

QString templatesText(const QList<client::TemplateInfo>& templates)
{
    QString out;
    for (const auto& t : templates) {
        out +=
            QStringLiteral("%1 (%2)  %3\n")
                .arg(t.name, dash(client::wireText(t.defaultKind)), t.description.isEmpty() ? t.label : t.description);
        for (const auto& option : t.options)
            out += optionLine(option);
    }
    return out;
}

QJsonObject statsJson(const client::ContainerStats& s)
{
    auto limit = [](quint64 value) { return value == client::kNoLimit ? QJsonValue() : QJsonValue(double(value)); };
    return QJsonObject{{QStringLiteral("name"), s.name},
                       {QStringLiteral("timestampNs"), double(s.timestampNs)},
                       {QStringLiteral("memoryCurrent"), double(s.memoryCurrent)},
                       {QStringLiteral("memoryLimit"), limit(s.memoryLimit)},
                       {QStringLiteral("memoryCache"), double(s.memoryCache)},
                       {QStringLiteral("memoryAnon"), double(s.memoryAnon)},
                       {QStringLiteral("oomKills"), double(s.oomKills)},
                       {QStringLiteral("cpuUsageNs"), double(s.cpuUsageNs)},
                       {QStringLiteral("cpuThrottledNs"), double(s.cpuThrottledNs)},
                       {QStringLiteral("cpuQuotaCores"), s.cpuQuotaCores},
                       {QStringLiteral("pidsCurrent"), double(s.pidsCurrent)},
                       {QStringLiteral("pidsLimit"), limit(s.pidsLimit)},
                       {QStringLiteral("ioReadBytes"), double(s.ioReadBytes)},
                       {QStringLiteral("ioWriteBytes"), double(s.ioWriteBytes)},
                       {QStringLiteral("netRxBytes"), double(s.netRxBytes)},
                       {QStringLiteral("netTxBytes"), double(s.netTxBytes)}};
}

double cpuPercent(const client::ContainerStats& before, const client::ContainerStats& after)
{
    const qint64 elapsed = after.timestampNs - before.timestampNs;
    if (elapsed <= 0 || after.cpuUsageNs < before.cpuUsageNs)
        return -1;
    return 100.0 * double(after.cpuUsageNs - before.cpuUsageNs) / double(elapsed);
}

QString statsTable(const QList<client::ContainerStats>& stats, const QMap<QString, double>& cpu)
{
    QList<QStringList> rows;
    for (const auto& s : stats) {
        const double percent = cpu.value(s.name, -1);
        const QString pids = s.pidsLimit == client::kNoLimit
                                 ? QString::number(s.pidsCurrent)
                                 : QStringLiteral("%1/%2").arg(s.pidsCurrent).arg(s.pidsLimit);
        rows << QStringList{s.name,
                            percent < 0 ? QStringLiteral("-") : QStringLiteral("%1%").arg(percent, 0, 'f', 1),
                            QStringLiteral("%1s").arg(double(s.cpuUsageNs) / 1e9, 0, 'f', 2),
                            sizeText(s.memoryCurrent) + QStringLiteral(" / ") + limitText(s.memoryLimit),
                            QString::number(s.oomKills),
                            pids,
                            sizeText(s.ioReadBytes) + QStringLiteral(" / ") + sizeText(s.ioWriteBytes),
                            sizeText(s.netRxBytes) + QStringLiteral(" / ") + sizeText(s.netTxBytes)};
    }
    return formatTable({Cli::tr("NAME"), Cli::tr("CPU%"), Cli::tr("CPU TIME"), Cli::tr("MEMORY / LIMIT"),
                        Cli::tr("OOM KILLS"), Cli::tr("PIDS"), Cli::tr("IO READ / WRITE"), Cli::tr("NET RX / TX")},
                       rows);
}

QJsonObject bridgeJson(const client::Bridge& b)
{
    return QJsonObject{{QStringLiteral("name"), b.name},
                       {QStringLiteral("address"), b.address},
                       {QStringLiteral("dhcpRange"), b.dhcpRange},
                       {QStringLiteral("domain"), b.domain},
                       {QStringLiteral("nat"), b.nat},
                       {QStringLiteral("up"), b.up},
                       {QStringLiteral("mtu"), int(b.mtu)},
                       {QStringLiteral("containers"), QJsonArray::fromStringList(b.containers)}};
}

QString bridgesTable(const QList<client::Bridge>& bridges)
{
    QList<QStringList> rows;
    for (const auto& b : bridges) {
        rows << QStringList{b.name,
                            dash(b.address),
                            dash(b.dhcpRange),
                            b.nat ? Cli::tr("yes") : Cli::tr("no"),
                            b.up ? Cli::tr("up") : Cli::tr("down"),
                            dash(b.containers.join(QLatin1Char(',')))};
    }
    return formatTable({Cli::tr("NAME"), Cli::tr("ADDRESS"), Cli::tr("DHCP RANGE"), Cli::tr("NAT"), Cli::tr("LINK"),
                        Cli::tr("CONTAINERS")},
                       rows);
}

QJsonObject checkItemJson(const client::CheckItem& i)
{
    return QJsonObject{{QStringLiteral("group"), i.group},   {QStringLiteral("id"), i.id},
                       {QStringLiteral("title"), i.title},   {QStringLiteral("status"), i.status},
                       {QStringLiteral("detail"), i.detail}, {QStringLiteral("explanation"), i.explanation}};
}

QString checkText(const QList<client::CheckItem>& items)
{
    QString out;
    QString group;
    QList<QStringList> rows;
    auto flush = [&] {
        if (!rows.isEmpty())
            out += QStringLiteral("--- %1 ---\n").arg(group) +
                   formatTable({Cli::tr("CHECK"), Cli::tr("STATUS"), Cli::tr("DETAIL")}, rows);
        rows.clear();
    };
    for (const auto& item : items) {
        if (item.group != group) {
            flush();
            group = item.group;
        }
        rows << QStringList{item.title, item.status, item.detail};
    }
    flush();
    return out;
}

QString limitsText(const model::Limits& typed)
{
    QList<QStringList> rows;
    const QMap<QString, QString> limits = client::limitArgsMap(typed);
    for (auto it = limits.begin(); it != limits.end(); ++it)
        rows << QStringList{it.key(), it.value()};
    return formatTable({Cli::tr("LIMIT"), Cli::tr("VALUE")}, rows);
}

QString jsonText(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QString jsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace berth::cli
