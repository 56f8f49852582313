#include "bridge_subnet_page.h"

#include "bridge_checks.h"
#include "subnet_range_bar.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace berth::gui {

BridgeSubnetPage::BridgeSubnetPage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(tr("Addresses"));
    setSubTitle(tr("The subnet of the bridge, the bridge's own address in it, and the addresses DHCP hands "
                   "out to containers."));
    m_form = new QFormLayout(this);
    m_subnet = addField(tr("Subnet:"), "subnet");
    m_subnet->setPlaceholderText(QStringLiteral("10.0.5.0/24"));
    auto* suggestion = new QHBoxLayout;
    m_suggested = new QLabel(this);
    m_suggested->setObjectName(QStringLiteral("suggestedSubnet"));
    m_useSuggested = new QPushButton(tr("Use it"), this);
    m_useSuggested->setObjectName(QStringLiteral("useSuggestedSubnet"));
    suggestion->addWidget(m_suggested, 1);
    suggestion->addWidget(m_useSuggested);
    m_form->addRow(suggestion);
    m_gateway = addField(tr("Bridge address:"), "gateway");
    m_first = addField(tr("DHCP range from:"), "rangeFirst");
    m_last = addField(tr("to:"), "rangeLast");
    m_bar = new SubnetRangeBar(this);
    m_bar->setObjectName(QStringLiteral("rangeBar"));
    m_bar->setToolTip(tr("The whole subnet: the DHCP range is filled in, the bridge address is the dark mark."));
    m_form->addRow(m_bar);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("subnetProblem"));
    m_problem->setWordWrap(true);
    m_form->addRow(m_problem);
    connect(m_subnet, &QLineEdit::textEdited, this, [this] {
        m_followSuggestion = false; // the user's own choice stays when the bridge list arrives
        subnetEdited();
    });
    connect(m_useSuggested, &QPushButton::clicked, this, [this] {
        m_followSuggestion = true;
        useSuggestion();
    });
    setOthers({}); // the first suggestion until the helper lists its bridges
}

QLineEdit* BridgeSubnetPage::addField(const QString& label, const char* objectName)
{
    auto* field = new QLineEdit(this);
    field->setObjectName(QLatin1String(objectName));
    m_form->addRow(label, field);
    connect(field, &QLineEdit::textChanged, this, &BridgeSubnetPage::check);
    return field;
}

void BridgeSubnetPage::setOthers(const QList<Ipv4Cidr>& subnets)
{
    m_others = subnets;
    m_suggestion = suggestFreeSubnet(subnets);
    m_suggested->setText(m_suggestion ? tr("Suggested free subnet: %1").arg(m_suggestion->toString())
                                      : tr("Every 10.0.N.0/24 subnet is in use; choose another."));
    m_useSuggested->setEnabled(m_suggestion.has_value());
    if (m_followSuggestion)
        useSuggestion();
    check();
}

void BridgeSubnetPage::setCurrent(const QString& address, const QString& dhcpRange)
{
    const auto current = parseIpv4Cidr(address);
    const auto range = parseIpv4Range(dhcpRange);
    if (!current)
        return;
    m_followSuggestion = false;
    m_subnet->setText(current->subnet().toString());
    m_gateway->setText(ipv4ToString(current->address));
    m_first->setText(range ? ipv4ToString(range->first) : QString());
    m_last->setText(range ? ipv4ToString(range->last) : QString());
}

void BridgeSubnetPage::useSuggestion()
{
    if (!m_suggestion)
        return;
    m_subnet->setText(m_suggestion->toString());
    subnetEdited();
}

void BridgeSubnetPage::subnetEdited()
{
    const auto cidr = subnet();
    if (!cidr)
        return;
    // Keep what the user chose while it still fits the new subnet.
    const auto gateway = parseIpv4(m_gateway->text());
    if (!gateway || !cidr->contains(*gateway))
        m_gateway->setText(ipv4ToString(suggestedGateway(*cidr)));
    const auto first = parseIpv4(m_first->text());
    const auto last = parseIpv4(m_last->text());
    if (!first || !last || !cidr->contains(*first) || !cidr->contains(*last)) {
        const Ipv4Range range = suggestedRange(*cidr);
        m_first->setText(ipv4ToString(range.first));
        m_last->setText(ipv4ToString(range.last));
    }
}

std::optional<Ipv4Cidr> BridgeSubnetPage::subnet() const
{
    const QString text = m_subnet->text().trimmed();
    const BridgeProblem problem = checkSubnet(text, {});
    return problem == BridgeProblem::None ? parseIpv4Cidr(text) : std::nullopt;
}

QString BridgeSubnetPage::problem() const
{
    BridgeProblem problem = checkSubnet(m_subnet->text().trimmed(), m_others);
    const auto cidr = subnet();
    const auto gateway = parseIpv4(m_gateway->text().trimmed());
    if (problem == BridgeProblem::None && cidr)
        problem = checkGateway(*cidr, m_gateway->text().trimmed());
    if (problem == BridgeProblem::None && cidr && gateway)
        problem = checkDhcpRange(*cidr, *gateway, m_first->text().trimmed(), m_last->text().trimmed());
    return bridgeProblemText(problem);
}

bool BridgeSubnetPage::isComplete() const
{
    return problem().isEmpty();
}

void BridgeSubnetPage::check()
{
    m_problem->setText(problem());
    updateBar();
    Q_EMIT completeChanged();
}

void BridgeSubnetPage::updateBar()
{
    const auto cidr = subnet();
    const auto first = parseIpv4(m_first->text().trimmed());
    const auto last = parseIpv4(m_last->text().trimmed());
    m_bar->setSubnet(cidr);
    m_bar->setGateway(parseIpv4(m_gateway->text().trimmed()));
    m_bar->setRange(first && last ? std::optional<Ipv4Range>(Ipv4Range{*first, *last}) : std::nullopt);
}

QString BridgeSubnetPage::bridgeAddress() const
{
    const auto cidr = subnet();
    return cidr ? m_gateway->text().trimmed() + QLatin1Char('/') + QString::number(cidr->prefix) : QString();
}

QString BridgeSubnetPage::dhcpRange() const
{
    return m_first->text().trimmed() + QLatin1Char('-') + m_last->text().trimmed();
}

} // namespace berth::gui
