// The last page: runs the create job and follows it (progress, the step,
// the log), lets it be cancelled, then applies the static address (into
// the config), forwards and limits the helper's Create does not take. On success it offers to start the
// container and open a terminal; on failure it says why, and Back leads to
// the pages to fix.
#pragma once

#include "container_source.h"
#include "create_plan.h"

#include <QPointer>
#include <QTimer>
#include <QWizardPage>

#include <chrono>
#include <functional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace berth::gui {

class ProgressPage : public QWizardPage {
    Q_OBJECT
public:
    using Planner = std::function<CreatePlan()>;
    enum class State { Idle, Creating, Succeeded, Failed };

    ProgressPage(ContainerSource& source, Planner planner, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    [[nodiscard]] bool isComplete() const override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isRunning() const { return m_state == State::Creating; }
    // Asks the helper to stop the job; its end still follows. A job the
    // helper has not ended `cancelGrace` later is given up on (the page
    // says so, and the wizard may close).
    void cancel();
    void setCancelGrace(std::chrono::milliseconds grace) { m_cancelGrace = grace; }
    // Cancel was asked for and the helper has not ended the job in time.
    [[nodiscard]] bool cancelOverdue() const { return m_cancelOverdue; }
    // Hands the running job over (to the task list) and stops showing it.
    [[nodiscard]] JobHandle* releaseJob();

    [[nodiscard]] QString createdName() const;
    // The name being created (while it runs, too).
    [[nodiscard]] QString plannedName() const { return m_plan.request.name; }
    [[nodiscard]] bool startRequested() const;
    [[nodiscard]] bool terminalRequested() const;

    [[nodiscard]] QProgressBar* progressBar() const { return m_bar; }
    [[nodiscard]] QLabel* stepLabel() const { return m_step; }
    [[nodiscard]] QPlainTextEdit* log() const { return m_log; }
    [[nodiscard]] QPushButton* cancelButton() const { return m_cancel; }
    [[nodiscard]] QLabel* message() const { return m_message; }
    [[nodiscard]] QCheckBox* startBox() const { return m_start; }
    [[nodiscard]] QCheckBox* terminalBox() const { return m_terminal; }

Q_SIGNALS:
    // Creating: the pages before cannot be changed now.
    void runningChanged(bool running);
    void stateChanged(ProgressPage::State state);

private:
    void setState(State state);
    void reset();
    void jobStarted(JobHandle* job);
    void progressed(double fraction, const QString& step);
    void jobFinished(bool success, const QString& errorName, const QString& message);
    void fail(const QString& message);
    void created();
    void appendLog(const QString& line);
    void cancelTimedOut();

    ContainerSource& m_source;
    Planner m_planner;
    CreatePlan m_plan;
    QPointer<JobHandle> m_job;
    State m_state = State::Idle;
    bool m_cancelWanted = false;
    bool m_cancelOverdue = false;
    std::chrono::milliseconds m_cancelGrace = std::chrono::seconds(5);
    QTimer m_cancelTimer;
    QProgressBar* m_bar = nullptr;
    QLabel* m_step = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_message = nullptr;
    QCheckBox* m_start = nullptr;
    QCheckBox* m_terminal = nullptr;
};

} // namespace berth::gui
