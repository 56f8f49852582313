// kill -9 of the helper at each step of create, import (an OCI archive
// through a FIFO: today's pull), start, stop, destroy and export (issue
// #20). Each step is held open so the kill reliably lands in it: a FIFO
// fed half an archive (create, import), a monitor held with SIGSTOP before
// it reports (start), an init that ignores the halt signal (stop), a rootfs
// of many files (destroy) and a FIFO nobody reads (export). Then berthctl
// must end within a bound with exit 6, and after the helper's next start
// (any call starts it) the host equals the one before the operation,
// besides what it legitimately finished, and the states shown are in force.
#include "berthctl_run.h"
#include "bus_names.h"
#include "fault_host.h"
#include "fault_steps.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "slow_input.h"
#include "system_bus.h"

#include <QCoreApplication>
#include <QDBusMetaType>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

using namespace berth::test;

namespace {

const QString kStopped = QStringLiteral("stopped");
const QString kRunning = QStringLiteral("running");

berth::Paths statePaths()
{
    return berth::Paths(IntegrationEnvironment::instance().stateRoot());
}

// The process holding `name`'s monitor.lock (a monitor the helper's spare
// became carries no name on its command line): /proc/locks names the
// holder of each flock by the lock file's inode.
QList<pid_t> lockHolderOf(const QString& name)
{
    struct stat lock {};
    if (::stat(statePaths().monitorLock(name.toStdString()).c_str(), &lock) != 0)
        return {};
    const QString inode = QStringLiteral(":%1").arg(lock.st_ino);
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly))
        return {};
    QList<pid_t> found;
    for (const QString& line : QString::fromLatin1(locks.readAll()).split(QLatin1Char('\n'))) {
        const QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        // "1: FLOCK ADVISORY WRITE PID MAJ:MIN:INODE 0 EOF"; the monitor's is
        // exclusive (a liveness probe's is shared, READ).
        if (fields.size() >= 6 && fields[1] == QLatin1String("FLOCK") && fields[3] == QLatin1String("WRITE") &&
            fields[5].endsWith(inode) && fields[4].toInt() > 0)
            found << pid_t(fields[4].toInt());
    }
    return found;
}

// The PIDs of the berth-monitor processes of `name`: those whose command
// line names it, and the one holding its lock.
QList<pid_t> monitorsOf(const QString& name)
{
    QList<pid_t> found = lockHolderOf(name);
    const QByteArray wanted = '\0' + name.toUtf8() + '\0';
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string pid = entry.path().filename();
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        QFile cmdline(QString::fromStdString((entry.path() / "cmdline").string()));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = cmdline.readAll();
        if (text.contains("berth-monitor") && (text + '\0').contains(wanted) && !found.contains(std::stoi(pid)))
            found << pid_t(std::stoi(pid));
    }
    return found;
}

// A tar.gz rootfs of 40000 empty files: its removal takes a while.
bool makeManyFilesTarball(const QString& archive, QString* why)
{
    QTemporaryDir dir;
    QString out;
    const QString script = QStringLiteral("cd '%1' && mkdir etc && echo many > etc/hostname && "
                                          "for d in $(seq 100); do mkdir d$d && (cd d$d && touch $(seq 400)); done && "
                                          "tar -czf '%2' .")
                               .arg(dir.path(), archive);
    if (run(QStringLiteral("sh"), {QStringLiteral("-c"), script}, &out) != 0) {
        *why = out;
        return false;
    }
    return true;
}

} // namespace

