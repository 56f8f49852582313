// Full /run and full disk (issue #20, item 5): small tmpfs mounts over the
// test's own <root>/run/berth and <root>/var/lib/berth, filled to the last
// block. A start that cannot record its state fails with the cause and
// leaves nothing running; a limit that cannot be stored is not in force; a
// create that cannot write leaves nothing. What berthctl says afterwards is
// what the kernel holds.
#include "berthctl_run.h"
#include "fault_host.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "system_bus.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace berth::test;

namespace {

const QString kApp = QStringLiteral("full1");
const QString kNew = QStringLiteral("full2");
const QString kBridged = QStringLiteral("full3"); // veth, lease and a forward on kBridge
const QString kBridge = QStringLiteral("fbr0");
constexpr const char* kFiller = ".filler";

QString stateRoot()
{
    return QString::fromStdString(IntegrationEnvironment::instance().stateRoot().string());
}
QString runDir()
{
    return stateRoot() + QStringLiteral("/run/berth");
}
QString libDir()
{
    return stateRoot() + QStringLiteral("/var/lib/berth");
}

bool mountTmpfs(const QString& dir, const QString& size, QString* why)
{
    if (!QDir().mkpath(dir)) {
        *why = QStringLiteral("mkdir ") + dir;
        return false;
    }
    const QByteArray options = (QStringLiteral("size=") + size + QStringLiteral(",mode=0755")).toUtf8();
    if (::mount("berth-test-full", dir.toLocal8Bit().constData(), "tmpfs", MS_NOSUID | MS_NODEV, options.constData()) !=
        0) {
        *why = QStringLiteral("mount tmpfs on %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

// Writes until the file system says ENOSPC: no block is left for anyone.
bool fill(const QString& dir, QString* why)
{
    const QByteArray path = (dir + QLatin1Char('/') + QLatin1String(kFiller)).toLocal8Bit();
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        *why = QStringLiteral("open the filler: ") + QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    static const QByteArray chunk(4096, 'x');
    for (;;) {
        const ssize_t n = ::write(fd, chunk.constData(), static_cast<size_t>(chunk.size()));
        if (n > 0)
            continue;
        const int error = n < 0 ? errno : ENOSPC;
        ::close(fd);
        if (error == ENOSPC)
            return true;
        *why = QStringLiteral("fill: ") + QString::fromLocal8Bit(std::strerror(error));
        return false;
    }
}

void unfill(const QString& dir)
{
    QFile::remove(dir + QLatin1Char('/') + QLatin1String(kFiller));
}

// Whether `line` of a snapshot difference is about another test's monitor:
// tests of other suites on this machine start and end monitors of their own
// (a zombie's command line is empty, so it is not ours either).
bool othersMonitor(const QString& line)
{
    static const QString prefix = QStringLiteral("process berth-monitor ");
    if (!line.startsWith(prefix))
        return false;
    QFile cmdline(QStringLiteral("/proc/") + line.mid(prefix.size()).section(QLatin1Char(':'), 0, 0) +
                  QStringLiteral("/cmdline"));
    return !cmdline.open(QIODevice::ReadOnly) || !cmdline.readAll().contains(stateRoot().toLocal8Bit());
}

// What changed since `before`, but the run files a failed start removes as
// every failed start does (the record of the run before it goes with them).
QString differencesText(const HostSnapshot& before)
{
    QStringList left;
    for (const QString& line : before.differences(HostSnapshot::take())) {
        const bool runFileRemoved =
            line.startsWith(QLatin1String("state run/berth/")) && line.endsWith(QLatin1String(" -> (none)")) &&
            (line.contains(QLatin1String("/state:")) || line.contains(QLatin1String("/monitor.lock:")));
        if (!runFileRemoved && !othersMonitor(line))
            left << line;
    }
    return left.join(QLatin1Char('\n'));
}

// The container's memory cgroup directory, from the monitor's state file.
QString memoryCgroupOf(const QString& name)
{
    QFile file(runDir() + QLatin1Char('/') + name + QStringLiteral("/state"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray procs =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("cgroup_procs")).toArray();
    for (const QJsonValue& value : procs) {
        const QString procsFile = value.toString();
        if (procsFile.contains(QLatin1String("/memory/")) || procsFile.contains(QLatin1String("/unified/")))
            return procsFile.section(QLatin1Char('/'), 0, -2);
    }
    return {};
}

QString kernelMemoryLimit(const QString& cgroupDir)
{
    for (const QString& fileName : {QStringLiteral("memory.limit_in_bytes"), QStringLiteral("memory.max")}) {
        QFile file(cgroupDir + QLatin1Char('/') + fileName);
        if (file.open(QIODevice::ReadOnly))
            return QString::fromUtf8(file.readAll()).trimmed();
    }
    return QStringLiteral("(no memory limit file in %1)").arg(cgroupDir);
}

QString stateShown(const QString& name)
{
    return berthctl({QStringLiteral("info"), name, QStringLiteral("--json")}).outText();
}

} // namespace

class TestFullDisk : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QStringList m_mounts;

    bool running(const QString& name) { return stateShown(name).contains(QLatin1String("\"running\"")); }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        // Before the helper starts, so everything it keeps there is on them.
        for (const auto& [dir, size] : {std::pair{runDir(), QStringLiteral("2m")}, {libDir(), QStringLiteral("64m")}}) {
            QVERIFY2(mountTmpfs(dir, size, &why), qPrintable(why));
            m_mounts << dir;
        }
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        EXPECT_CODE(berthctl({QStringLiteral("create"), kApp, QStringLiteral("-t"), QStringLiteral("busybox"),
                              QStringLiteral("--app"), QStringLiteral("--"), QStringLiteral("/bin/sleep"),
                              QStringLiteral("1000")}),
                    0);
        EXPECT_CODE(berthctl({QStringLiteral("bridge"), QStringLiteral("create"), kBridge, QStringLiteral("--address"),
                              QStringLiteral("10.0.7.1/24"), QStringLiteral("--dhcp-range"),
                              QStringLiteral("10.0.7.2-10.0.7.254")}),
                    0);
        EXPECT_CODE(berthctl({QStringLiteral("create"), kBridged, QStringLiteral("-t"), QStringLiteral("busybox"),
                              QStringLiteral("--network"), kBridge, QStringLiteral("--forward"),
                              QStringLiteral("tcp:8081:80"), QStringLiteral("--app"), QStringLiteral("--"),
                              QStringLiteral("/bin/sleep"), QStringLiteral("1000")}),
                    0);
        // Once, so that their console logs exist before any snapshot.
        for (const QString& name : {kApp, kBridged}) {
            EXPECT_CODE(berthctl({QStringLiteral("start"), name}), 0);
            EXPECT_CODE(berthctl({QStringLiteral("stop"), name, QStringLiteral("-t"), QStringLiteral("1")}), 0);
        }
    }

    // A failed case leaves no filler and no running container to the next.
    void cleanup()
    {
        unfill(runDir());
        unfill(libDir());
        // Not judged by what info says: old code showed a running one stopped.
        for (const QString& name : {kApp, kBridged})
            berthctl({QStringLiteral("stop"), name, QStringLiteral("-t"), QStringLiteral("1")});
    }

    void cleanupTestCase()
    {
        cleanup();
        for (const QString& name : {kApp, kNew, kBridged})
            berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), name});
        berthctl({QStringLiteral("bridge"), QStringLiteral("delete"), kBridge, QStringLiteral("-f")});
        m_bus.stop();
        for (const QString& dir : m_mounts)
            QVERIFY2(::umount2(dir.toLocal8Bit().constData(), MNT_DETACH) == 0, qPrintable(dir));
    }

    // A start that cannot write its state file fails with the cause, and
    // nothing of it runs; with room again the same start works.
    void startWithFullRunFails_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("application") << kApp;
        QTest::newRow("on a bridge, with a forward") << kBridged;
    }

    void startWithFullRunFails()
    {
        QFETCH(QString, name);
        QString why;
        QVERIFY2(fill(runDir(), &why), qPrintable(why));
        const HostSnapshot before = HostSnapshot::take();
        const Outcome started = berthctl({QStringLiteral("start"), name});
        QVERIFY2(started.code != 0, qPrintable(describe(started)));
        QVERIFY2(started.errText().contains(QLatin1String("No space left on device")), qPrintable(describe(started)));
        QVERIFY2(!running(name), qPrintable(stateShown(name)));
        const Outcome exec = berthctl({QStringLiteral("exec"), name, QStringLiteral("--"), QStringLiteral("true")});
        QVERIFY2(exec.code != 0, qPrintable(describe(exec)));
        // The monitor of a failed start exits just after it said so.
        QTRY_VERIFY2_WITH_TIMEOUT(differencesText(before).isEmpty(), qPrintable(differencesText(before)), 10000);

        unfill(runDir());
        EXPECT_CODE(berthctl({QStringLiteral("start"), name}), 0);
        QVERIFY2(running(name), qPrintable(stateShown(name)));
        EXPECT_CODE(berthctl({QStringLiteral("exec"), name, QStringLiteral("--"), QStringLiteral("true")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("stop"), name, QStringLiteral("-t"), QStringLiteral("1")}), 0);
    }

    // The state written at the stop does not fit: a stopped container
    // must not read as running, and it starts again.
    void stopWithFullRunShowsStopped()
    {
        EXPECT_CODE(berthctl({QStringLiteral("start"), kApp}), 0);
        QString why;
        QVERIFY2(fill(runDir(), &why), qPrintable(why));
        EXPECT_CODE(berthctl({QStringLiteral("stop"), kApp, QStringLiteral("-t"), QStringLiteral("1")}), 0);
        const QString shown = stateShown(kApp);
        QVERIFY2(!running(kApp), qPrintable(shown));
        // A stop that ended well is no monitor that "ended unexpectedly".
        const QString lastError =
            QJsonDocument::fromJson(shown.toUtf8()).object().value(QLatin1String("lastError")).toString();
        QVERIFY2(lastError.isEmpty(), qPrintable(shown));
        unfill(runDir());
        EXPECT_CODE(berthctl({QStringLiteral("start"), kApp}), 0);
        QVERIFY2(running(kApp), qPrintable(stateShown(kApp)));
        EXPECT_CODE(berthctl({QStringLiteral("stop"), kApp, QStringLiteral("-t"), QStringLiteral("1")}), 0);
    }

    // A new limit that cannot be stored in the config is not put in force:
    // the kernel and the config both keep the old one.
    void limitsWithFullDiskKeepTheOldLimit()
    {
        EXPECT_CODE(berthctl({QStringLiteral("start"), kApp}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("limits"), kApp, QStringLiteral("--memory"), QStringLiteral("64M")}), 0);
        const QString cgroup = memoryCgroupOf(kApp);
        QVERIFY2(!cgroup.isEmpty(), "no memory cgroup in the state file");
        const QString oldKernel = kernelMemoryLimit(cgroup);
        QCOMPARE(oldKernel, QStringLiteral("67108864"));
        const QString oldShown = berthctl({QStringLiteral("limits"), kApp}).outText();
        const QString oldConfig = berthctl({QStringLiteral("config"), kApp}).outText();

        QString why;
        QVERIFY2(fill(libDir(), &why), qPrintable(why));
        const Outcome limited =
            berthctl({QStringLiteral("limits"), kApp, QStringLiteral("--memory"), QStringLiteral("32M")});
        QVERIFY2(limited.code != 0, qPrintable(describe(limited)));
        QVERIFY2(limited.errText().contains(QLatin1String("No space left on device")), qPrintable(describe(limited)));
        QCOMPARE(kernelMemoryLimit(cgroup), oldKernel);
        QCOMPARE(berthctl({QStringLiteral("limits"), kApp}).outText(), oldShown);
        QCOMPARE(berthctl({QStringLiteral("config"), kApp}).outText(), oldConfig);
        unfill(libDir());
        EXPECT_CODE(berthctl({QStringLiteral("stop"), kApp, QStringLiteral("-t"), QStringLiteral("1")}), 0);
    }

    // A create on a full disk says why and leaves nothing: no container,
    // no staging directory, no lock, no log.
    void createWithFullDiskLeavesNothing()
    {
        QString why;
        QVERIFY2(fill(libDir(), &why), qPrintable(why));
        const HostSnapshot before = HostSnapshot::take();
        const Outcome created = berthctl({QStringLiteral("create"), kNew, QStringLiteral("-t"),
                                          QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                                          QStringLiteral("/bin/sleep"), QStringLiteral("1")});
        QVERIFY2(created.code != 0, qPrintable(describe(created)));
        QVERIFY2(created.errText().contains(QLatin1String("No space left on device")), qPrintable(describe(created)));
        QVERIFY2(!berthctl({QStringLiteral("list")}).outText().contains(kNew), "the failed create is listed");
        // The monitor of a failed start exits just after it said so.
        QTRY_VERIFY2_WITH_TIMEOUT(differencesText(before).isEmpty(), qPrintable(differencesText(before)), 10000);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestFullDisk)
#include "test_full_disk.moc"
