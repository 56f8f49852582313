#include "bridge_name_page.h"

#include "bridge_problem_text.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace berth::gui {

BridgeNamePage::BridgeNamePage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(tr("Bridge name"));
    setSubTitle(tr("Containers attached to the bridge share its subnet. The name is the bridge's network "
                   "interface on the host."));
    auto* form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("bridgeName"));
    m_name->setMaxLength(15); // IFNAMSIZ - 1
    m_name->setPlaceholderText(QStringLiteral("berth1"));
    form->addRow(tr("Name:"), m_name);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("nameProblem"));
    m_problem->setWordWrap(true);
    form->addRow(m_problem);
    connect(m_name, &QLineEdit::textChanged, this, &BridgeNamePage::check);
    check();
}

model::BridgeProblem BridgeNamePage::problem() const
{
    std::vector<std::string> taken;
    for (const QString& other : m_taken)
        taken.push_back(other.toStdString());
    return model::checkBridgeName(name().toStdString(), taken);
}

void BridgeNamePage::setTaken(const QStringList& names)
{
    m_taken = names;
    check();
}

void BridgeNamePage::setFixedName(const QString& name)
{
    m_fixed = true;
    m_name->setText(name);
    m_name->setReadOnly(true);
    check();
}

QString BridgeNamePage::name() const
{
    return m_name->text();
}

bool BridgeNamePage::isComplete() const
{
    return m_fixed || problem() == model::BridgeProblem::None;
}

void BridgeNamePage::check()
{
    // An empty field needs no scolding yet; the Next button says enough.
    m_problem->setText(m_fixed || name().isEmpty() ? QString() : bridgeProblemText(problem()));
    Q_EMIT completeChanged();
}

} // namespace berth::gui
