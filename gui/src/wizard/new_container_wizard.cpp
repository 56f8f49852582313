#include "new_container_wizard.h"

#include "image_page.h"
#include "limits_page.h"
#include "name_page.h"
#include "network_page.h"
#include "option_field.h"
#include "options_page.h"
#include "outsider.h"
#include "progress_page.h"
#include "summary_page.h"
#include "task_list.h"
#include "template_page.h"

#include <QBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>

namespace berth::gui {

NewContainerWizard::NewContainerWizard(ContainerSource& source, QWidget* parent) : QWizard(parent)
{
    setWindowTitle(tr("New Container"));
    setOption(QWizard::NoBackButtonOnStartPage);
    m_templatePage = new TemplatePage(source, this);
    m_optionsPage = new OptionsPage(source, this);
    m_imagePage = new ImagePage(source, this);
    m_namePage = new NamePage(source, this);
    m_networkPage = new NetworkPage(source, this);
    m_limitsPage = new LimitsPage(this);
    auto planner = [this] { return plan(); };
    m_summaryPage = new SummaryPage(planner, this);
    m_progressPage = new ProgressPage(source, planner, this);
    setPage(TemplatePageId, m_templatePage);
    setPage(OptionsPageId, m_optionsPage);
    setPage(NamePageId, m_namePage);
    setPage(NetworkPageId, m_networkPage);
    setPage(LimitsPageId, m_limitsPage);
    setPage(SummaryPageId, m_summaryPage);
    setPage(ProgressPageId, m_progressPage);
    setPage(ImagePageId, m_imagePage);
    // Told before the choices, not after the whole wizard (outsider.h).
    if (const QString outsider = outsiderText(currentUserName()); !outsider.isEmpty()) {
        auto* label = new QLabel(outsider, m_templatePage);
        label->setObjectName(QStringLiteral("outsiderText"));
        label->setWordWrap(true);
        if (auto* layout = qobject_cast<QBoxLayout*>(m_templatePage->layout()))
            layout->insertWidget(0, label);
    }
    connect(m_templatePage, &TemplatePage::templateChosen, this, &NewContainerWizard::templateChosen);
    connect(m_progressPage, &ProgressPage::runningChanged, this, &NewContainerWizard::runningChanged);
}

void NewContainerWizard::templateChosen(const client::TemplateInfo& info)
{
    m_optionsPage->setTemplate(info);
    m_namePage->setDefaultKind(info.defaultKind);
    // The image page asks the command itself (pre-filled from the image).
    m_namePage->setCommandShown(info.name != kImageTemplate);
}

bool NewContainerWizard::fromImage() const
{
    const client::TemplateInfo* info = m_templatePage->chosen();
    return info && info->name == kImageTemplate;
}

int NewContainerWizard::nextId() const
{
    switch (currentId()) {
    case TemplatePageId:
        return fromImage() ? ImagePageId : OptionsPageId;
    case ImagePageId:
        return NamePageId;
    case ProgressPageId:
        return -1;
    default:
        return QWizard::nextId();
    }
}

void NewContainerWizard::runningChanged(bool)
{
    // QWizard disables Back on the page after a commit page: the pages
    // cannot be changed under a running job, nor after it succeeded, but
    // can be after it failed.
    const auto state = m_progressPage->state();
    m_summaryPage->setCommitPage(m_progressPage->isRunning() || state == ProgressPage::State::Succeeded);
    // The Create button keeps its name even on a commit page.
    m_summaryPage->setButtonText(QWizard::CommitButton, tr("&Create"));
}

void NewContainerWizard::preset(const QString& templateName, const QMap<QString, QString>& options)
{
    auto apply = [this, templateName, options] {
        if (!m_templatePage->choose(templateName))
            return;
        for (auto it = options.begin(); it != options.end(); ++it)
            if (OptionField* field = m_optionsPage->field(it.key()))
                field->setValue(it.value());
        if (templateName == kImageTemplate)
            m_imagePage->setReference(options.value(QStringLiteral("reference")));
    };
    if (m_templatePage->list()->count() > 0)
        apply();
    else
        connect(m_templatePage, &TemplatePage::templatesLoaded, this, apply, Qt::SingleShotConnection);
}

CreatePlan NewContainerWizard::plan() const
{
    CreatePlan plan;
    if (const client::TemplateInfo* info = m_templatePage->chosen())
        plan.templateInfo = *info;
    plan.optionSummary = m_optionsPage->summary();
    plan.inputPath = m_optionsPage->inputPath();
    CreateChoices choices;
    choices.templateName = plan.templateInfo.name;
    choices.options = m_optionsPage->values();
    choices.name = m_namePage->name();
    choices.kind = m_namePage->kind();
    choices.commandLine = m_namePage->commandLine();
    choices.privileged = m_namePage->privileged();
    choices.network = m_networkPage->network();
    choices.inputFd = m_optionsPage->inputFd();
    plan.request = buildCreateRequest(choices);
    plan.request.setup.forwards = m_networkPage->forwards();
    plan.request.setup.address = m_networkPage->staticAddress();
    plan.request.setup.limits = m_limitsPage->limits();
    if (fromImage()) {
        const ImageChoices image = m_imagePage->choices();
        plan.optionSummary = {{tr("Image"), image.reference}};
        plan.request.options.clear();
        applyImageChoices(image, plan.request);
    }
    return plan;
}

void NewContainerWizard::reject()
{
    if (!m_progressPage->isRunning() || m_progressPage->cancelOverdue()) {
        QWizard::reject();
        return;
    }
    const CloseChoice choice = m_tasks ? askClose() : CloseChoice::CancelJob;
    if (choice == CloseChoice::CancelJob)
        m_progressPage->cancel();
    if (choice != CloseChoice::Background)
        return;
    const QString name = m_progressPage->plannedName();
    if (JobHandle* job = m_progressPage->releaseJob())
        m_tasks->add(job, tr("Creating '%1'").arg(name), tr("create '%1'").arg(name));
    QWizard::reject();
}

NewContainerWizard::CloseChoice NewContainerWizard::askClose()
{
    if (m_askClose)
        return m_askClose();
    QMessageBox box(QMessageBox::Question, tr("Close the Wizard"),
                    tr("'%1' is still being created. Keep creating it in the background, or cancel the creation?")
                        .arg(m_progressPage->plannedName()),
                    QMessageBox::NoButton, this);
    QPushButton* background = box.addButton(tr("Keep Running in Background"), QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(tr("Cancel Creation"), QMessageBox::DestructiveRole);
    box.addButton(tr("Stay"), QMessageBox::RejectRole);
    box.setDefaultButton(background);
    box.exec();
    if (box.clickedButton() == background)
        return CloseChoice::Background;
    return box.clickedButton() == cancel ? CloseChoice::CancelJob : CloseChoice::Stay;
}

QString NewContainerWizard::createdName() const
{
    return m_progressPage->createdName();
}

// Closing with Cancel after the container was made is no wish to start it.
bool NewContainerWizard::startRequested() const
{
    return result() == QDialog::Accepted && m_progressPage->startRequested();
}

bool NewContainerWizard::terminalRequested() const
{
    return result() == QDialog::Accepted && m_progressPage->terminalRequested();
}

} // namespace berth::gui
