// org.berth.Network1: bridges and port forwards (org.berth.network.configure).
#include "service.h"

#include "host_exposure.h"
#include "net/net_spec.h"
#include "validation.h"

namespace berth::helper {
namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QVariantMap bridgeMap(const NetworkInfo& info)
{
    QStringList containers;
    for (const auto& name : info.containers)
        containers << qs(name);
    const auto& s = info.settings;
    return {{QStringLiteral("name"), qs(s.name)},
            {QStringLiteral("address"), qs(s.address)},
            {QStringLiteral("dhcpRange"), qs(s.dhcpRange)},
            {QStringLiteral("domain"), qs(s.domain)},
            {QStringLiteral("nat"), s.nat},
            {QStringLiteral("up"), info.up},
            {QStringLiteral("mtu"), uint(s.mtu)},
            {QStringLiteral("containers"), containers}};
}

Result<NetworkSettings> bridgeSettings(const QString& name, const QString& address, const QString& dhcpRange, bool nat,
                                       const QString& domain, uint mtu)
{
    NetworkSettings settings;
    settings.name = name.toStdString();
    settings.address = address.toStdString();
    settings.dhcpRange = dhcpRange.toStdString();
    settings.nat = nat;
    if (!domain.isEmpty())
        settings.domain = domain.toStdString();
    settings.mtu = mtu;
    for (const Status& check :
         {validateBridgeName(settings.name), validateCidr(settings.address, true),
          validateDhcpRange(settings.dhcpRange), validateDomain(settings.domain), validateMtu(mtu)}) {
        if (!check)
            return fail(check.error());
    }
    return settings;
}

// A string, bool or uint value of `changes` under `key`, when there.
template <typename T> Status takeChange(const QVariantMap& changes, const char* key, std::optional<T>& into)
{
    const auto found = changes.constFind(QLatin1String(key));
    if (found == changes.constEnd())
        return {};
    const QMetaType wanted = QMetaType::fromType<std::conditional_t<std::is_same_v<T, std::string>, QString, T>>();
    if (found->metaType() != wanted)
        return failWith(EINVAL, std::string("bridge change '") + key + "' has the wrong type");
    if constexpr (std::is_same_v<T, std::string>)
        into = found->toString().toStdString();
    else
        into = found->value<T>();
    return {};
}

// Only the keys given, each checked as CreateBridge's argument is.
Result<NetworkChange> bridgeChange(const QString& name, const QVariantMap& changes)
{
    static const QStringList known{QStringLiteral("address"), QStringLiteral("dhcpRange"), QStringLiteral("nat"),
                                   QStringLiteral("domain"), QStringLiteral("mtu")};
    for (const QString& key : changes.keys())
        if (!known.contains(key))
            return failWith(EINVAL, "unknown bridge change '" + key.toStdString() + "'");
    NetworkChange change;
    change.name = name.toStdString();
    for (const Status& taken :
         {takeChange(changes, "address", change.address), takeChange(changes, "dhcpRange", change.dhcpRange),
          takeChange(changes, "nat", change.nat), takeChange(changes, "domain", change.domain),
          takeChange(changes, "mtu", change.mtu)})
        if (!taken)
            return fail(taken.error());
    for (const Status& check :
         {validateBridgeName(change.name), change.address ? validateCidr(*change.address, false) : Status{},
          change.dhcpRange ? validateDhcpRange(*change.dhcpRange) : Status{},
          change.domain && !change.domain->empty() ? validateDomain(*change.domain) : Status{},
          change.mtu ? validateMtu(*change.mtu) : Status{}})
        if (!check)
            return fail(check.error());
    return change;
}

} // namespace

MapList Service::ListBridges()
{
    m_lifetime.touch();
    auto networks = m_engine.networks();
    if (rejected(networks ? Status{} : fail(networks.error())))
        return {};
    MapList out;
    for (const auto& info : *networks)
        out << bridgeMap(info);
    return out;
}

void Service::CreateBridge(const QString& name, const QString& address, const QString& dhcpRange, bool nat,
                           const QString& domain, uint mtu)
{
    auto settings = bridgeSettings(name, address, dhcpRange, nat, domain, mtu);
    if (rejected(settings ? Status{} : fail(settings.error())))
        return;
    authorizeAndRun({kActionNetwork}, [this, s = *settings] { return m_engine.createNetwork(s); });
}

void Service::ChangeBridge(const QString& name, const QVariantMap& changes)
{
    auto change = bridgeChange(name, changes);
    if (rejected(change ? Status{} : fail(change.error())))
        return;
    authorizeAndRun({kActionNetwork}, [this, c = *change] { return m_engine.changeNetwork(c); });
}

void Service::DeleteBridge(const QString& qname, bool force)
{
    const std::string name = qname.toStdString();
    if (rejected(validateBridgeName(name)))
        return;
    authorizeAndRun({kActionNetwork}, [this, name, force] { return m_engine.deleteNetwork(name, force); });
}

QStringList Service::ListForwards(const QString& qcontainer)
{
    m_lifetime.touch();
    const std::string name = qcontainer.toStdString();
    if (rejected(validateName(name)))
        return {};
    auto forwards = m_engine.forwards(name);
    if (rejected(forwards ? Status{} : fail(forwards.error())))
        return {};
    QStringList out;
    for (const auto& forward : *forwards)
        out << qs(forward);
    return out;
}

void Service::AddForward(const QString& qcontainer, const QString& qforward)
{
    const std::string name = qcontainer.toStdString();
    const std::string forward = qforward.toStdString();
    if (rejected(validateName(name)) || rejected(validateForward(forward)) || rejectedUnlessExists(name))
        return;
    Needs needs{QString::fromLatin1(kActionNetwork)};
    if (auto parsed = net::parsePortForward(forward))
        if (auto reason = forwardExposure(*parsed))
            needs.needHost({*reason});
    authorizeAndRun(needs, [this, name, forward] { return m_engine.addForward(name, forward); });
}

void Service::RemoveForward(const QString& qcontainer, const QString& qforward)
{
    const std::string name = qcontainer.toStdString();
    const std::string forward = qforward.toStdString();
    if (rejected(validateName(name)) || rejected(validateForward(forward)) || rejectedUnlessExists(name))
        return;
    authorizeAndRun({kActionNetwork}, [this, name, forward] { return m_engine.removeForward(name, forward); });
}

} // namespace berth::helper
