// Reads: no authorization. Those that ask monitors or probe the kernel
// (list, container, stats, system check) answer from a worker thread.
#include "service.h"

#include "berth/system_check.h"
#include "berth/model/limits.h"
#include "spec/container_spec.h"
#include "container_addresses.h"
#include "net/interface_view.h"
#include "net/net_spec.h"
#include "state_names.h"
#include "store/container_store.h"
#include "validation.h"
#include "wait_links.h"
#include "worker.h"

#include <cerrno>

namespace berth::helper {
namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QVariantMap limitsMap(const Limits& limits)
{
    QVariantMap out;
    for (const auto& [key, value] : model::limitArgsText(limits))
        out.insert(qs(key), qs(value));
    return out;
}

QStringList stringList(const std::vector<std::string>& items)
{
    QStringList out;
    for (const std::string& item : items)
        out << qs(item);
    return out;
}

// lxc.start.* and the host links a start needs that Berth does not create.
void addAutostartFields(const ContainerSpec& spec, const Paths& paths, QVariantMap& info)
{
    info.insert(QStringLiteral("autostart"), spec.startAuto);
    info.insert(QStringLiteral("startOrder"), spec.startOrder);
    info.insert(QStringLiteral("startDelay"), uint(spec.startDelay));
    info.insert(QStringLiteral("waitLinks"), stringList(waitLinks(spec, paths)));
}

// Its user namespace: privileged (none), the ID map in LXC's syntax, and
// how the rootfs's files are seen in it ("idmapped": through an idmapped
// mount; "shifted": chowned into the block once).
void addUserNamespaceFields(const ContainerSpec& spec, QVariantMap& info)
{
    QStringList map;
    for (const auto& entry : spec.idMap.entries)
        map << qs(model::formatIdMapEntry(entry));
    info.insert(QStringLiteral("privileged"), spec.privileged());
    info.insert(QStringLiteral("idmap"), map.join(QStringLiteral(", ")));
    const char* rootfs = spec.privileged() ? "" : spec.rootfsShifted ? "shifted" : "idmapped";
    info.insert(QStringLiteral("rootfsIds"), QString::fromLatin1(rootfs));
}

// GetContainer's `interfaces` (aa{sv}): each lxc.net.N with model's keys.
MapList interfaceMaps(const std::vector<net::NetInterfaceSpec>& network)
{
    namespace keys = model::interface_keys;
    const auto key = [](std::string_view name) { return QString::fromLatin1(name); };
    MapList out;
    for (const auto& iface : network) {
        const model::NetInterface shown = net::describeInterface(iface);
        QStringList ipv4;
        for (const auto& cidr : shown.ipv4)
            ipv4 << qs(cidr.toString());
        out << QVariantMap{{key(keys::kIndex), uint(shown.index)}, {key(keys::kType), qs(shown.type)},
                           {key(keys::kLink), qs(shown.link)},     {key(keys::kHwaddr), qs(shown.hwaddr)},
                           {key(keys::kName), qs(shown.name)},     {key(keys::kIpv4), ipv4},
                           {key(keys::kMtu), uint(shown.mtu)}};
    }
    return out;
}

// What the config says: kind, autostart, reserved addresses (the config's
// and those the bridges leased, which the config does not name), template,
// warnings.
void addConfigFields(const std::string& text, const std::vector<std::string>& leased, const Paths& paths,
                     QVariantMap& info)
{
    auto config = Config::parse(text);
    if (!config)
        return;
    auto spec = ContainerSpec::fromConfig(*config);
    // What the config asks for that is not applied, or why it cannot start.
    info.insert(QStringLiteral("warnings"),
                spec ? stringList(spec->warnings) : QStringList{qs(spec.error().describe())});
    if (spec) {
        info.insert(QStringLiteral("kind"), qs(kindName(spec->kind)));
        addAutostartFields(*spec, paths, info);
        addUserNamespaceFields(*spec, info);
        std::vector<std::string> configured;
        for (const auto& iface : spec->network) {
            if (iface.ipv4)
                configured.push_back(iface.ipv4->toString());
        }
        info.insert(QStringLiteral("reservedAddresses"), stringList(mergeAddresses(std::move(configured), leased)));
        info.insert(QStringLiteral("interfaces"), QVariant::fromValue(interfaceMaps(spec->network)));
        std::vector<std::string> shares;
        for (const auto& share : spec->shares)
            shares.push_back(model::formatSharedFolder(share));
        info.insert(QStringLiteral("shares"), stringList(shares));
    }
    info.insert(QStringLiteral("template"), qs(config->get("berth.template").value_or("")));
}

// `addresses`: those its interfaces have now, and `addressInterfaces`
// their interfaces, in the same order. One that cannot be read (it stopped
// meanwhile, its monitor hangs) has none: never the reservation instead.
void addLiveAddresses(const Result<std::vector<LiveAddress>>& live, QVariantMap& info)
{
    QStringList addresses;
    QStringList interfaces;
    for (const LiveAddress& address : live ? *live : std::vector<LiveAddress>{}) {
        addresses << qs(address.address);
        interfaces << qs(address.interface);
    }
    info.insert(QStringLiteral("addresses"), addresses);
    info.insert(QStringLiteral("addressInterfaces"), interfaces);
}

QVariantMap statsMap(const ContainerStats& s)
{
    return {
        {QStringLiteral("timestampNs"), qlonglong(s.timestampNs)},
        {QStringLiteral("memoryCurrent"), qulonglong(s.memoryCurrent)},
        {QStringLiteral("memoryLimit"), qulonglong(s.memoryLimit)},
        {QStringLiteral("memoryCache"), qulonglong(s.memoryCache)},
        {QStringLiteral("memoryAnon"), qulonglong(s.memoryAnon)},
        {QStringLiteral("oomKills"), qulonglong(s.oomKills)},
        {QStringLiteral("cpuUsageNs"), qulonglong(s.cpuUsageNs)},
        {QStringLiteral("cpuThrottledNs"), qulonglong(s.cpuThrottledNs)},
        {QStringLiteral("cpuQuotaCores"), s.cpuQuota ? s.cpuQuota->cores : 0.0},
        {QStringLiteral("pidsCurrent"), qulonglong(s.pidsCurrent)},
        {QStringLiteral("pidsLimit"), qulonglong(s.pidsLimit)},
        {QStringLiteral("ioReadBytes"), qulonglong(s.ioReadBytes)},
        {QStringLiteral("ioWriteBytes"), qulonglong(s.ioWriteBytes)},
        {QStringLiteral("netRxBytes"), qulonglong(s.netRxBytes)},
        {QStringLiteral("netTxBytes"), qulonglong(s.netTxBytes)},
    };
}

QVariantMap optionMap(const TemplateOption& option)
{
    QStringList choices;
    for (const auto& choice : option.choices)
        choices << qs(choice);
    return {
        {QStringLiteral("key"), qs(option.key)},
        {QStringLiteral("type"), qs(optionTypeName(option.type))},
        {QStringLiteral("label"), qs(option.label)},
        {QStringLiteral("description"), qs(option.description)},
        {QStringLiteral("default"), option.type == OptionType::Secret ? QString() : qs(option.defaultValue)},
        {QStringLiteral("choices"), choices},
        {QStringLiteral("required"), option.required},
        {QStringLiteral("minimum"), qlonglong(option.minimum)},
        {QStringLiteral("maximum"), qlonglong(option.maximum)},
        {QStringLiteral("acceptsFile"), option.acceptsFile},
        {QStringLiteral("acceptsDirectory"), option.acceptsDirectory},
    };
}

QVariantMap checkItemMap(const CheckGroup& group, const CheckItem& item)
{
    return {
        {QStringLiteral("group"), qs(group.title)},  {QStringLiteral("id"), qs(item.id)},
        {QStringLiteral("title"), qs(item.title)},   {QStringLiteral("status"), qs(checkStatusName(item.status))},
        {QStringLiteral("detail"), qs(item.detail)}, {QStringLiteral("explanation"), qs(item.explanation)},
    };
}

} // namespace

