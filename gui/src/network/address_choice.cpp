#include "address_choice.h"

#include "berth/model/interface.h"
#include "bridge_problem_text.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>

namespace berth::gui {

AddressChoice::AddressChoice(QWidget* parent) : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_automatic = new QRadioButton(tr("Automatic (DHCP/IPAM)"), this);
    m_automatic->setObjectName(QStringLiteral("addressAutomatic"));
    m_automatic->setChecked(true);
    grid->addWidget(m_automatic, 0, 0, 1, 2);
    m_static = new QRadioButton(tr("Static"), this);
    m_static->setObjectName(QStringLiteral("addressStatic"));
    grid->addWidget(m_static, 1, 0);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("address"));
    grid->addWidget(m_edit, 1, 1);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("addressProblem"));
    m_problem->setWordWrap(true);
    grid->addWidget(m_problem, 2, 1);
    grid->setColumnStretch(1, 1);
    connect(m_static, &QRadioButton::toggled, this, &AddressChoice::update);
    connect(m_edit, &QLineEdit::textChanged, this, &AddressChoice::update);
    update();
}

void AddressChoice::setBridgeAddress(const QString& bridgeAddress)
{
    const auto bridge = model::Ipv4Cidr::parse(bridgeAddress.toStdString());
    m_bridge = bridge ? std::optional(*bridge) : std::nullopt;
    // A hint inside the subnet, never a value: an address typed by nobody
    // would be taken without anyone choosing it.
    const bool roomy = m_bridge && m_bridge->prefix <= 27;
    const model::Ipv4Address example{roomy ? m_bridge->network().value + 20 : 0};
    m_edit->setPlaceholderText(roomy ? QString::fromStdString(example.toString()) : QString());
    update();
}

void AddressChoice::update()
{
    setEnabled(m_bridge.has_value());
    m_edit->setEnabled(isStatic());
    m_problem->setText(isStatic() ? problem() : QString());
    Q_EMIT changed();
}

bool AddressChoice::isStatic() const
{
    return m_bridge && m_static->isChecked();
}

QString AddressChoice::problem() const
{
    if (!m_bridge)
        return {};
    const QString typed = m_edit->text().trimmed();
    return addressProblemText(model::checkStaticAddress(typed.toStdString(), *m_bridge), typed, *m_bridge);
}

bool AddressChoice::isAcceptable() const
{
    return !isStatic() || problem().isEmpty();
}

QString AddressChoice::staticAddress() const
{
    if (!isStatic())
        return {};
    const auto cidr = model::staticAddressCidr(m_edit->text().trimmed().toStdString(), *m_bridge);
    return cidr ? QString::fromStdString(cidr->toString()) : QString();
}

} // namespace berth::gui
