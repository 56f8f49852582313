// Follows one org.berth.Job1 object: progress, step and log lines as
// signals, and its end. Works whether the job is still running or already
// finished when watching starts.
#pragma once

#include "client_error.h"

#include <QDBusConnection>
#include <QObject>
#include <QString>
#include <QVariantMap>

#include <memory>

class OrgBerthJob1Interface;

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

    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] Status result() const;
    [[nodiscard]] QString path() const { return m_path; }

Q_SIGNALS:
    void progressChanged(double fraction, const QString& step);
    void logLine(const QString& line);
    void finished(bool success, const QString& errorName, const QString& message);

private Q_SLOTS:
    void onFinished(bool success, const QString& errorName, const QString& message);
    void onLogLine(const QString& line);
    void onPropertiesChanged(const QString& interface, const QVariantMap& changed, const QStringList& invalidated);

private:
    void readInitialState();
    void applyInitialState(const QVariantMap& properties);

    QDBusConnection m_bus;
    QString m_path;
    std::unique_ptr<OrgBerthJob1Interface> m_job;
    double m_progress = -1;
    QString m_step;
    bool m_finished = false;
    bool m_success = false;
    QString m_errorName;
    QString m_message;
};

} // namespace berth::client
