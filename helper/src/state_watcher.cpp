#include "state_watcher.h"

#include "common/pidfd.h"

#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>

#include <unistd.h>

namespace berth::helper {

StateWatcher::StateWatcher(std::filesystem::path runDir, QObject* parent)
    : QObject(parent), m_runDir(QString::fromStdString(runDir.string()))
{
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &StateWatcher::directoryChanged);
    rescan();
}

void StateWatcher::ensureWatching()
{
    if (!m_watcher.directories().contains(m_runDir))
        rescan();
}

void StateWatcher::watchMonitor(const QString& name, pid_t monitorPid)
{
    if (monitorPid <= 0 || (m_monitors.contains(name) && m_monitors[name].pid == monitorPid))
        return;
    UniqueFd pidfd = pidfdOpen(monitorPid);
    if (!pidfd) {
        m_monitors.erase(name);
        return; // gone already: the read that found it comes after
    }
    auto exited = std::shared_ptr<QSocketNotifier>(new QSocketNotifier(pidfd.release(), QSocketNotifier::Read),
                                                   [](QSocketNotifier* notifier) {
                                                       notifier->setEnabled(false);
                                                       ::close(int(notifier->socket()));
                                                       notifier->deleteLater();
                                                   });
    connect(exited.get(), &QSocketNotifier::activated, this, [this, name] {
        m_monitors.erase(name);
        Q_EMIT touched(name);
    });
    m_monitors[name] = WatchedMonitor{monitorPid, std::move(exited)};
}

void StateWatcher::rescan()
{
    if (!QFileInfo(m_runDir).isDir())
        return; // no container has run since boot; the first start makes it
    QStringList wanted{m_runDir};
    const QDir runDir(m_runDir);
    for (const QString& name : runDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        wanted << runDir.filePath(name);
    const QStringList watched = m_watcher.directories();
    QStringList added;
    for (const QString& dir : wanted) {
        if (!watched.contains(dir) && m_watcher.addPath(dir) && dir != m_runDir)
            added << QFileInfo(dir).fileName();
    }
    // What a monitor wrote into a new directory before its watch was there
    // made no event: read once now.
    for (const QString& name : added)
        Q_EMIT touched(name);
}

void StateWatcher::directoryChanged(const QString& path)
{
    if (path == m_runDir) {
        rescan(); // a container directory came or went
        return;
    }
    Q_EMIT touched(QFileInfo(path).fileName());
}

} // namespace berth::helper
