#include "address_choice.h"

#include "static_address_check.h"

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
    m_bridge = parseIpv4Cidr(bridgeAddress);
    // A hint inside the subnet, never a value: an address typed by nobody
    // would be taken without anyone choosing it.
    const bool roomy = m_bridge && m_bridge->prefix <= 27;
    m_edit->setPlaceholderText(roomy ? ipv4ToString(m_bridge->network() + 20) : QString());
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
    return m_bridge ? staticAddressProblem(m_edit->text().trimmed(), *m_bridge) : QString();
}

bool AddressChoice::isAcceptable() const
{
    return !isStatic() || problem().isEmpty();
}

QString AddressChoice::staticAddress() const
{
    return isStatic() ? staticAddressCidr(m_edit->text().trimmed(), *m_bridge) : QString();
}

} // namespace berth::gui
