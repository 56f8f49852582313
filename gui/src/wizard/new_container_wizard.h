// The New container wizard: template, its options, name and kind,
// network, limits, summary, then the create job followed to its end.
// After exec() the main window asks what was created and what the user
// wants next (start it, open a terminal).
#pragma once

#include "container_source.h"
#include "create_plan.h"

#include <QWizard>

#include <functional>

namespace berth::gui {

class ImagePage;
class LimitsPage;
class TaskList;
class NamePage;
class NetworkPage;
class OptionsPage;
class ProgressPage;
class SummaryPage;
class TemplatePage;

class NewContainerWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        TemplatePageId,
        OptionsPageId,
        NamePageId,
        NetworkPageId,
        LimitsPageId,
        SummaryPageId,
        ProgressPageId,
        ImagePageId // instead of the options for the image template
    };
    // The template whose container comes from an image in the store.
    static constexpr QLatin1String kImageTemplate{"image"};

    explicit NewContainerWizard(ContainerSource& source, QWidget* parent = nullptr);

    // Empty unless the container was created (even if the wizard was then
    // closed with Cancel: the container exists).
    [[nodiscard]] QString createdName() const;
    // The check boxes at the end; only after Finish.
    [[nodiscard]] bool startRequested() const;
    [[nodiscard]] bool terminalRequested() const;

    // Starts on `templateName` with these option values once the helper
    // has listed its templates (Clone… gives the source container).
    void preset(const QString& templateName, const QMap<QString, QString>& options);

    // What the pages say now.
    [[nodiscard]] CreatePlan plan() const;

    // Closing while the job runs: keep it running in the task list, cancel
    // it, or stay. Without a task list there is no background to keep it in.
    enum class CloseChoice { Background, CancelJob, Stay };
    using AskClose = std::function<CloseChoice()>;
    void setTaskList(TaskList* tasks) { m_tasks = tasks; }
    void setCloseAsker(AskClose ask) { m_askClose = std::move(ask); }

    [[nodiscard]] TemplatePage* templatePage() const { return m_templatePage; }
    [[nodiscard]] OptionsPage* optionsPage() const { return m_optionsPage; }
    [[nodiscard]] ImagePage* imagePage() const { return m_imagePage; }
    // The image template's page instead of the options page; the end after the progress page.
    [[nodiscard]] int nextId() const override;
    [[nodiscard]] NamePage* namePage() const { return m_namePage; }
    [[nodiscard]] NetworkPage* networkPage() const { return m_networkPage; }
    [[nodiscard]] LimitsPage* limitsPage() const { return m_limitsPage; }
    [[nodiscard]] SummaryPage* summaryPage() const { return m_summaryPage; }
    [[nodiscard]] ProgressPage* progressPage() const { return m_progressPage; }

public Q_SLOTS:
    // While the job runs, Cancel (and Escape, and closing) cancels the job
    // (or, with a task list, asks: keep it in the background or cancel it);
    // the wizard stays to show how it ended, unless the helper does not end
    // it in time: then every way out closes.
    void reject() override;

private:
    void templateChosen(const client::TemplateInfo& info);
    void runningChanged(bool running);
    [[nodiscard]] CloseChoice askClose();
    [[nodiscard]] bool fromImage() const;

    TemplatePage* m_templatePage = nullptr;
    OptionsPage* m_optionsPage = nullptr;
    ImagePage* m_imagePage = nullptr;
    NamePage* m_namePage = nullptr;
    NetworkPage* m_networkPage = nullptr;
    LimitsPage* m_limitsPage = nullptr;
    SummaryPage* m_summaryPage = nullptr;
    ProgressPage* m_progressPage = nullptr;
    TaskList* m_tasks = nullptr;
    AskClose m_askClose;
};

} // namespace berth::gui