// The reads below ask each monitor for its container's state: they run on
// a worker thread so that a hung monitor delays its caller, never the
// helper's event loop (other callers, jobs, the idle timer).
// Reads need no authorization, so anyone could start threads with them:
// past this many at once (callers stuck on a hung monitor included), Busy.
constexpr int kMaxReadsInFlight = 16;

void Service::answerFromWorker(std::function<Result<QVariant>()> read)
{
    m_lifetime.touch();
    if (m_readsInFlight >= kMaxReadsInFlight) {
        rejected(failWith(EBUSY, "too many reads in progress, try again"));
        return;
    }
    ++m_readsInFlight;
    setDelayedReply(true);
    DelayedReply reply(connection(), message());
    runInWorker<Result<QVariant>>(this, m_lifetime, std::move(read), [this, reply](Result<QVariant> value) {
        --m_readsInFlight;
        if (!value) {
            reply.error(value.error());
            return;
        }
        reply.ok({*value});
    });
}

StringMap Service::ListContainers()
{
    answerFromWorker([this]() -> Result<QVariant> {
        auto names = m_engine.list();
        if (!names)
            return fail(names.error());
        StringMap out;
        for (const auto& name : *names) {
            auto state = m_engine.state(name);
            out.insert(qs(name), state ? qs(runStateName(state->state)) : QStringLiteral("unknown"));
        }
        return QVariant::fromValue(out);
    });
    return {};
}

