// `berthctl run --rm` (issue #20, item 2): the removal belongs to the
// container, so it happens whoever dies. A 1000-cycle loop in four lanes
// leaves nothing and every exit code is the command's; a berthctl killed
// -9 mid-command, and a helper killed -9 while the command runs (with and
// without berthctl waiting, and with nobody calling the helper again),
// still see the container removed once its command ends; a creator that
// leaves before the start sees it removed at once.
#include "berthctl_run.h"
#include "fault_host.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "system_bus.h"

#include "berth/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>
#include <filesystem>
#include <memory>

using namespace berth::test;

namespace {

constexpr int kLanes = 4;
constexpr int kOneRunMs = 120000; // one run that takes longer hangs
const QString kNotFound = QStringLiteral("org.berth.Error.NotFound");

// BERTH_RUN_RM_CYCLES shortens the loop for a quick local run.
int cycles()
{
    const int asked = qEnvironmentVariableIntValue("BERTH_RUN_RM_CYCLES");
    return asked > 0 ? asked : 1000;
}

QStringList runArgs(const QString& name, const QString& script)
{
    return {
        QStringLiteral("run"), QStringLiteral("--rm"),    QStringLiteral("--name"), name,  QStringLiteral("busybox"),
        QStringLiteral("--"),  QStringLiteral("/bin/sh"), QStringLiteral("-c"),     script};
}

// The container's directory in the state root: read without a call, so
// looking does not start a helper.
bool onDisk(const QString& name)
{
    const berth::Paths paths(IntegrationEnvironment::instance().stateRoot());
    return std::filesystem::exists(paths.containerDir(name.toStdString()));
}

// berth-monitor processes of this test's state root (HostSnapshot counts
// every monitor on the machine, and other tests' come and go meanwhile).
QStringList monitorsOfThisRoot()
{
    const QString root = QString::fromStdString(IntegrationEnvironment::instance().stateRoot().string());
    QStringList found;
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        // A spare the helper keeps ready (comm berth-spare) runs no container.
        if (!cmdline.open(QIODevice::ReadOnly) || !comm.open(QIODevice::ReadOnly) ||
            comm.readAll().trimmed() != "berth-monitor")
            continue;
        const QList<QByteArray> args = cmdline.readAll().split('\0');
        if (!args.isEmpty() && args.first().endsWith("berth-monitor") && args.contains(root.toUtf8()))
            found << pid;
    }
    return found;
}

// One lane of the loop: runs one berthctl after the other.
struct Lane {
    std::unique_ptr<QProcess> process;
    QString name;
    int expected = 0;
    QElapsedTimer started;
};

} // namespace

