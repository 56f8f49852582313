// Reads: no authorization, answered at once (except the system check,
// which probes the kernel and runs on a worker thread).
#include "service.h"

#include "berth/system_check.h"
#include "config/container_spec.h"
#include "limits_args.h"
#include "net/net_spec.h"
#include "state_names.h"
#include "store/container_store.h"
#include "validation.h"
#include "worker.h"

namespace berth::helper {
namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QVariantMap limitsMap(const Limits& limits)
{
    QVariantMap out;
    for (const auto& [key, value] : limitArgsText(limits))
        out.insert(qs(key), qs(value));
    return out;
}

// What the config says: kind, autostart, addresses, template.
void addConfigFields(const std::string& text, QVariantMap& info)
{
    auto config = Config::parse(text);
    if (!config)
        return;
    if (auto spec = ContainerSpec::fromConfig(*config)) {
        info.insert(QStringLiteral("kind"), qs(kindName(spec->kind)));
        info.insert(QStringLiteral("autostart"), spec->startAuto);
        QStringList addresses;
        for (const auto& iface : spec->network) {
            if (iface.ipv4)
                addresses << qs(iface.ipv4->toString());
        }
        info.insert(QStringLiteral("addresses"), addresses);
    }
    info.insert(QStringLiteral("template"), qs(config->get("berth.template").value_or("")));
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
        {QStringLiteral("group"), qs(group.title)},
        {QStringLiteral("id"), qs(item.id)},
        {QStringLiteral("title"), qs(item.title)},
        {QStringLiteral("status"), qs(checkStatusName(item.status))},
        {QStringLiteral("detail"), qs(item.detail)},
        {QStringLiteral("explanation"), qs(item.explanation)},
    };
}

} // namespace

StringMap Service::ListContainers()
{
    m_lifetime.touch();
    auto names = m_engine.list();
    if (rejected(names ? Status{} : fail(names.error())))
        return {};
    StringMap out;
    for (const auto& name : *names) {
        auto state = m_engine.state(name);
        out.insert(qs(name), state ? qs(runStateName(state->state)) : QStringLiteral("unknown"));
    }
    return out;
}

QVariantMap Service::GetContainer(const QString& qname)
{
    m_lifetime.touch();
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejectedUnlessExists(name))
        return {};
    auto state = m_engine.state(name);
    if (rejected(state ? Status{} : fail(state.error())))
        return {};
    QVariantMap info{{QStringLiteral("name"), qname},
                     {QStringLiteral("state"), qs(runStateName(state->state))},
                     {QStringLiteral("pid"), int(state->initPid)},
                     {QStringLiteral("monitorPid"), int(state->monitorPid)},
                     {QStringLiteral("startedAt"), qlonglong(state->startedAt)},
                     {QStringLiteral("lastError"), qs(state->lastError)}};
    if (state->lastExit)
        info.insert(QStringLiteral("lastExitCode"), state->lastExit->shellStatus());
    if (auto limits = m_engine.limits(name))
        info.insert(QStringLiteral("limits"), limitsMap(*limits));
    if (auto text = ContainerStore(m_engine.settings().paths).readConfig(name))
        addConfigFields(*text, info);
    return info;
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
    m_lifetime.touch();
    auto stats = m_engine.stats();
    if (rejected(stats ? Status{} : fail(stats.error())))
        return {};
    NamedMaps out;
    for (const auto& s : *stats)
        out.insert(qs(s.name), statsMap(s));
    return out;
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
    m_lifetime.touch();
    setDelayedReply(true);
    DelayedReply reply(connection(), message());
    runInWorker<std::vector<CheckGroup>>(this, m_lifetime, [] { return runSystemCheck(); },
                                         [reply](std::vector<CheckGroup> groups) {
                                             MapList items;
                                             for (const auto& group : groups) {
                                                 for (const auto& item : group.items)
                                                     items << checkItemMap(group, item);
                                             }
                                             reply.ok({QVariant::fromValue(items)});
                                         });
    return {};
}

} // namespace berth::helper
