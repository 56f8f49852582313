// One long operation (create, stop, export) as a bus object,
// /org/berth/Berth1/job/N, with the org.berth.Job1 interface. The work runs
// on a thread of its own and reports through berth::Progress; everything
// the bus sees happens on the main thread.
#pragma once

#include "berth/error.h"
#include "berth/model/states.h"
#include "berth/templates.h"
#include "dbus_types.h"
#include "item_throttle.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusObjectPath>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace berth::helper {

class Authorizer;
class Lifetime;

class Job : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_PROPERTY(QString Operation READ operation)
    Q_PROPERTY(QString Container READ container)
    Q_PROPERTY(double Progress READ progress)
    Q_PROPERTY(QString Step READ step)
    Q_PROPERTY(QString State READ state)
    Q_PROPERTY(QString ErrorName READ errorName)
    Q_PROPERTY(QString ErrorMessage READ errorMessage)
    Q_PROPERTY(BerthJobItems Items READ items)
    Q_PROPERTY(QString Result READ result)
public:
    using Work = std::function<Status(const Progress&)>;
    using Done = std::function<void(const Status&)>;
    // What the work made when Container does not say it (a pull's image
    // id): written by the work on its thread, read once it is over.
    using ResultSlot = std::shared_ptr<std::string>;

    Job(uint id, QString operation, QString container, uint ownerUid, Authorizer& authorizer, QObject* parent);

    [[nodiscard]] QDBusObjectPath path() const;
    [[nodiscard]] QString operation() const { return m_operation; }
    [[nodiscard]] QString container() const { return m_container; }
    [[nodiscard]] double progress() const { return m_progress; }
    [[nodiscard]] QString step() const { return m_step; }
    [[nodiscard]] QString state() const;
    [[nodiscard]] QString errorName() const { return m_errorName; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] BerthJobItems items() const { return m_items; }
    [[nodiscard]] QString result() const { return m_result; }
    [[nodiscard]] bool running() const { return !model::isFinished(m_state); }

    // Registers the object on the bus and starts `work`; `done` runs on the
    // main thread when it ends, before Finished is emitted.
    bool start(QDBusConnection bus, Lifetime& lifetime, Work work, Done done, ResultSlot result = {});

public Q_SLOTS:
    void Cancel();

Q_SIGNALS:
    void LogLine(const QString& line);
    void Finished(bool success, const QString& errorName, const QString& message);
    // For the manager's JobProgress signal.
    void progressed(const QDBusObjectPath& job, double fraction, const QString& step);
    // For the manager's JobItemProgress signal (throttled per item).
    void itemProgressed(const QDBusObjectPath& job, const QString& item, const QString& phase, qulonglong done,
                        qulonglong total);

private:
    void report(const ProgressEvent& event);
    void reportItem(const ItemProgress& item);
    void finish(const Status& status);
    void announceProperties();

    uint m_id;
    QString m_operation;
    QString m_container;
    uint m_owner;
    Authorizer& m_authorizer;
    QDBusConnection m_bus{QString()};
    std::atomic<bool> m_cancel{false};
    double m_progress = -1;
    QString m_step;
    model::JobState m_state = model::JobState::Running;
    // Kept with the state: a caller that subscribes after Finished reads why.
    QString m_errorName;
    QString m_errorMessage;
    BerthJobItems m_items; // in the order they appeared, each as last reported
    ItemThrottle m_throttle;
    ResultSlot m_resultSlot;
    QString m_result;
};

} // namespace berth::helper
