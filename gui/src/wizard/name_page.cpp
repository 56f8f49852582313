#include "name_page.h"

#include "container_name_validator.h"
#include "error_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace berth::gui {

NamePage::NamePage(ContainerSource& source, QWidget* parent) : QWizardPage(parent), m_source(source)
{
    setTitle(tr("Name and kind"));
    auto* form = new QFormLayout(this);
    m_validator = new ContainerNameValidator(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(ContainerNameValidator::kMaxLength + 1); // one more, so "too long" can be shown
    m_name->setValidator(m_validator);
    form->addRow(tr("Name:"), m_name);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("nameProblem"));
    m_problem->setWordWrap(true);
    form->addRow(QString(), m_problem);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("System (boots the image's own init)"), int(model::ContainerKind::System));
    m_kind->addItem(tr("Application (runs one command)"), int(model::ContainerKind::Application));
    form->addRow(tr("Kind:"), m_kind);
    m_command = new QLineEdit(this);
    m_command->setObjectName(QStringLiteral("command"));
    m_command->setPlaceholderText(tr("Empty: the image's own command"));
    // QProcess::splitCommand's rule: words split at spaces, double quotes group.
    m_command->setToolTip(tr("The program and its arguments, separated by spaces. Put an argument "
                             "that contains spaces in double quotes."));
    form->addRow(tr("Command:"), m_command);
    m_privileged = new QCheckBox(tr("Privileged container"), this);
    m_privileged->setObjectName(QStringLiteral("privileged"));
    form->addRow(QString(), m_privileged);
    // Said before the request, so the password prompt (or a refusal) that
    // follows is no surprise (docs/security.md: privileged containers).
    m_privilegedNote = new QLabel(tr("Root inside a privileged container is root on this computer: "
                                     "creating one needs an administrator's password."),
                                  this);
    m_privilegedNote->setObjectName(QStringLiteral("privilegedNote"));
    m_privilegedNote->setWordWrap(true);
    form->addRow(QString(), m_privilegedNote);
    connect(m_name, &QLineEdit::textChanged, this, &NamePage::nameEdited);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NamePage::kindChanged);
    nameEdited();
    kindChanged();
    loadTakenNames();
}

void NamePage::initializePage()
{
    // Containers may have come or gone since the wizard opened.
    loadTakenNames();
}

void NamePage::loadTakenNames()
{
    m_source.listContainers(this, [this](const client::Result<QMap<QString, QString>>& result) {
        if (!result) {
            setSubTitle(errorText(result.error(), tr("list the existing containers")));
            return;
        }
        const QStringList names = result->keys();
        m_validator->setTaken(QSet<QString>(names.begin(), names.end()));
        nameEdited();
        Q_EMIT takenNamesLoaded();
    });
}

void NamePage::nameEdited()
{
    // Nothing typed yet is no mistake: say nothing until there is a name.
    m_problem->setText(m_name->text().isEmpty() ? QString() : m_validator->problem(m_name->text()));
    Q_EMIT completeChanged();
}

void NamePage::kindChanged()
{
    m_command->setEnabled(kind() == model::ContainerKind::Application);
}

void NamePage::setCommandShown(bool shown)
{
    m_commandShown = shown;
    if (auto* form = qobject_cast<QFormLayout*>(layout()))
        form->setRowVisible(m_command, shown);
}

void NamePage::setDefaultKind(std::optional<model::ContainerKind> kind)
{
    const int index = m_kind->findData(int(kind.value_or(model::ContainerKind::System)));
    if (index >= 0)
        m_kind->setCurrentIndex(index);
}

bool NamePage::isComplete() const
{
    return m_validator->problem(m_name->text()).isEmpty();
}

QString NamePage::name() const
{
    return m_name->text();
}

model::ContainerKind NamePage::kind() const
{
    return model::ContainerKind(m_kind->currentData().toInt());
}

QString NamePage::commandLine() const
{
    return m_commandShown ? m_command->text() : QString();
}

bool NamePage::privileged() const
{
    return m_privileged->isChecked();
}

} // namespace berth::gui
