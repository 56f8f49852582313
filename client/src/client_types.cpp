#include "client_types.h"

#include "berth/model/create_options.h"
#include "berth/model/id_map.h"

#include <QDBusArgument>
#include <QDBusMetaType>

namespace berth::client {
namespace {

QString text(const QVariantMap& map, const char* key)
{
    return map.value(QLatin1String(key)).toString();
}

quint64 u64(const QVariantMap& map, const char* key, quint64 fallback = 0)
{
    const auto value = map.value(QLatin1String(key));
    return value.isValid() ? value.toULongLong() : fallback;
}

} // namespace

QList<QVariantMap> variantMapList(const QVariant& value)
{
    if (value.canConvert<QDBusArgument>() && value.userType() == qMetaTypeId<QDBusArgument>()) {
        QList<QVariantMap> out;
        value.value<QDBusArgument>() >> out;
        return out;
    }
    if (value.userType() == qMetaTypeId<QList<QVariantMap>>())
        return value.value<QList<QVariantMap>>();
    QList<QVariantMap> out;
    for (const auto& item : value.toList())
        out << item.toMap();
    return out;
}

QVariantMap variantMap(const QVariant& value)
{
    if (value.userType() == qMetaTypeId<QDBusArgument>()) {
        QVariantMap out;
        value.value<QDBusArgument>() >> out;
        return out;
    }
    return value.toMap();
}

QMap<QString, QString> stringMap(const QVariant& value)
{
    QMap<QString, QString> out;
    if (value.userType() == qMetaTypeId<QDBusArgument>()) {
        const auto arg = value.value<QDBusArgument>();
        // a{ss} and a{sv} both reach here depending on the sender.
        if (arg.currentSignature() == QLatin1String("a{ss}")) {
            arg >> out;
            return out;
        }
    }
    if (value.userType() == qMetaTypeId<QMap<QString, QString>>())
        return value.value<QMap<QString, QString>>();
    const auto map = variantMap(value);
    for (auto it = map.begin(); it != map.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

// The host user IDs of the map's user entry for root inside: the block a
// container's root and users are on the host.
static void readHostUids(const QString& idMap, ContainerInfo& info)
{
    for (const QString& line : idMap.split(QStringLiteral(", "), Qt::SkipEmptyParts)) {
        auto entry = model::parseIdMapEntry(line.toStdString());
        if (entry && entry->kind == model::IdKind::User && entry->inside == 0) {
            info.hostUidFirst = entry->host;
            info.hostUidCount = entry->count;
        }
    }
}

QMap<QString, QString> createOptions(const CreateRequest& request)
{
    QMap<QString, QString> out = request.options;
    if (request.privileged)
        out.insert(QString::fromLatin1(model::kPrivilegedOption.data(), qsizetype(model::kPrivilegedOption.size())),
                   QStringLiteral("true"));
    return out;
}

static ClientError badReply(const char* field, const QString& word, const char* what)
{
    return {ErrorKind::BadReply, QString(),
            QStringLiteral("GetContainer: field '%1' is '%2', not %3")
                .arg(QLatin1String(field), word, QLatin1String(what))};
}

static QString fromWire(std::string_view word)
{
    return QString::fromLatin1(word.data(), qsizetype(word.size()));
}

QString wireText(model::RunState state)
{
    return fromWire(model::wireName(state));
}

QString wireText(std::optional<model::ContainerKind> kind)
{
    return kind ? fromWire(model::wireName(*kind)) : QString();
}

Result<ContainerInfo> containerInfoFromMap(const QVariantMap& map)
{
    ContainerInfo info;
    info.name = text(map, "name");
    const auto state = model::parseRunState(text(map, "state").toStdString());
    if (!state)
        return std::unexpected(badReply("state", text(map, "state"), "a container state"));
    info.state = *state;
    info.pid = map.value(QStringLiteral("pid")).toInt();
    info.monitorPid = map.value(QStringLiteral("monitorPid")).toInt();
    info.startedAt = map.value(QStringLiteral("startedAt")).toLongLong();
    if (map.contains(QStringLiteral("kind"))) {
        info.kind = model::parseContainerKind(text(map, "kind").toStdString());
        if (!info.kind)
            return std::unexpected(badReply("kind", text(map, "kind"), "a container kind"));
    }
    info.templateName = text(map, "template");
    info.addresses = map.value(QStringLiteral("addresses")).toStringList();
    info.autostart = map.value(QStringLiteral("autostart")).toBool();
    info.startOrder = map.value(QStringLiteral("startOrder")).toInt();
    info.startDelay = map.value(QStringLiteral("startDelay")).toUInt();
    info.waitLinks = map.value(QStringLiteral("waitLinks")).toStringList();
    info.limits = stringMap(map.value(QStringLiteral("limits")));
    info.privileged = map.value(QStringLiteral("privileged")).toBool();
    info.idMap = text(map, "idmap");
    info.rootfsIds = text(map, "rootfsIds");
    readHostUids(info.idMap, info);
    info.warnings = map.value(QStringLiteral("warnings")).toStringList();
    for (const QString& value : map.value(QStringLiteral("shares")).toStringList())
        if (auto share = model::parseSharedFolder(value.toStdString()))
            info.shares.push_back(*share);
    info.hasExited = map.contains(QStringLiteral("lastExitCode"));
    info.lastExitCode = map.value(QStringLiteral("lastExitCode")).toInt();
    info.lastError = text(map, "lastError");
    return info;
}

static TemplateOption optionFromMap(const QVariantMap& map)
{
    TemplateOption option;
    option.key = text(map, "key");
    option.type = text(map, "type");
    option.label = text(map, "label");
    option.description = text(map, "description");
    option.defaultValue = text(map, "default");
    option.choices = map.value(QStringLiteral("choices")).toStringList();
    option.required = map.value(QStringLiteral("required")).toBool();
    option.minimum = map.value(QStringLiteral("minimum")).toLongLong();
    option.maximum = map.value(QStringLiteral("maximum")).toLongLong();
    option.acceptsFile = map.value(QStringLiteral("acceptsFile")).toBool();
    option.acceptsDirectory = map.value(QStringLiteral("acceptsDirectory")).toBool();
    return option;
}

TemplateInfo templateInfoFromMap(const QVariantMap& map)
{
    TemplateInfo info;
    info.name = text(map, "name");
    info.label = text(map, "label");
    info.description = text(map, "description");
    info.defaultKind = text(map, "defaultKind");
    for (const auto& option : variantMapList(map.value(QStringLiteral("options"))))
        info.options << optionFromMap(option);
    return info;
}

ContainerStats statsFromMap(const QString& name, const QVariantMap& map)
{
    ContainerStats s;
    s.name = name;
    s.timestampNs = map.value(QStringLiteral("timestampNs")).toLongLong();
    s.memoryCurrent = u64(map, "memoryCurrent");
    s.memoryLimit = u64(map, "memoryLimit", kNoLimit);
    s.memoryCache = u64(map, "memoryCache");
    s.memoryAnon = u64(map, "memoryAnon");
    s.oomKills = u64(map, "oomKills");
    s.cpuUsageNs = u64(map, "cpuUsageNs");
    s.cpuThrottledNs = u64(map, "cpuThrottledNs");
    s.cpuQuotaCores = map.value(QStringLiteral("cpuQuotaCores")).toDouble();
    s.pidsCurrent = u64(map, "pidsCurrent");
    s.pidsLimit = u64(map, "pidsLimit", kNoLimit);
    s.ioReadBytes = u64(map, "ioReadBytes");
    s.ioWriteBytes = u64(map, "ioWriteBytes");
    s.netRxBytes = u64(map, "netRxBytes");
    s.netTxBytes = u64(map, "netTxBytes");
    return s;
}

Bridge bridgeFromMap(const QVariantMap& map)
{
    Bridge bridge;
    bridge.name = text(map, "name");
    bridge.address = text(map, "address");
    bridge.dhcpRange = text(map, "dhcpRange");
    bridge.domain = text(map, "domain");
    bridge.nat = map.value(QStringLiteral("nat")).toBool();
    bridge.up = map.value(QStringLiteral("up")).toBool();
    bridge.mtu = map.value(QStringLiteral("mtu")).toUInt();
    bridge.containers = map.value(QStringLiteral("containers")).toStringList();
    return bridge;
}

CheckItem checkItemFromMap(const QVariantMap& map)
{
    return CheckItem{text(map, "group"),  text(map, "id"),     text(map, "title"),
                     text(map, "status"), text(map, "detail"), text(map, "explanation")};
}

QVariantMap bridgeChangeMap(const BridgeChange& change)
{
    QVariantMap map;
    if (change.address)
        map.insert(QStringLiteral("address"), *change.address);
    if (change.dhcpRange)
        map.insert(QStringLiteral("dhcpRange"), *change.dhcpRange);
    if (change.nat)
        map.insert(QStringLiteral("nat"), *change.nat);
    if (change.domain)
        map.insert(QStringLiteral("domain"), *change.domain);
    if (change.mtu)
        map.insert(QStringLiteral("mtu"), *change.mtu);
    return map;
}

BridgeChange wholeBridgeChange(const BridgeSettings& settings)
{
    // No address: keep the bridge's (a change never picks a free subnet).
    const std::optional<QString> address = settings.address.isEmpty() ? std::nullopt : std::optional(settings.address);
    return {address, settings.dhcpRange, settings.nat, settings.domain, settings.mtu};
}

} // namespace berth::client