class TestRunRm : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    HostSnapshot m_before;

    QStringList containerNames()
    {
        auto list = berthctl({QStringLiteral("list"), QStringLiteral("--json")});
        QStringList names;
        for (const auto& value : QJsonDocument::fromJson(list.out).array())
            names << value.toObject().value(QStringLiteral("name")).toString();
        return names;
    }

    // Nothing left: no container listed, and after a fresh helper's start
    // the host as it was before the case.
    void verifyNothingLeft()
    {
        QCOMPARE(containerNames(), QStringList{});
        QCOMPARE(monitorsOfThisRoot(), QStringList{});
        QStringList differences = m_before.differences(HostSnapshot::take());
        differences.removeIf(
            [](const QString& line) { return line.startsWith(QLatin1String("process berth-monitor")); });
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));
    }

    // Starts `berthctl run --rm NAME` of a command that runs until killed
    // or for `seconds`, and waits until it runs.
    void startLong(QProcess& process, const QString& name, int seconds)
    {
        process.start(QStringLiteral(BERTHCTL_BINARY), runArgs(name, QStringLiteral("sleep %1").arg(seconds)));
        QVERIFY(process.waitForStarted());
        QVERIFY2(waitUntil([&] { return containerState(m_bus, name) == QLatin1String("running"); }, 60000),
                 qPrintable(containerState(m_bus, name)));
    }

    void killHelper()
    {
        const uint helper = m_bus.ownerPid(kService);
        QVERIFY(helper != 0);
        QCOMPARE(::kill(pid_t(helper), SIGKILL), 0);
        QVERIFY(waitUntil([&] { return m_bus.ownerPid(kService) != helper; }, 10000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        // One run first: the run directories it makes stay, as after every case.
        EXPECT_CODE(berthctl(runArgs(QStringLiteral("rm-first"), QStringLiteral("true"))), 0);
        QCOMPARE(containerNames(), QStringList{});
        m_before = HostSnapshot::take();
    }

    void cleanupTestCase()
    {
        destroyAllContainers(m_bus);
        m_bus.stop();
    }

    // Every tenth run ends with `exit 3`; the others run /bin/true.
    void loopLeavesNothing()
    {
        const int total = cycles();
        QElapsedTimer clock;
        clock.start();
        std::vector<Lane> lanes(kLanes);
        int next = 0, done = 0;
        QStringList wrong;
        auto launch = [&](Lane& lane) {
            const int index = next++;
            lane.name = QStringLiteral("rm-%1").arg(index);
            lane.expected = index % 10 == 3 ? 3 : 0;
            lane.process = std::make_unique<QProcess>();
            const QStringList args = lane.expected ? runArgs(lane.name, QStringLiteral("exit 3"))
                                                   : QStringList{QStringLiteral("run"),      QStringLiteral("--rm"),
                                                                 QStringLiteral("--name"),   lane.name,
                                                                 QStringLiteral("busybox"),  QStringLiteral("--"),
                                                                 QStringLiteral("/bin/true")};
            lane.process->start(QStringLiteral(BERTHCTL_BINARY), args);
            lane.started.start();
        };
        for (Lane& lane : lanes)
            launch(lane);
        while (done < total) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            for (Lane& lane : lanes) {
                if (!lane.process)
                    continue;
                if (lane.process->state() != QProcess::NotRunning) {
                    QVERIFY2(lane.started.elapsed() < kOneRunMs,
                             qPrintable(QStringLiteral("berthctl run --rm %1 hangs").arg(lane.name)));
                    lane.process->waitForFinished(10);
                    continue;
                }
                const int code = lane.process->exitStatus() == QProcess::NormalExit ? lane.process->exitCode() : -1;
                if (code != lane.expected)
                    wrong << QStringLiteral("%1: exit %2, not %3: %4")
                                 .arg(lane.name)
                                 .arg(code)
                                 .arg(lane.expected)
                                 .arg(QString::fromUtf8(lane.process->readAllStandardError()).trimmed());
                if (onDisk(lane.name))
                    wrong << QStringLiteral("%1: still there after run --rm ended").arg(lane.name);
                ++done;
                lane.process.reset();
                if (next < total)
                    launch(lane);
            }
        }
        qInfo("%d runs of run --rm in %d lanes took %lld s", total, kLanes, clock.elapsed() / 1000);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
        verifyNothingLeft();
    }

    // berthctl killed -9 while its command runs: the container goes when
    // the command ends, not at some later call.
    void berthctlKilled()
    {
        const QString name = QStringLiteral("rm-killed-client");
        QProcess run;
        startLong(run, name, 3);
        ::kill(pid_t(run.processId()), SIGKILL);
        QVERIFY(run.waitForFinished(10000));
        QVERIFY(onDisk(name)); // the command still runs
        QVERIFY2(waitUntil([&] { return !onDisk(name); }, 60000),
                 qPrintable(name + QStringLiteral(" is left after its command ended")));
        verifyNothingLeft();
    }

    // The helper killed -9 while berthctl waits for the command: berthctl
    // ends with the command's exit code (a new helper answers it) and the
    // container is removed.
    void helperKilledWhileWaiting()
    {
        const QString name = QStringLiteral("rm-helper-killed");
        QProcess run;
        startLong(run, name, 3);
        killHelper();
        QVERIFY2(run.waitForFinished(60000), "berthctl run --rm hangs after the helper was killed");
        QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
        QVERIFY2(waitUntil([&] { return !onDisk(name); }, 60000),
                 qPrintable(name + QStringLiteral(" is left after its command ended")));
        verifyNothingLeft();
    }

    // The creator of a marked container leaves the bus before anyone starts
    // it (berthctl run --rm killed between its create and its start): gdbus
    // asks for the create and exits with the job's path at once.
    void creatorGoneBeforeStart()
    {
        const QString name = QStringLiteral("rm-never-started");
        const QStringList call =
            gdbusCall(m_bus, kManager + QStringLiteral(".CreateContainer")) +
            QStringList{gvariantString(name),        QStringLiteral("'busybox'"),
                        QStringLiteral("@a{ss} {}"), QStringLiteral("'application'"),
                        QStringLiteral("['true']"),  QStringLiteral("{'removeWhenStopped': <true>}")};
        QString out;
        QCOMPARE(run(call.first(), call.mid(1), &out), 0);
        const QRegularExpressionMatch job = QRegularExpression(QStringLiteral("'(/[^']+)'")).match(out);
        QVERIFY2(job.hasMatch(), qPrintable(out));
        QCOMPARE(waitForJob(m_bus, job.captured(1)), QStringLiteral("succeeded"));
        QVERIFY2(waitUntil([&] { return !onDisk(name); }, 60000),
                 qPrintable(name + QStringLiteral(" is left although its creator left before starting it")));
        QCOMPARE(containerState(m_bus, name), kNotFound);
        verifyNothingLeft();
    }

    // Helper and berthctl both killed -9, and nobody calls the helper
    // again: the container's end itself brings a helper that removes it.
    void everyoneKilled()
    {
        const QString name = QStringLiteral("rm-everyone-killed");
        QProcess run;
        startLong(run, name, 3);
        ::kill(pid_t(run.processId()), SIGKILL);
        QVERIFY(run.waitForFinished(10000));
        killHelper();
        QCOMPARE(m_bus.ownerPid(kService), 0u);
        QVERIFY2(waitUntil([&] { return !onDisk(name); }, 60000),
                 qPrintable(name + QStringLiteral(" is left after its command ended, with no helper to remove it")));
        verifyNothingLeft();
    }
};

BERTH_SYSTEM_TEST_MAIN(TestRunRm)

#include "test_run_rm.moc"
