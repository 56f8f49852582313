// Notices when a container's recorded run state may have changed without a
// call to the helper: its init exited and the monitor wrote the state file,
// or a monitor started by another helper instance did. inotify (through
// QFileSystemWatcher) on the run directory (/run/berth) and each
// container's directory in it; the service then reads the state and
// announces it with StateChanged if it differs from what it last said.
// A monitor killed writes nothing: its exit is watched through a pidfd.
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>

#include <filesystem>
#include <map>
#include <memory>

#include <sys/types.h>

class QSocketNotifier;

namespace berth::helper {

class StateWatcher : public QObject {
    Q_OBJECT
public:
    explicit StateWatcher(std::filesystem::path runDir, QObject* parent = nullptr);

    // Starts watching once the run directory exists (the first start since
    // boot makes it); from then on its own events keep the list current.
    void ensureWatching();
    // Says touched(name) when the process `monitorPid` exits (a monitor
    // killed, its container then unmanaged). Only a prompt to read the
    // state again: a recycled pid costs one read, nothing else.
    void watchMonitor(const QString& name, pid_t monitorPid);

Q_SIGNALS:
    // Something in container `name`'s run directory changed.
    void touched(const QString& name);

private:
    // Watches the run directory and every container directory in it that is
    // not watched yet, and says touched() for each one it adds.
    void rescan();
    void directoryChanged(const QString& path);

    QString m_runDir;
    QFileSystemWatcher m_watcher;
    struct WatchedMonitor {
        pid_t pid = 0;
        std::shared_ptr<QSocketNotifier> exited; // on its pidfd, closed with it
    };
    std::map<QString, WatchedMonitor> m_monitors;
};

} // namespace berth::helper
