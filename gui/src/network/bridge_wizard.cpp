#include "bridge_wizard.h"

#include "bridge_name_page.h"
#include "bridge_options_page.h"
#include "bridge_subnet_page.h"
#include "bridge_summary_page.h"
#include "berth/model/bridge.h"
#include "error_text.h"

namespace berth::gui {
namespace {

// The editor's fields as model settings: an empty address or range is none.
model::BridgeSettings modelSettings(const client::BridgeSettings& s)
{
    model::BridgeSettings out;
    if (const auto address = model::Ipv4Cidr::parse(s.address.toStdString()))
        out.address = *address;
    if (const auto range = model::Ipv4Range::parse(s.dhcpRange.toStdString()))
        out.dhcpRange = *range;
    out.nat = s.nat;
    out.domain = s.domain.toStdString();
    out.mtu = s.mtu;
    return out;
}

} // namespace

BridgeWizard::BridgeWizard(ContainerSource& source, QWidget* parent, std::optional<client::Bridge> existing)
    : QWizard(parent), m_source(source), m_existing(std::move(existing))
{
    setWindowTitle(isEditing() ? tr("Edit bridge '%1'").arg(m_existing->name) : tr("New bridge"));
    m_namePage = new BridgeNamePage(this);
    m_subnetPage = new BridgeSubnetPage(this);
    m_optionsPage = new BridgeOptionsPage(this);
    m_summaryPage = new BridgeSummaryPage(this);
    addPage(m_namePage);
    addPage(m_subnetPage);
    addPage(m_optionsPage);
    m_summaryId = addPage(m_summaryPage);
    if (isEditing()) {
        m_namePage->setFixedName(m_existing->name);
        m_subnetPage->setCurrent(m_existing->address, m_existing->dhcpRange);
        m_optionsPage->setCurrent(m_existing->nat, m_existing->domain);
    }
    loadBridges();
}

void BridgeWizard::loadBridges()
{
    m_source.bridges(this, [this](client::Result<QList<client::Bridge>> bridges) {
        // Without the list the helper still refuses a taken name or an overlap on Finish.
        if (bridges)
            showBridges(*bridges);
    });
}

void BridgeWizard::showBridges(const QList<client::Bridge>& bridges)
{
    QStringList names;
    std::vector<model::Ipv4Cidr> subnets;
    for (const client::Bridge& bridge : bridges) {
        names << bridge.name;
        const auto address = model::Ipv4Cidr::parse(bridge.address.toStdString());
        if (address && !(isEditing() && bridge.name == m_existing->name))
            subnets.push_back(address->subnet());
    }
    m_namePage->setTaken(names);
    m_subnetPage->setOthers(subnets);
}

QString BridgeWizard::bridgeName() const
{
    return m_namePage->name();
}

client::BridgeSettings BridgeWizard::settings() const
{
    client::BridgeSettings settings;
    settings.address = m_subnetPage->bridgeAddress();
    settings.dhcpRange = m_subnetPage->dhcpRange();
    settings.nat = m_optionsPage->nat();
    settings.domain = m_optionsPage->domain();
    settings.mtu = m_existing ? m_existing->mtu : 0; // not edited here: keep it
    return settings;
}

client::BridgeChange BridgeWizard::change() const
{
    const client::Bridge& b = *m_existing;
    return model::diff(modelSettings({b.address, b.dhcpRange, b.nat, b.domain, b.mtu}), modelSettings(settings()));
}

void BridgeWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == m_summaryId) {
        m_summaryPage->setSummary(summary());
        m_summaryPage->setMessage({});
    }
}

QString BridgeWizard::summary() const
{
    const client::BridgeSettings s = settings();
    return tr("Name: %1\nBridge address: %2\nDHCP range: %3\nNAT: %4\nDNS domain: %5")
        .arg(bridgeName(), s.address, s.dhcpRange, s.nat ? tr("on") : tr("off"),
             s.domain.isEmpty() ? tr("berth (the default)") : s.domain);
}

void BridgeWizard::accept()
{
    if (m_saving)
        return;
    m_saving = true;
    m_summaryPage->setMessage(tr("Saving the bridge…"));
    auto done = [this](client::Status status) { saved(status); };
    if (isEditing())
        m_source.changeBridge(bridgeName(), change(), this, std::move(done));
    else
        m_source.createBridge(bridgeName(), settings(), this, std::move(done));
}

void BridgeWizard::saved(const client::Status& status)
{
    m_saving = false;
    if (!status) {
        const QString what = isEditing() ? tr("change the bridge '%1'").arg(bridgeName())
                                         : tr("create the bridge '%1'").arg(bridgeName());
        m_summaryPage->setMessage(errorText(status.error(), what));
        return;
    }
    m_summaryPage->setMessage({});
    Q_EMIT bridgeSaved(bridgeName());
    QWizard::accept();
}

} // namespace berth::gui
