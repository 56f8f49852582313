#include "fault_host.h"

#include "integration_env.h"
#include "scenario_host.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <filesystem>

namespace berth::test {
namespace {

// Every file and directory under the state root with its size (files) or
// "dir", so a half-removed tree or a truncated state file shows.
void addStateRoot(QMap<QString, QString>& items)
{
    const QString root = QString::fromStdString(IntegrationEnvironment::instance().stateRoot().string());
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(root.size() + 1);
        // A container's own tree is its business; the shape around it is ours.
        if (relative.count(QLatin1Char('/')) > 4 && relative.contains(QLatin1String("/rootfs/")))
            continue;
        const QFileInfo info = it.fileInfo();
        items.insert(QStringLiteral("state ") + relative, info.isSymLink() ? QStringLiteral("link")
                                                          : info.isDir()   ? QStringLiteral("dir")
                                                                           : QString::number(info.size()));
    }
}

// berth-monitor processes of this state root in any cgroup: one left
// without its container is an orphan wherever it runs. (Those of other
// roots, other tests' or the installed Berth's, come and go on their own;
// the spare a helper keeps ready is called berth-spare and goes with it.)
void addMonitors(QMap<QString, QString>& items)
{
    const QByteArray root = QByteArray("\0--root\0", 8) + IntegrationEnvironment::instance().stateRoot().c_str() + '\0';
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string pid = entry.path().filename();
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        QFile comm(QString::fromStdString((entry.path() / "comm").string()));
        QFile cmdline(QString::fromStdString((entry.path() / "cmdline").string()));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "berth-monitor" &&
            cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(root))
            items.insert(QStringLiteral("process berth-monitor ") + QString::fromStdString(pid),
                         QStringLiteral("alive"));
    }
}

} // namespace

HostSnapshot HostSnapshot::take()
{
    HostSnapshot snapshot;
    for (const std::string& left : IntegrationEnvironment::instance().leftovers())
        snapshot.m_items.insert(QString::fromStdString(left), QStringLiteral("present"));
    snapshot.m_items.insert(QStringLiteral("nft table inet berth"), berthFirewall());
    addStateRoot(snapshot.m_items);
    addMonitors(snapshot.m_items);
    return snapshot;
}

QStringList HostSnapshot::differences(const HostSnapshot& later) const
{
    QStringList found;
    auto keys = m_items.keys() + later.m_items.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString& key : keys) {
        const QString before = m_items.value(key, QStringLiteral("(none)"));
        const QString after = later.m_items.value(key, QStringLiteral("(none)"));
        if (before != after)
            found << key + QStringLiteral(": ") + before + QStringLiteral(" -> ") + after;
    }
    return found;
}

} // namespace berth::test
