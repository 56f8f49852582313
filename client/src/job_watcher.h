// Follows one org.berth.Job1 object: progress, step and log lines as
// signals, and its end. Works whether the job is still running or already
// finished when watching starts. A helper that leaves the bus (killed,
// crashed) or a job object that is gone ends the watch at once with
// HelperGone: nobody waits for a Finished that can never come.
#pragma once

#include "client_dbus_types.h"
#include "client_error.h"

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariantMap>

#include <memory>

class OrgBerthJob1Interface;
class OrgBerthManager1Interface;
class QDBusServiceWatcher;

namespace berth::client {

class JobWatcher : public QObject {
    Q_OBJECT
public:
    JobWatcher(const QDBusConnection& bus, const QString& path, QObject* parent = nullptr);
    ~JobWatcher() override;

    // Subscribes, then reads the job's state once without blocking;
    // finished() comes from the event loop, also when it had ended already.
    void watch();
    // Runs a local event loop until the job ends (berthctl, not the GUI).
    Status waitForFinished();
    Status cancel();
    // Asks for the cancel without waiting for the answer (a GUI's thread
    // never waits on the helper); finished() still reports the end.
    void requestCancel();
    // Stops following with `why` as the outcome, as if the job had ended
    // so (a client that will not wait any longer); the job may run on.
    void stopFollowing(const ClientError& why);

    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] Status result() const;
    [[nodiscard]] QString path() const { return m_path; }
    // The job's items (a pull's layers) in the order they appeared, as last reported.
    [[nodiscard]] QList<ItemProgress> items() const { return m_items; }
    // Once it succeeded, what it made when the job's Container does not
    // say it (a pull: the image's id); empty otherwise.
    [[nodiscard]] QString resultValue() const { return m_resultValue; }

Q_SIGNALS:
    void progressChanged(double fraction, const QString& step);
    void logLine(const QString& line);
    // One item moved on (also for each item already there when watching starts).
    void itemProgress(const berth::client::ItemProgress& item);
    void finished(bool success, const QString& errorName, const QString& message);

private Q_SLOTS:
    void onFinished(bool success, const QString& errorName, const QString& message);
    void onLogLine(const QString& line);
    void onPropertiesChanged(const QString& interface, const QVariantMap& changed, const QStringList& invalidated);
    void onHelperOwnerChanged(const QString& service, const QString& oldOwner, const QString& newOwner);
    void onItemProgress(const QDBusObjectPath& job, const QString& item, const QString& phase, qulonglong done,
                        qulonglong total);

private:
    void readInitialState();
    void applyInitialState(const QVariantMap& properties);
    void endHelperGone();
    void updateItem(const ItemProgress& item);

    QDBusConnection m_bus;
    QString m_path;
    std::unique_ptr<OrgBerthJob1Interface> m_job;
    // Items move on through the manager's signal (a property change per
    // layer and chunk would resend the whole list).
    std::unique_ptr<OrgBerthManager1Interface> m_manager;
    QDBusServiceWatcher* m_helperWatcher = nullptr;
    double m_progress = -1;
    QString m_step;
    bool m_finished = false;
    bool m_success = false;
    QString m_errorName;
    QString m_message;
    QList<ItemProgress> m_items;
    QString m_resultValue;
};

} // namespace berth::client
