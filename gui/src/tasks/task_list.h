// The helper jobs the window follows in the background (create, export):
// each with its title and latest progress, cancellable, reported when it
// ends. Takes over a job whose window closed (the wizard's creation).
#pragma once

#include "job_handle.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace berth::gui {

class TaskList : public QObject {
    Q_OBJECT
public:
    struct Task {
        QPointer<JobHandle> job;
        QString title;    // "Creating 'box1'"
        QString what;     // "create 'box1'", for errorText
        QString progress; // the step and how far, for people
    };

    using QObject::QObject;

    // Follows `job` (and owns it from now on) until it ends; `what` is the
    // work as errorText's verb phrase.
    void add(JobHandle* job, const QString& title, const QString& what);
    [[nodiscard]] const QList<Task>& tasks() const { return m_tasks; }
    [[nodiscard]] int count() const { return int(m_tasks.size()); }
    // Asks the helper to cancel the task at `index`; its end still follows.
    void cancel(int index);
    void cancelAll();

Q_SIGNALS:
    void changed();
    // How it ended, for people: "Creating 'box1': done." or errorText's sentence.
    void taskEnded(const QString& title, bool success, const QString& text);

private:
    void progressed(JobHandle* job, double fraction, const QString& step);
    void finished(JobHandle* job, bool success, const QString& errorName, const QString& message);
    [[nodiscard]] int indexOf(const JobHandle* job) const;

    QList<Task> m_tasks;
};

} // namespace berth::gui
