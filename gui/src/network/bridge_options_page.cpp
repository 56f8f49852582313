#include "bridge_options_page.h"

#include "bridge_problem_text.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace berth::gui {

BridgeOptionsPage::BridgeOptionsPage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(tr("Options"));
    auto* form = new QFormLayout(this);
    m_nat = new QCheckBox(tr("Let containers reach other networks through the host (NAT)"), this);
    m_nat->setObjectName(QStringLiteral("nat"));
    m_nat->setChecked(true);
    form->addRow(m_nat);
    m_domain = new QLineEdit(this);
    m_domain->setObjectName(QStringLiteral("domain"));
    m_domain->setPlaceholderText(QStringLiteral("berth"));
    form->addRow(tr("DNS domain:"), m_domain);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("domainProblem"));
    m_problem->setWordWrap(true);
    form->addRow(m_problem);
    connect(m_domain, &QLineEdit::textChanged, this, &BridgeOptionsPage::check);
}

void BridgeOptionsPage::setCurrent(bool nat, const QString& domain)
{
    m_nat->setChecked(nat);
    m_domain->setText(domain);
}

bool BridgeOptionsPage::nat() const
{
    return m_nat->isChecked();
}

QString BridgeOptionsPage::domain() const
{
    return m_domain->text().trimmed();
}

bool BridgeOptionsPage::isComplete() const
{
    return model::checkDomain(domain().toStdString()) == model::BridgeProblem::None;
}

void BridgeOptionsPage::check()
{
    m_problem->setText(bridgeProblemText(model::checkDomain(domain().toStdString())));
    Q_EMIT completeChanged();
}

} // namespace berth::gui
