#include "pull_panel.h"

#include "error_text.h"
#include "icons.h"
#include "image_texts.h"
#include "layer_progress_list.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>

namespace berth::gui {

PullPanel::PullPanel(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("reference"));
    m_edit->setPlaceholderText(tr("debian:bookworm, registry.example.org/team/app:1.0"));
    m_edit->setClearButtonEnabled(true);
    m_pull = new QPushButton(icon(Icon::Import), tr("&Pull"), this);
    m_pull->setObjectName(QStringLiteral("pull"));
    m_cancel = new QPushButton(icon(Icon::Stop), tr("Cancel Pull"), this);
    m_cancel->setObjectName(QStringLiteral("cancelPull"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("referenceProblem"));
    m_problem->setWordWrap(true);
    m_layers = new LayerProgressList(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_layers);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(fontMetrics().height() * 5);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pullMessage"));
    m_message->setWordWrap(true);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("Image:"), this), 0, 0);
    grid->addWidget(m_edit, 0, 1);
    grid->addWidget(m_pull, 0, 2);
    grid->addWidget(m_cancel, 0, 3);
    grid->addWidget(m_problem, 1, 1, 1, 3);
    grid->addWidget(scroll, 2, 0, 1, 4);
    grid->addWidget(m_message, 3, 0, 1, 4);
    grid->setRowStretch(2, 1);
    connect(m_edit, &QLineEdit::textChanged, this, &PullPanel::edited);
    connect(m_edit, &QLineEdit::returnPressed, this, &PullPanel::pull);
    connect(m_pull, &QPushButton::clicked, this, &PullPanel::pull);
    connect(m_cancel, &QPushButton::clicked, this, &PullPanel::cancel);
    setPulling(false);
}

QString PullPanel::reference() const
{
    return m_edit->text().trimmed();
}

void PullPanel::setReference(const QString& reference)
{
    m_edit->setText(reference);
}

QString PullPanel::problem() const
{
    return reference().isEmpty() ? tr("Type an image name, such as debian:bookworm.") : referenceProblem(reference());
}

void PullPanel::edited()
{
    m_problem->setText(referenceProblem(reference()));
    setPulling(m_pulling);
    Q_EMIT referenceChanged(reference());
}

void PullPanel::setPulling(bool pulling)
{
    m_pulling = pulling;
    m_pull->setEnabled(!pulling && problem().isEmpty());
    m_edit->setReadOnly(pulling);
    m_cancel->setEnabled(pulling && !m_cancelWanted);
}

void PullPanel::pull()
{
    if (m_pulling || !problem().isEmpty())
        return;
    m_pulled = reference();
    m_cancelWanted = false;
    m_notes.clear();
    m_layers->clear();
    m_message->setText(tr("Pulling '%1'…").arg(m_pulled));
    setPulling(true);
    Q_EMIT pullStarted(m_pulled);
    m_source.pullImage(m_pulled, this, [this](client::Result<JobHandle*> job) {
        if (!job) {
            finished(false, job.error().name, job.error().message);
            return;
        }
        started(*job);
    });
}

void PullPanel::started(JobHandle* job)
{
    m_job = job;
    connect(job, &JobHandle::itemProgress, m_layers, &LayerProgressList::setItem);
    connect(job, &JobHandle::finished, this, &PullPanel::finished);
    // What the client said of the user's login files (one ignored, a
    // credential helper not run): kept beside the outcome.
    connect(job, &JobHandle::logLine, this, [this](const QString& line) {
        m_notes << line;
        m_message->setText(tr("Pulling '%1'…").arg(m_pulled) + QLatin1Char('\n') + m_notes.join(QLatin1Char('\n')));
    });
    if (m_cancelWanted)
        job->cancel();
    setPulling(true);
}

void PullPanel::cancel()
{
    if (!m_pulling || m_cancelWanted)
        return;
    m_cancelWanted = true;
    m_message->setText(tr("Cancelling…"));
    setPulling(true);
    if (m_job)
        m_job->cancel();
}

void PullPanel::finished(bool success, const QString& errorName, const QString& message)
{
    if (m_job)
        m_job->deleteLater();
    m_job = nullptr;
    QString text;
    if (success)
        text = tr("'%1' was pulled and is in the store.").arg(m_pulled);
    else if (m_cancelWanted)
        text = tr("The pull of '%1' was cancelled; nothing of it was kept.").arg(m_pulled);
    else
        text = errorText(client::clientError(errorName, message), tr("pull '%1'").arg(m_pulled));
    m_message->setText(m_notes.isEmpty() ? text : text + QLatin1Char('\n') + m_notes.join(QLatin1Char('\n')));
    m_cancelWanted = false;
    setPulling(false);
    Q_EMIT pullFinished(m_pulled, success, text);
}

} // namespace berth::gui
