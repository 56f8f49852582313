#include "progress_page.h"

#include "error_text.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace berth::gui {

namespace {
constexpr int kMaxLogLines = 5000;
}

ProgressPage::ProgressPage(ContainerSource& source, Planner planner, QWidget* parent)
    : QWizardPage(parent), m_source(source), m_planner(std::move(planner))
{
    setTitle(tr("Creating the container"));
    auto* layout = new QVBoxLayout(this);
    m_step = new QLabel(this);
    m_step->setObjectName(QStringLiteral("step"));
    layout->addWidget(m_step);
    auto* row = new QHBoxLayout;
    m_bar = new QProgressBar(this);
    row->addWidget(m_bar, 1);
    m_cancel = new QPushButton(tr("Cancel Creation"), this);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    row->addWidget(m_cancel);
    layout->addLayout(row);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kMaxLogLines);
    layout->addWidget(m_log, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("progressMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_start = new QCheckBox(tr("Start now"), this);
    m_start->setChecked(true);
    layout->addWidget(m_start);
    m_terminal = new QCheckBox(tr("Open a terminal"), this);
    layout->addWidget(m_terminal);
    connect(m_cancel, &QPushButton::clicked, this, &ProgressPage::cancel);
    m_cancelTimer.setSingleShot(true);
    connect(&m_cancelTimer, &QTimer::timeout, this, &ProgressPage::cancelTimedOut);
    reset();
}

void ProgressPage::reset()
{
    if (m_job) {
        // Whatever a job left behind still says is about an attempt the
        // page no longer shows.
        m_job->disconnect(this);
        m_job->disconnect(m_log);
        m_job->deleteLater();
    }
    m_job = nullptr;
    m_cancelWanted = false;
    m_cancelOverdue = false;
    m_cancelTimer.stop();
    m_bar->setRange(0, 0);
    m_step->clear();
    m_log->clear();
    m_message->clear();
    m_cancel->setEnabled(false);
    m_start->hide();
    m_terminal->hide();
}

void ProgressPage::setState(State state)
{
    const bool wasRunning = isRunning();
    m_state = state;
    // Cancel needs a job to cancel: enabled once it has started.
    m_cancel->setEnabled(state == State::Creating && m_job && !m_cancelWanted);
    if (wasRunning != isRunning())
        Q_EMIT runningChanged(isRunning());
    Q_EMIT stateChanged(state);
    Q_EMIT completeChanged();
}

void ProgressPage::initializePage()
{
    reset();
    m_plan = m_planner();
    m_step->setText(tr("Asking the helper to create '%1'…").arg(m_plan.request.name));
    setState(State::Creating);
    m_source.create(m_plan.request, this, [this](const client::Result<JobHandle*>& result) {
        if (!result) {
            fail(errorText(result.error(), tr("create '%1'").arg(m_plan.request.name)));
            return;
        }
        jobStarted(*result);
    });
}

void ProgressPage::cleanupPage()
{
    // QWizard cleans up every page when it is cancelled: a container that
    // was made stays made, and the window should still hear of it.
    if (m_state == State::Succeeded)
        return;
    // Back after a failure: the next attempt starts afresh.
    reset();
    setState(State::Idle);
}

void ProgressPage::jobStarted(JobHandle* job)
{
    m_job = job;
    connect(job, &JobHandle::progressChanged, this, &ProgressPage::progressed);
    connect(job, &JobHandle::logLine, this, &ProgressPage::appendLog);
    connect(job, &JobHandle::finished, this, &ProgressPage::jobFinished);
    if (m_cancelWanted)
        job->cancel();
    else
        m_cancel->setEnabled(true);
}

void ProgressPage::progressed(double fraction, const QString& step)
{
    if (fraction < 0) {
        m_bar->setRange(0, 0); // busy: how far is unknown
    } else {
        m_bar->setRange(0, 100);
        m_bar->setValue(int(std::lround(std::min(fraction, 1.0) * 100)));
    }
    m_step->setText(step);
}

void ProgressPage::cancel()
{
    if (m_state != State::Creating || m_cancelWanted)
        return;
    m_cancelWanted = true;
    m_cancel->setEnabled(false);
    m_step->setText(tr("Cancelling…"));
    m_cancelTimer.start(m_cancelGrace);
    if (m_job)
        m_job->cancel();
}

// The helper neither ended the job nor went away (that would have ended
// it): the user is not kept waiting for it.
void ProgressPage::cancelTimedOut()
{
    if (m_state != State::Creating)
        return;
    m_cancelOverdue = true;
    m_step->setText(tr("The Berth helper has not ended the creation yet."));
    m_message->setText(tr("You can close this window. If the container appears later, destroy it; if the helper "
                          "does not answer, restart it."));
}

JobHandle* ProgressPage::releaseJob()
{
    JobHandle* job = m_job;
    if (job) {
        job->disconnect(this);
        m_job = nullptr;
    }
    reset();
    setState(State::Idle);
    return job;
}

// Follows the end of the log unless the user scrolled up to read.
void ProgressPage::appendLog(const QString& line)
{
    QScrollBar* bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum();
    m_log->appendPlainText(line);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ProgressPage::jobFinished(bool success, const QString& errorName, const QString& message)
{
    m_cancelTimer.stop();
    if (!success) {
        fail(errorText(client::clientError(errorName, message), tr("create '%1'").arg(m_plan.request.name)));
        return;
    }
    m_bar->setRange(0, 100);
    m_bar->setValue(100);
    created();
}

void ProgressPage::fail(const QString& message)
{
    m_bar->setRange(0, 100);
    m_bar->setValue(0);
    m_step->setText(tr("The container was not created."));
    m_message->setText(message);
    setState(State::Failed);
}

void ProgressPage::created()
{
    // The address, forwards and limits came with the creation: it made
    // the container with all of them, or nothing.
    m_step->setText(tr("'%1' was created.").arg(m_plan.request.name));
    m_message->clear();
    m_start->show();
    m_terminal->show();
    setState(State::Succeeded);
}

bool ProgressPage::isComplete() const
{
    return m_state == State::Succeeded;
}

QString ProgressPage::createdName() const
{
    return m_state == State::Succeeded ? m_plan.request.name : QString();
}

bool ProgressPage::startRequested() const
{
    return m_state == State::Succeeded && m_start->isChecked();
}

bool ProgressPage::terminalRequested() const
{
    return m_state == State::Succeeded && m_terminal->isChecked();
}

} // namespace berth::gui
