// Notices when a container's recorded run state may have changed without a
// call to the helper: its init exited and the monitor wrote the state file,
// or a monitor started by another helper instance did. inotify (through
// QFileSystemWatcher) on the run directory (/run/berth) and each
// container's directory in it; the service then reads the state and
// announces it with StateChanged if it differs from what it last said.
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>

#include <filesystem>

namespace berth::helper {

class StateWatcher : public QObject {
    Q_OBJECT
public:
    explicit StateWatcher(std::filesystem::path runDir, QObject* parent = nullptr);

    // Starts watching once the run directory exists (the first start since
    // boot makes it); from then on its own events keep the list current.
    void ensureWatching();

Q_SIGNALS:
    // Something in container `name`'s run directory changed.
    void touched(const QString& name);

private:
    // Watches the run directory and every container directory in it that is
    // not watched yet.
    void rescan();
    void directoryChanged(const QString& path);

    QString m_runDir;
    QFileSystemWatcher m_watcher;
};

} // namespace berth::helper