Result<QVariantMap> Service::containerInfo(const std::string& name) const
{
    if (!ContainerStore(m_engine.settings().paths).exists(name))
        return fail(Error::missingContainer(name));
    auto state = m_engine.state(name);
    if (!state)
        return fail(state.error());
    QVariantMap info{{QStringLiteral("name"), qs(name)},
                     {QStringLiteral("state"), qs(runStateName(state->state))},
                     {QStringLiteral("pid"), int(state->initPid)},
                     {QStringLiteral("monitorPid"), int(state->monitorPid)},
                     {QStringLiteral("startedAt"), qlonglong(state->startedAt)},
                     {QStringLiteral("lastError"), qs(state->lastError)}};
    if (state->lastExit)
        info.insert(QStringLiteral("lastExitCode"), state->lastExit->shellStatus());
    if (auto limits = m_engine.limits(name))
        info.insert(QStringLiteral("limits"), limitsMap(*limits));
    // A lease file that cannot be read costs the leased addresses only,
    // not the whole answer.
    auto leased = m_engine.leasedAddresses(name);
    if (auto text = ContainerStore(m_engine.settings().paths).readConfig(name))
        addConfigFields(*text, leased ? *leased : std::vector<std::string>{}, m_engine.settings().paths, info);
    addLiveAddresses(m_engine.liveAddresses(name), info);
    return info;
}

QVariantMap Service::GetContainer(const QString& qname)
{
    m_lifetime.touch();
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)))
        return {};
    answerFromWorker([this, name]() -> Result<QVariant> {
        auto info = containerInfo(name);
        if (!info)
            return fail(info.error());
        return QVariant(*info);
    });
    return {};
}

QString Service::GetConfig(const QString& qname)
{
    m_lifetime.touch();
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)))
        return {};
    auto text = ContainerStore(m_engine.settings().paths).readConfig(name);
    if (rejected(text ? Status{} : fail(text.error())))
        return {};
    return QString::fromStdString(*text);
}

NamedMaps Service::GetStats()
{
    answerFromWorker([this]() -> Result<QVariant> {
        auto stats = m_engine.stats();
        if (!stats)
            return fail(stats.error());
        NamedMaps out;
        for (const auto& s : *stats)
            out.insert(qs(s.name), statsMap(s));
        return QVariant::fromValue(out);
    });
    return {};
}

MapList Service::ListTemplates()
{
    m_lifetime.touch();
    MapList out;
    for (const auto& info : templateCatalog()) {
        MapList options;
        for (const auto& option : info.options)
            options << optionMap(option);
        out << QVariantMap{{QStringLiteral("name"), qs(info.name)},
                           {QStringLiteral("label"), qs(info.label)},
                           {QStringLiteral("description"), qs(info.description)},
                           {QStringLiteral("defaultKind"), qs(kindName(info.defaultKind))},
                           {QStringLiteral("options"), QVariant::fromValue(options)}};
    }
    return out;
}

MapList Service::SystemCheck()
{
    // Which cgroup parent containers get is the helper's setting.
    answerFromWorker([parent = m_engine.settings().cgroupParent]() -> Result<QVariant> {
        MapList items;
        for (const auto& group : runSystemCheck({.cgroupParent = parent})) {
            for (const auto& item : group.items)
                items << checkItemMap(group, item);
        }
        return QVariant::fromValue(items);
    });
    return {};
}

} // namespace berth::helper
