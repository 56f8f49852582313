#include "task_list.h"

#include "error_text.h"

#include <cmath>

namespace berth::gui {

void TaskList::add(JobHandle* job, const QString& title, const QString& what)
{
    job->setParent(this);
    m_tasks.append(Task{job, title, what, tr("Running…")});
    connect(job, &JobHandle::progressChanged, this,
            [this, job](double fraction, const QString& step) { progressed(job, fraction, step); });
    connect(job, &JobHandle::finished, this,
            [this, job](bool success, const QString& errorName, const QString& message) {
                finished(job, success, errorName, message);
            });
    Q_EMIT changed();
}

int TaskList::indexOf(const JobHandle* job) const
{
    for (int i = 0; i < m_tasks.size(); ++i)
        if (m_tasks.at(i).job == job)
            return i;
    return -1;
}

void TaskList::progressed(JobHandle* job, double fraction, const QString& step)
{
    const int index = indexOf(job);
    if (index < 0)
        return;
    m_tasks[index].progress = fraction < 0 ? step : tr("%1 (%2 %)").arg(step).arg(std::lround(fraction * 100));
    Q_EMIT changed();
}

void TaskList::finished(JobHandle* job, bool success, const QString& errorName, const QString& message)
{
    const int index = indexOf(job);
    if (index < 0)
        return;
    const Task task = m_tasks.takeAt(index);
    job->deleteLater();
    Q_EMIT changed();
    Q_EMIT taskEnded(task.title, success,
                     success ? tr("%1: done.").arg(task.title)
                             : errorText(client::clientError(errorName, message), task.what));
}

void TaskList::cancel(int index)
{
    if (index < 0 || index >= m_tasks.size() || !m_tasks.at(index).job)
        return;
    m_tasks[index].progress = tr("Cancelling…");
    m_tasks.at(index).job->cancel();
    Q_EMIT changed();
}

void TaskList::cancelAll()
{
    for (int i = 0; i < m_tasks.size(); ++i)
        cancel(i);
}

} // namespace berth::gui
