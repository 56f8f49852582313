#include "bridge_subnet_page.h"

#include "bridge_problem_text.h"
#include "subnet_range_bar.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace berth::gui {
namespace {

template <typename T> QString text(const T& value)
{
    return QString::fromStdString(value.toString());
}

// The dotted quad in `field`, if it is one.
std::optional<model::Ipv4Address> address(const QLineEdit* field)
{
    const auto parsed = model::Ipv4Address::parse(field->text().trimmed().toStdString());
    return parsed ? std::optional(*parsed) : std::nullopt;
}

} // namespace

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

void BridgeSubnetPage::setOthers(const std::vector<model::Ipv4Cidr>& subnets)
{
    m_others = subnets;
    m_suggestion = model::suggestFreeSubnet(subnets);
    m_suggested->setText(m_suggestion ? tr("Suggested free subnet: %1").arg(text(*m_suggestion))
                                      : tr("Every 10.0.N.0/24 subnet is in use; choose another."));
    m_useSuggested->setEnabled(m_suggestion.has_value());
    if (m_followSuggestion)
        useSuggestion();
    check();
}

void BridgeSubnetPage::setCurrent(const QString& address, const QString& dhcpRange)
{
    const auto current = model::Ipv4Cidr::parse(address.toStdString());
    const auto range = model::Ipv4Range::parse(dhcpRange.toStdString());
    if (!current)
        return;
    m_followSuggestion = false;
    m_subnet->setText(text(current->subnet()));
    m_gateway->setText(text(current->address));
    m_first->setText(range ? text(range->first) : QString());
    m_last->setText(range ? text(range->last) : QString());
}

void BridgeSubnetPage::useSuggestion()
{
    if (!m_suggestion)
        return;
    m_subnet->setText(text(*m_suggestion));
    subnetEdited();
}

void BridgeSubnetPage::subnetEdited()
{
    const auto cidr = subnet();
    if (!cidr)
        return;
    // Keep what the user chose while it still fits the new subnet.
    const auto gateway = address(m_gateway);
    if (!gateway || !cidr->contains(*gateway))
        m_gateway->setText(text(model::suggestedGateway(*cidr)));
    const auto first = address(m_first);
    const auto last = address(m_last);
    if (!first || !last || !cidr->contains(*first) || !cidr->contains(*last)) {
        const model::Ipv4Range range = model::suggestedRange(*cidr);
        m_first->setText(text(range.first));
        m_last->setText(text(range.last));
    }
}

std::optional<model::Ipv4Cidr> BridgeSubnetPage::subnet() const
{
    const std::string typed = m_subnet->text().trimmed().toStdString();
    if (model::checkSubnet(typed) != model::BridgeProblem::None)
        return std::nullopt;
    return *model::Ipv4Cidr::parse(typed);
}

QString BridgeSubnetPage::problem() const
{
    using model::BridgeProblem;
    const auto typed = [](const QLineEdit* field) { return field->text().trimmed().toStdString(); };
    BridgeProblem problem = model::checkSubnet(typed(m_subnet), m_others);
    const auto cidr = subnet();
    const auto gateway = address(m_gateway);
    if (problem == BridgeProblem::None && cidr)
        problem = model::checkGateway(*cidr, typed(m_gateway));
    if (problem == BridgeProblem::None && cidr && gateway)
        problem = model::checkDhcpRange(*cidr, *gateway, typed(m_first), typed(m_last));
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
    const auto first = address(m_first);
    const auto last = address(m_last);
    m_bar->setSubnet(cidr);
    m_bar->setGateway(address(m_gateway));
    m_bar->setRange(first && last ? std::optional(model::Ipv4Range{*first, *last}) : std::nullopt);
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
