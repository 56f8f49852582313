// The New container wizard: template, its options, name and kind,
// network, limits, summary, then the create job followed to its end.
// After exec() the main window asks what was created and what the user
// wants next (start it, open a terminal).
#pragma once

#include "container_source.h"
#include "create_plan.h"

#include <QWizard>

namespace berth::gui {

class LimitsPage;
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
        ProgressPageId
    };

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

    [[nodiscard]] TemplatePage* templatePage() const { return m_templatePage; }
    [[nodiscard]] OptionsPage* optionsPage() const { return m_optionsPage; }
    [[nodiscard]] NamePage* namePage() const { return m_namePage; }
    [[nodiscard]] NetworkPage* networkPage() const { return m_networkPage; }
    [[nodiscard]] LimitsPage* limitsPage() const { return m_limitsPage; }
    [[nodiscard]] SummaryPage* summaryPage() const { return m_summaryPage; }
    [[nodiscard]] ProgressPage* progressPage() const { return m_progressPage; }

public Q_SLOTS:
    // While the job runs, Cancel (and Escape, and closing) cancels the job
    // instead; the wizard stays to show how it ended.
    void reject() override;

private:
    void templateChosen(const client::TemplateInfo& info);
    void runningChanged(bool running);

    TemplatePage* m_templatePage = nullptr;
    OptionsPage* m_optionsPage = nullptr;
    NamePage* m_namePage = nullptr;
    NetworkPage* m_networkPage = nullptr;
    LimitsPage* m_limitsPage = nullptr;
    SummaryPage* m_summaryPage = nullptr;
    ProgressPage* m_progressPage = nullptr;
};

} // namespace berth::gui