class TestHelperKilled : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QTemporaryDir m_dir;
    QByteArray m_tarball;
    QByteArray m_ociArchive;

    QString state(const QString& name) { return containerState(m_bus, name); }

    QStringList containerNames()
    {
        auto reply = callHelper(m_bus, kManager, QStringLiteral("ListContainers"));
        return qdbus_cast<QMap<QString, QString>>(reply.arguments().value(0)).keys();
    }

    // What differs from `before` once a new helper has started and swept
    // (the list call starts it), besides lines naming `allowed`.
    QStringList leftAfterRestart(const HostSnapshot& before, const QStringList& allowed = {})
    {
        (void)containerNames();
        return differencesBesides(before.differences(HostSnapshot::take()), allowed);
    }

    // What every start rewrites: the container's log and its state file.
    static QStringList startRecords(const QString& name)
    {
        return {QStringLiteral("/log/berth/") + name + QStringLiteral(".log"),
                QStringLiteral("run/berth/") + name + QStringLiteral("/state:")};
    }

    // A busybox container that has run once, so its records exist.
    void makeStartedOnce(const QString& name)
    {
        EXPECT_CODE(berthctl({QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("busybox")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("start"), name}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("stop"), name, QStringLiteral("-t"), QStringLiteral("2")}), 0);
    }

    // berthctl create NAME -t TEMPLATE --file FIFO fed half of `archive`,
    // killed once its staging directory exists.
    void killMidCreate(const QString& name, const QString& templateName, const QByteArray& archive)
    {
        const HostSnapshot before = HostSnapshot::take();
        const QString fifo = m_dir.filePath(name + QStringLiteral(".fifo"));
        QCOMPARE(::mkfifo(qPrintable(fifo), 0600), 0);
        QProcess create;
        QVERIFY(startBerthctl(create, {QStringLiteral("create"), name, QStringLiteral("-t"), templateName,
                                       QStringLiteral("--file"), fifo}));
        const int writeEnd = openFifoWriter(fifo);
        QVERIFY(writeEnd >= 0);
        QVERIFY(writeAll(writeEnd, QByteArrayView(archive).first(archive.size() / 2)));
        QTRY_VERIFY_WITH_TIMEOUT(
            !entriesNaming(statePaths().containersDir(), QStringLiteral(".staging-") + name).isEmpty(), 60000);
        const QString killed = killHelper(m_bus);
        const QString ended = checkEndedHelperGone(create);
        ::close(writeEnd);
        QVERIFY2(killed.isEmpty(), qPrintable(killed));
        QVERIFY2(ended.isEmpty(), qPrintable(ended));
        const QStringList left = leftAfterRestart(before);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
        QVERIFY(!containerNames().contains(name));
    }

    // `berthctl start NAME` with its monitor held (SIGSTOP) before it
    // reports; false when the start won the race (the caller retries).
    bool startHeldMonitor(const QString& name, QProcess& start, pid_t* monitor)
    {
        if (!startBerthctl(start, {QStringLiteral("start"), name}))
            return false;
        QElapsedTimer waited;
        waited.start();
        while (start.state() == QProcess::Running && waited.elapsed() < 60000) {
            const QList<pid_t> found = monitorsOf(name);
            if (!found.isEmpty()) {
                ::kill(found.front(), SIGSTOP);
                *monitor = found.front();
                // Reported already? Then the start is done, not held.
                if (start.waitForFinished(200)) {
                    ::kill(*monitor, SIGCONT);
                    return false;
                }
                return true;
            }
            start.waitForFinished(0);
        }
        start.waitForFinished(60000);
        return false;
    }

    // A running container shown running is stopped by berthctl; one shown
    // stopped has nothing left. Either way the host is as before its start.
    void checkStateInForce(const QString& name, const HostSnapshot& beforeStart)
    {
        const QString shown = state(name);
        qInfo().noquote() << name << "shown" << shown << "after the helper's next start";
        QVERIFY2(shown == kRunning || shown == kStopped, qPrintable(shown));
        if (shown == kRunning)
            EXPECT_CODE(berthctl({QStringLiteral("stop"), name, QStringLiteral("-t"), QStringLiteral("2")}), 0);
        QCOMPARE(state(name), kStopped);
        const QStringList left = leftAfterRestart(beforeStart, startRecords(name));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A helper that stopped reading must fail our write, not kill the test.
        ::signal(SIGPIPE, SIG_IGN);
        qDBusRegisterMetaType<QMap<QString, QString>>();
        QVERIFY(m_dir.isValid());
        QString why;
        m_tarball = makeTarball(&why);
        QVERIFY2(m_tarball.size() > 4 * 1024 * 1024, qPrintable(why)); // far more than a pipe buffers
        m_ociArchive = makeOciArchive(&why);
        QVERIFY2(m_ociArchive.size() > 4 * 1024 * 1024, qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        // Berth's own directories exist from here on, as on a host in use.
        makeStartedOnce(QStringLiteral("hk-warm"));
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), QStringLiteral("hk-warm")}), 0);
    }

    void cleanupTestCase()
    {
        destroyAllContainers(m_bus);
        m_bus.stop();
    }

    void create() { killMidCreate(QStringLiteral("hk-create"), QStringLiteral("tarball"), m_tarball); }

    void importImage() { killMidCreate(QStringLiteral("hk-import"), QStringLiteral("oci"), m_ociArchive); }

    void start()
    {
        const QString name = QStringLiteral("hk-start");
        makeStartedOnce(name);
        const HostSnapshot before = HostSnapshot::take();
        pid_t monitor = 0;
        bool held = false;
        for (int attempt = 0; attempt < 10 && !held; ++attempt) {
            QProcess start;
            held = startHeldMonitor(name, start, &monitor);
            if (held) {
                const QString killed = killHelper(m_bus);
                const QString ended = checkEndedHelperGone(start);
                ::kill(monitor, SIGCONT);
                QVERIFY2(killed.isEmpty(), qPrintable(killed));
                QVERIFY2(ended.isEmpty(), qPrintable(ended));
            } else if (state(name) == kRunning) {
                EXPECT_CODE(berthctl({QStringLiteral("stop"), name, QStringLiteral("-t"), QStringLiteral("2")}), 0);
            }
        }
        QVERIFY2(held, "the monitor always reported before the test could hold it");
        // The held monitor goes on (or gives up) by itself; wait till it has.
        QTRY_VERIFY_WITH_TIMEOUT(state(name) == kRunning || ::kill(monitor, 0) != 0, 60000);
        checkStateInForce(name, before);
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), name}), 0);
    }

    void stop()
    {
        const QString name = QStringLiteral("hk-stop");
        makeStartedOnce(name);
        const HostSnapshot before = HostSnapshot::take();
        // PID 1 ignores what it has no handler for: only SIGKILL ends it, after the grace.
        EXPECT_CODE(
            berthctl({QStringLiteral("start"), name, QStringLiteral("--"), QStringLiteral("/bin/sh"),
                      QStringLiteral("-c"), QStringLiteral("trap '' 1 2 10 12 15 30; while :; do sleep 1; done")}),
            0);
        QProcess stop;
        QVERIFY(startBerthctl(stop, {QStringLiteral("stop"), name, QStringLiteral("-t"), QStringLiteral("5")}));
        QTRY_COMPARE_WITH_TIMEOUT(state(name), QStringLiteral("stopping"), 30000);
        const QString killed = killHelper(m_bus);
        const QString ended = checkEndedHelperGone(stop);
        QVERIFY2(killed.isEmpty(), qPrintable(killed));
        QVERIFY2(ended.isEmpty(), qPrintable(ended));
        // The monitor owns the grace and the SIGKILL: the stop completes without the helper.
        QTRY_COMPARE_WITH_TIMEOUT(state(name), kStopped, 60000);
        checkStateInForce(name, before);
        EXPECT_CODE(berthctl({QStringLiteral("start"), name}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), name, QStringLiteral("--force")}), 0);
    }

    void destroy()
    {
        const QString name = QStringLiteral("hk-destroy");
        const QString archive = m_dir.filePath(QStringLiteral("many.tar.gz"));
        QString why;
        QVERIFY2(makeManyFilesTarball(archive, &why), qPrintable(why));
        const HostSnapshot before = HostSnapshot::take();
        EXPECT_CODE(berthctl({QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("tarball"),
                              QStringLiteral("--file"), archive}),
                    0);
        const std::filesystem::path config = statePaths().containerDir(name.toStdString()) / "config";
        QVERIFY(std::filesystem::exists(config));
        QProcess destroy;
        QVERIFY(startBerthctl(destroy, {QStringLiteral("destroy"), name}));
        // Killed as soon as the removal began: the config (old) or the whole directory (new) is gone.
        QElapsedTimer waited;
        waited.start();
        while (::access(config.c_str(), F_OK) == 0 && destroy.state() == QProcess::Running && waited.elapsed() < 60000)
            destroy.waitForFinished(0);
        QVERIFY2(destroy.state() == QProcess::Running, "the destroy ended before the test could kill the helper");
        const QString killed = killHelper(m_bus);
        const QString ended = checkEndedHelperGone(destroy);
        QVERIFY2(killed.isEmpty(), qPrintable(killed));
        QVERIFY2(ended.isEmpty(), qPrintable(ended));
        // The destroy had begun: the next helper finishes it, and the name is free.
        const QStringList names = containerNames();
        QVERIFY2(!names.contains(name), qPrintable(names.join(QLatin1Char(' '))));
        const QStringList left = leftAfterRestart(before);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
        EXPECT_CODE(berthctl({QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("busybox")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), name}), 0);
    }

    void exportRootfs()
    {
        const QString name = QStringLiteral("hk-export");
        const QString archive = m_dir.filePath(QStringLiteral("rootfs.tar.gz"));
        {
            QFile file(archive);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(m_tarball) == m_tarball.size());
        }
        EXPECT_CODE(berthctl({QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("tarball"),
                              QStringLiteral("--file"), archive}),
                    0);
        const HostSnapshot before = HostSnapshot::take();
        const QString fifo = m_dir.filePath(QStringLiteral("export.fifo"));
        QCOMPARE(::mkfifo(qPrintable(fifo), 0600), 0);
        const int readEnd = ::open(qPrintable(fifo), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        QVERIFY(readEnd >= 0);
        QProcess exporting;
        QVERIFY(startBerthctl(exporting, {QStringLiteral("export"), name, fifo}));
        // Some of the archive arrives, then nobody reads: the job waits to write.
        QByteArray got(64 * 1024, '\0');
        qsizetype read = 0;
        QTRY_VERIFY_WITH_TIMEOUT((read += std::max<ssize_t>(0, ::read(readEnd, got.data(), size_t(got.size())))) > 0,
                                 60000);
        QTest::qWait(500); // lets the pipe fill; the job is blocked in its write whatever the speed
        const QString killed = killHelper(m_bus);
        const QString ended = checkEndedHelperGone(exporting);
        ::close(readEnd);
        QVERIFY2(killed.isEmpty(), qPrintable(killed));
        QVERIFY2(ended.isEmpty(), qPrintable(ended));
        QCOMPARE(state(name), kStopped);
        const QStringList left = leftAfterRestart(before);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), name}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestHelperKilled)

#include "test_helper_killed.moc"
