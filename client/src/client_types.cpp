#include "client_types.h"

#include "berth/model/create_setup.h"

#include "reply_fields.h"

#include "berth/model/create_options.h"
#include "berth/model/id_map.h"

#include <QDBusArgument>
#include <QDBusMetaType>

namespace berth::client {
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

QVariantMap createSetupMap(const CreateRequest& request)
{
    namespace keys = model::create_setup_keys;
    const auto key = [](std::string_view name) { return QString::fromLatin1(name.data(), qsizetype(name.size())); };
    const CreateSetup& setup = request.setup;
    QVariantMap out{{key(keys::kNetwork), request.network}};
    if (!setup.address.isEmpty())
        out.insert(key(keys::kAddress), setup.address);
    if (!setup.forwards.isEmpty())
        out.insert(key(keys::kForwards), setup.forwards);
    if (!setup.limits.empty()) {
        out.insert(key(keys::kLimits), QVariant::fromValue(limitArgsMap(setup.limits)));
    }
    if (setup.autostart)
        out.insert(key(keys::kAutostart), true);
    if (!setup.environment.isEmpty())
        out.insert(key(keys::kEnvironment), setup.environment);
    if (setup.removeWhenStopped)
        out.insert(key(keys::kRemoveWhenStopped), true);
    if (!setup.config.isEmpty())
        out.insert(key(keys::kConfig), QVariant::fromValue(setup.config));
    if (setup.entrypoint)
        out.insert(key(keys::kEntrypoint), *setup.entrypoint);
    if (!setup.workingDir.isEmpty())
        out.insert(key(keys::kWorkingDir), setup.workingDir);
    if (!setup.user.isEmpty())
        out.insert(key(keys::kUser), setup.user);
    if (!request.credentials.isEmpty())
        out.insert(key(keys::kCredentials), QVariant::fromValue(BerthRegistryLogins(request.credentials)));
    return out;
}

namespace {

QString interfaceKey(std::string_view name)
{
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

QStringList cidrTexts(const std::vector<model::Ipv4Cidr>& cidrs)
{
    QStringList out;
    for (const model::Ipv4Cidr& cidr : cidrs)
        out << QString::fromStdString(cidr.toString());
    return out;
}

} // namespace

QVariantMap interfaceSettingsMap(const model::NetInterface& iface)
{
    namespace keys = model::interface_keys;
    QVariantMap out{{interfaceKey(keys::kType), QString::fromStdString(iface.type.empty() ? "veth" : iface.type)}};
    const std::pair<std::string_view, const std::string*> texts[] = {
        {keys::kLink, &iface.link}, {keys::kHwaddr, &iface.hwaddr}, {keys::kName, &iface.name}};
    for (const auto& [key, value] : texts)
        if (!value->empty())
            out.insert(interfaceKey(key), QString::fromStdString(*value));
    if (!iface.ipv4.empty())
        out.insert(interfaceKey(keys::kIpv4), cidrTexts(iface.ipv4));
    if (iface.mtu != 0)
        out.insert(interfaceKey(keys::kMtu), QVariant::fromValue(uint(iface.mtu)));
    return out;
}

QVariantMap interfaceChangeMap(const InterfaceChange& change)
{
    namespace keys = model::interface_keys;
    QVariantMap out;
    const std::pair<std::string_view, const std::optional<std::string>*> texts[] = {{keys::kType, &change.type},
                                                                                    {keys::kLink, &change.link},
                                                                                    {keys::kHwaddr, &change.hwaddr},
                                                                                    {keys::kName, &change.name}};
    for (const auto& [key, value] : texts)
        if (*value)
            out.insert(interfaceKey(key), QString::fromStdString(**value));
    if (change.ipv4)
        out.insert(interfaceKey(keys::kIpv4), cidrTexts(*change.ipv4));
    if (change.mtu)
        out.insert(interfaceKey(keys::kMtu), QVariant::fromValue(uint(*change.mtu)));
    return out;
}

// A word of the right type that this client does not know.
static ClientError unknownWord(const char* field, const QString& word, const char* what)
{
    return badReply(QStringLiteral("GetContainer: field '%1' is '%2', not %3")
                        .arg(QLatin1String(field), word, QLatin1String(what)));
}

static QString fromWire(std::string_view word)
{
    return QString::fromLatin1(word.data(), qsizetype(word.size()));
}

// GetContainer's `limits`: none is no limit; a key or value SetLimits
// would refuse is a reply this client cannot trust.
static Result<model::Limits> limitsFromArgs(const QMap<QString, QString>& args)
{
    if (args.isEmpty())
        return model::Limits{};
    std::map<std::string, std::string> wire;
    for (auto it = args.begin(); it != args.end(); ++it)
        wire.emplace(it.key().toStdString(), it.value().toStdString());
    auto limits = model::parseLimitArgs(wire);
    if (!limits)
        return std::unexpected(badReply(
            QStringLiteral("GetContainer: field 'limits': %1").arg(QString::fromStdString(limits.error().message))));
    return std::move(*limits);
}

QMap<QString, QString> limitArgsMap(const model::Limits& limits)
{
    QMap<QString, QString> out;
    for (const auto& [key, value] : model::limitArgsText(limits))
        out.insert(QString::fromStdString(key), QString::fromStdString(value));
    return out;
}

QString wireText(model::RunState state)
{
    return fromWire(model::wireName(state));
}

QString wireText(std::optional<model::ContainerKind> kind)
{
    return kind ? fromWire(model::wireName(*kind)) : QString();
}

// One of GetContainer's `interfaces` (keys: model/interface.h, literals so
// data() ends in NUL); an address that is no CIDR is left out.
static Result<model::NetInterface> interfaceFromMap(const QVariantMap& map)
{
    namespace keys = model::interface_keys;
    ReplyFields f(QStringLiteral("GetContainer reply: interfaces"), map);
    model::NetInterface out;
    out.index = uint(f.unsignedInteger(keys::kIndex.data()));
    out.type = f.text(keys::kType.data()).toStdString();
    out.link = f.text(keys::kLink.data()).toStdString();
    out.hwaddr = f.text(keys::kHwaddr.data()).toStdString();
    out.name = f.text(keys::kName.data()).toStdString();
    for (const QString& text : f.strings(keys::kIpv4.data()))
        if (const auto cidr = model::Ipv4Cidr::parse(text.toStdString()))
            out.ipv4.push_back(*cidr);
    out.mtu = uint(f.unsignedInteger(keys::kMtu.data()));
    return f.finish(std::move(out));
}

Result<ContainerInfo> containerInfoFromMap(const QVariantMap& map)
{
    ReplyFields f(QStringLiteral("GetContainer reply"), map);
    ContainerInfo info;
    info.name = f.text("name");
    const QString state = f.text("state");
    if (auto typed = f.finish(true); !typed) // a wrong type is said as such
        return std::unexpected(typed.error());
    const auto known = model::parseRunState(state.toStdString());
    if (!known) // the helper always says; a word this client does not know is no "stopped"
        return std::unexpected(unknownWord("state", state, "a container state"));
    info.state = *known;
    info.pid = int(f.integer("pid"));
    info.monitorPid = int(f.integer("monitorPid"));
    info.startedAt = f.integer("startedAt");
    if (f.has("kind")) {
        const QString kind = f.text("kind");
        if (auto typed = f.finish(true); !typed)
            return std::unexpected(typed.error());
        info.kind = model::parseContainerKind(kind.toStdString());
        if (!info.kind)
            return std::unexpected(unknownWord("kind", kind, "a container kind"));
    }
    info.templateName = f.text("template");
    info.addresses = f.strings("addresses");
    info.autostart = f.boolean("autostart");
    info.startOrder = int(f.integer("startOrder"));
    info.startDelay = uint(f.unsignedInteger("startDelay"));
    info.waitLinks = f.strings("waitLinks");
    const QMap<QString, QString> limits = f.stringMap("limits");
    if (auto typed = f.finish(true); !typed)
        return std::unexpected(typed.error());
    if (auto parsed = limitsFromArgs(limits))
        info.limits = std::move(*parsed);
    else
        return std::unexpected(parsed.error());
    info.privileged = f.boolean("privileged");
    info.idMap = f.text("idmap");
    info.rootfsIds = f.text("rootfsIds");
    readHostUids(info.idMap, info);
    info.warnings = f.strings("warnings");
    for (const QString& value : f.strings("shares"))
        if (auto share = model::parseSharedFolder(value.toStdString()))
            info.shares.push_back(*share);
    info.hasExited = f.has("lastExitCode");
    info.lastExitCode = int(f.integer("lastExitCode"));
    info.lastError = f.text("lastError");
    for (const QVariantMap& entry : f.mapList("interfaces")) {
        auto interface = interfaceFromMap(entry);
        if (!interface)
            return std::unexpected(interface.error());
        info.interfaces.push_back(std::move(*interface));
    }
    info.addressInterfaces = f.strings("addressInterfaces");
    info.reservedAddresses = f.strings("reservedAddresses");
    return f.finish(std::move(info));
}

static TemplateOption optionFromFields(ReplyFields& f)
{
    TemplateOption option;
    option.key = f.text("key");
    option.type = f.text("type");
    option.label = f.text("label");
    option.description = f.text("description");
    option.defaultValue = f.text("default");
    option.choices = f.strings("choices");
    option.required = f.boolean("required");
    option.minimum = f.integer("minimum");
    option.maximum = f.integer("maximum");
    option.acceptsFile = f.boolean("acceptsFile");
    option.acceptsDirectory = f.boolean("acceptsDirectory");
    return option;
}

Result<TemplateInfo> templateInfoFromMap(const QVariantMap& map)
{
    ReplyFields f(QStringLiteral("ListTemplates reply"), map);
    TemplateInfo info;
    info.name = f.text("name");
    info.label = f.text("label");
    info.description = f.text("description");
    info.defaultKind = model::parseContainerKind(f.text("defaultKind").toStdString());
    for (const auto& optionMap : f.mapList("options")) {
        ReplyFields option(QStringLiteral("ListTemplates reply (option)"), optionMap);
        info.options << optionFromFields(option);
        if (auto checked = option.finish(true); !checked)
            return std::unexpected(checked.error());
    }
    return f.finish(std::move(info));
}

Result<ContainerStats> statsFromMap(const QString& name, const QVariantMap& map)
{
    ReplyFields f(QStringLiteral("GetStats reply"), map);
    ContainerStats s;
    s.name = name;
    s.timestampNs = f.integer("timestampNs");
    s.memoryCurrent = f.unsignedInteger("memoryCurrent");
    s.memoryLimit = f.unsignedInteger("memoryLimit", kNoLimit);
    s.memoryCache = f.unsignedInteger("memoryCache");
    s.memoryAnon = f.unsignedInteger("memoryAnon");
    s.oomKills = f.unsignedInteger("oomKills");
    s.cpuUsageNs = f.unsignedInteger("cpuUsageNs");
    s.cpuThrottledNs = f.unsignedInteger("cpuThrottledNs");
    s.cpuQuotaCores = f.number("cpuQuotaCores");
    s.pidsCurrent = f.unsignedInteger("pidsCurrent");
    s.pidsLimit = f.unsignedInteger("pidsLimit", kNoLimit);
    s.ioReadBytes = f.unsignedInteger("ioReadBytes");
    s.ioWriteBytes = f.unsignedInteger("ioWriteBytes");
    s.netRxBytes = f.unsignedInteger("netRxBytes");
    s.netTxBytes = f.unsignedInteger("netTxBytes");
    return f.finish(std::move(s));
}

Result<QList<ContainerStats>> statsFromReply(const QMap<QString, QVariantMap>& byName)
{
    QList<ContainerStats> out;
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        auto stats = statsFromMap(it.key(), it.value());
        if (!stats)
            return std::unexpected(std::move(stats.error()));
        out << *stats;
    }
    return out;
}

Result<Bridge> bridgeFromMap(const QVariantMap& map)
{
    ReplyFields f(QStringLiteral("ListBridges reply"), map);
    Bridge bridge;
    bridge.name = f.text("name");
    bridge.address = f.text("address");
    bridge.dhcpRange = f.text("dhcpRange");
    bridge.domain = f.text("domain");
    bridge.nat = f.boolean("nat");
    bridge.up = f.boolean("up");
    bridge.mtu = uint(f.unsignedInteger("mtu"));
    bridge.containers = f.strings("containers");
    return f.finish(std::move(bridge));
}

Result<CheckItem> checkItemFromMap(const QVariantMap& map)
{
    ReplyFields f(QStringLiteral("SystemCheck reply"), map);
    CheckItem item{f.text("group"),  f.text("id"),     f.text("title"),
                   f.text("status"), f.text("detail"), f.text("explanation")};
    return f.finish(std::move(item));
}

QVariantMap bridgeChangeMap(const BridgeChange& change)
{
    namespace keys = model::bridge_keys;
    const auto key = [](std::string_view name) { return QString::fromLatin1(name); };
    QVariantMap map;
    if (change.address)
        map.insert(key(keys::kAddress), QString::fromStdString(change.address->toString()));
    if (change.dhcpRange)
        map.insert(key(keys::kDhcpRange), QString::fromStdString(change.dhcpRange->toString()));
    if (change.nat)
        map.insert(key(keys::kNat), *change.nat);
    if (change.domain)
        map.insert(key(keys::kDomain), QString::fromStdString(*change.domain));
    if (change.mtu)
        map.insert(key(keys::kMtu), uint(*change.mtu));
    return map;
}

} // namespace berth::client
