// A container's monitor or init killed, and its state file damaged (issue
// #20, items 3 and 5): through berthctl as root and as a member of group
// berth. A container whose monitor is gone while its init runs is shown
// "unmanaged", never "stopped", also by the helper's next instance; exec is
// refused saying how to recover; stop ends it and leaves the host as a
// clean stop does (HostSnapshot). A killed init stops the container with
// its exit status; a damaged state file never shows a running container
// stopped.
#include "berthctl_run.h"
#include "bus_names.h"
#include "fault_host.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "system_bus.h"
#include "test_users.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>

using namespace berth::test;

namespace {

constexpr int kWaitMs = 30000;

QString runDir(const QString& name)
{
    return QString::fromStdString((IntegrationEnvironment::instance().stateRoot() / "run/berth").string()) +
           QLatin1Char('/') + name;
}

QJsonObject stateFile(const QString& name)
{
    QFile file(runDir(name) + QStringLiteral("/state"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject info(const QString& name)
{
    return QJsonDocument::fromJson(berthctl({QStringLiteral("info"), name, QStringLiteral("--json")}).out).object();
}

QString stateOf(const QString& name)
{
    return info(name).value(QStringLiteral("state")).toString();
}

// Alive and not a zombie: a killed process whose parent does not reap it
// (PID 1 here does not) stays a zombie, which is gone for every purpose.
bool processRuns(int pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.size() > close + 2 && text.at(close + 2) != 'Z';
}

// In this process's network namespace (the test's): /proc/net is the
// reader's, /sys/class/net the one sysfs was mounted in.
bool linkExists(const QString& link)
{
    QFile dev(QStringLiteral("/proc/net/dev"));
    if (!dev.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray& line : dev.readAll().split('\n'))
        if (line.trimmed().startsWith(link.toUtf8() + ':'))
            return true;
    return false;
}

// The differences but the container's own state file, whose size tells
// how the last run ended (checked through berthctl instead), its console
// log, which each run appends to, and monitors gone since (ended, or
// reaped zombies): a leftover is what is there now and was not before.
QStringList differencesBut(const HostSnapshot& before, const HostSnapshot& after, const QString& name)
{
    QStringList found = before.differences(after);
    const QString state = QStringLiteral("state run/berth/") + name + QStringLiteral("/state:");
    const QString log = QStringLiteral("state var/log/berth/") + name + QStringLiteral(".log:");
    found.removeIf([&](const QString& line) {
        return line.startsWith(state) || line.startsWith(log) ||
               (line.startsWith(QStringLiteral("process berth-monitor ")) &&
                line.endsWith(QStringLiteral(": alive -> (none)")));
    });
    return found;
}

void writeGarbage(const QString& name, const QByteArray& text)
{
    QFile file(runDir(name) + QStringLiteral("/state"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(text), text.size());
}

} // namespace

// Every StateChanged the helper broadcasts, as "name state".
class StateRecorder : public QObject {
    Q_OBJECT
public:
    QStringList seen;
public Q_SLOTS:
    void record(const QString& name, const QString& state) { seen << name + QLatin1Char(' ') + state; }
};

class TestMonitorKilled : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    HostSnapshot m_before;

    // A start and a clean stop, so what a run leaves for good (its run
    // directory, a bridge and its dnsmasq) is there before the fault.
    void settle(const QString& name)
    {
        EXPECT_CODE(berthctl({QStringLiteral("start"), name}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("stop"), name}), 0);
        m_before = HostSnapshot::take();
    }

    int killMonitor(const QString& name)
    {
        const int monitor = stateFile(name).value(QStringLiteral("monitor_pid")).toInt();
        const int init = info(name).value(QStringLiteral("pid")).toInt();
        if (!processRuns(monitor) || !processRuns(init))
            return 0;
        ::kill(monitor, SIGKILL);
        return init;
    }

    void expectUnmanaged(const QString& name, int init)
    {
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(name), QStringLiteral("unmanaged"), kWaitMs);
        QVERIFY(processRuns(init));
        const QJsonObject shown = info(name);
        QCOMPARE(shown.value(QStringLiteral("pid")).toInt(), init);
        QVERIFY2(shown.value(QStringLiteral("lastError")).toString().contains(QStringLiteral("monitor")),
                 qPrintable(shown.value(QStringLiteral("lastError")).toString()));
        const Outcome list = berthctl({QStringLiteral("list")});
        EXPECT_CODE(list, 0);
        QVERIFY2(list.outText().contains(QRegularExpression(name + QStringLiteral("\\s+unmanaged"))),
                 qPrintable(list.outText()));
        const Outcome exec = berthctl({QStringLiteral("exec"), name, QStringLiteral("--"), QStringLiteral("true")});
        QVERIFY2(exec.code != 0 && exec.errText().contains(QStringLiteral("without its monitor")) &&
                     exec.errText().contains(QStringLiteral("stop")),
                 qPrintable(describe(exec)));
        // A start would run a second init beside the first.
        QVERIFY(berthctl({QStringLiteral("start"), name}).code != 0);
        QVERIFY(processRuns(init));
    }

    void expectCleanAfterStop(const QString& name, int init)
    {
        QCOMPARE(stateOf(name), QStringLiteral("stopped"));
        QTRY_VERIFY_WITH_TIMEOUT(!processRuns(init), kWaitMs);
        // A monitor lets go of its lock a moment before it exits.
        QStringList left;
        QTRY_VERIFY2_WITH_TIMEOUT((left = differencesBut(m_before, HostSnapshot::take(), name)).isEmpty(),
                                  qPrintable(left.join(QLatin1Char('\n'))), kWaitMs);
    }

    void killHelper()
    {
        const uint helper = m_bus.ownerPid(kService);
        QVERIFY(helper > 0);
        ::kill(pid_t(helper), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.ownerPid(kService) != helper, kWaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
    }

    void cleanupTestCase()
    {
        for (const auto& name :
             {QStringLiteral("mk_sys"), QStringLiteral("mk_app"), QStringLiteral("mk_hup"), QStringLiteral("mk_net")})
            berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), name});
        berthctl({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("tbrmk")});
        m_bus.stop();
        removeFromGroup(kTestUser, kBerthGroup);
    }

    // A system container: unmanaged after its monitor is killed, also for
    // the helper's next instance, which leaves it running; stop ends it.
    void systemContainerMonitorKilled()
    {
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("mk_sys"), QStringLiteral("-t"),
                              QStringLiteral("busybox")}),
                    0);
        settle(QStringLiteral("mk_sys"));
        StateRecorder recorder;
        QVERIFY(m_bus.connection().connect(QString(), kPath, kManager, QStringLiteral("StateChanged"), &recorder,
                                           SLOT(record(QString, QString))));
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("mk_sys")}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(recorder.seen.contains(QStringLiteral("mk_sys running")), kWaitMs);
        const int init = killMonitor(QStringLiteral("mk_sys"));
        QVERIFY(init > 0);
        // No call from here on: the helper's own watch tells.
        QTRY_VERIFY_WITH_TIMEOUT(recorder.seen.contains(QStringLiteral("mk_sys unmanaged")), kWaitMs);
        QVERIFY(!recorder.seen.contains(QStringLiteral("mk_sys stopped")));
        expectUnmanaged(QStringLiteral("mk_sys"), init);
        killHelper();
        expectUnmanaged(QStringLiteral("mk_sys"), init);
        // A member reads it the same way.
        const Outcome member =
            runAsUser(kTestUser, {QStringLiteral(BERTHCTL_BINARY), QStringLiteral("list")}, m_bus.address());
        EXPECT_CODE(member, 0);
        QVERIFY2(member.outText().contains(QStringLiteral("unmanaged")), qPrintable(member.outText()));
        EXPECT_CODE(berthctl({QStringLiteral("stop"), QStringLiteral("mk_sys")}), 0);
        expectCleanAfterStop(QStringLiteral("mk_sys"), init);
    }

    // An application container, stopped by a member of group berth.
    void applicationContainerMonitorKilled()
    {
        // Its command ignores the hangup of its console, which goes with the monitor.
        EXPECT_CODE(
            berthctl({QStringLiteral("create"), QStringLiteral("mk_app"), QStringLiteral("-t"),
                      QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                      QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("trap '' HUP; sleep 1000")}),
            0);
        settle(QStringLiteral("mk_app"));
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("mk_app")}), 0);
        const int init = killMonitor(QStringLiteral("mk_app"));
        QVERIFY(init > 0);
        expectUnmanaged(QStringLiteral("mk_app"), init);
        EXPECT_CODE(runAsUser(kTestUser,
                              {QStringLiteral(BERTHCTL_BINARY), QStringLiteral("stop"), QStringLiteral("mk_app")},
                              m_bus.address()),
                    0);
        expectCleanAfterStop(QStringLiteral("mk_app"), init);
    }

    // An application whose command ends with its console (SIGHUP as the
    // monitor goes): stopped, saying the monitor ended; the helper's next
    // start finishes the monitor's teardown.
    void applicationEndsWithItsMonitor()
    {
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("mk_hup"), QStringLiteral("-t"),
                              QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                              QStringLiteral("/bin/sleep"), QStringLiteral("1000")}),
                    0);
        settle(QStringLiteral("mk_hup"));
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("mk_hup")}), 0);
        const int init = killMonitor(QStringLiteral("mk_hup"));
        QVERIFY(init > 0);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("mk_hup")), QStringLiteral("stopped"), kWaitMs);
        QVERIFY(info(QStringLiteral("mk_hup"))
                    .value(QStringLiteral("lastError"))
                    .toString()
                    .contains(QStringLiteral("monitor")));
        killHelper();
        EXPECT_CODE(berthctl({QStringLiteral("list")}), 0);
        expectCleanAfterStop(QStringLiteral("mk_hup"), init);
    }

    // On a Berth bridge with a forward: the veth, its DNS entry and the
    // forward rules go with the stop; the lease stays reserved as after a
    // clean stop.
    void bridgedContainerMonitorKilled()
    {
        EXPECT_CODE(berthctl({QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("tbrmk"),
                              QStringLiteral("--address"), QStringLiteral("10.83.0.1/24")}),
                    0);
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("mk_net"), QStringLiteral("-t"),
                              QStringLiteral("busybox"), QStringLiteral("--network"), QStringLiteral("tbrmk"),
                              QStringLiteral("--forward"), QStringLiteral("tcp:18083:80")}),
                    0);
        settle(QStringLiteral("mk_net"));
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("mk_net")}), 0);
        const QJsonArray links = stateFile(QStringLiteral("mk_net")).value(QStringLiteral("host_interfaces")).toArray();
        QCOMPARE(links.size(), 1);
        const QString veth = links.first().toString();
        QVERIFY(linkExists(veth));
        const int init = killMonitor(QStringLiteral("mk_net"));
        QVERIFY(init > 0);
        expectUnmanaged(QStringLiteral("mk_net"), init);
        QVERIFY(linkExists(veth));
        EXPECT_CODE(berthctl({QStringLiteral("stop"), QStringLiteral("mk_net")}), 0);
        QVERIFY(!linkExists(veth));
        expectCleanAfterStop(QStringLiteral("mk_net"), init);
    }

    // kill -9 of the init from the host: the monitor sees it, the container
    // is stopped with the signal as its exit status, nothing is left.
    void initKilled()
    {
        settle(QStringLiteral("mk_sys"));
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("mk_sys")}), 0);
        const int init = info(QStringLiteral("mk_sys")).value(QStringLiteral("pid")).toInt();
        QVERIFY(processRuns(init));
        ::kill(init, SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("mk_sys")), QStringLiteral("stopped"), kWaitMs);
        QCOMPARE(info(QStringLiteral("mk_sys")).value(QStringLiteral("lastExitCode")).toInt(), 128 + SIGKILL);
        expectCleanAfterStop(QStringLiteral("mk_sys"), init);
    }

    // A damaged state file while the monitor runs: the monitor's word.
    void garbageStateMonitorAlive_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("garbage") << QByteArray("\x01\xff not json {");
        QTest::newRow("truncated") << QByteArray("{\"state\":\"run");
        QTest::newRow("empty") << QByteArray();
    }

    void garbageStateMonitorAlive()
    {
        QFETCH(QByteArray, text);
        settle(QStringLiteral("mk_sys"));
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("mk_sys")}), 0);
        const int init = info(QStringLiteral("mk_sys")).value(QStringLiteral("pid")).toInt();
        writeGarbage(QStringLiteral("mk_sys"), text);
        QCOMPARE(stateOf(QStringLiteral("mk_sys")), QStringLiteral("running"));
        QCOMPARE(info(QStringLiteral("mk_sys")).value(QStringLiteral("pid")).toInt(), init);
        EXPECT_CODE(
            berthctl({QStringLiteral("exec"), QStringLiteral("mk_sys"), QStringLiteral("--"), QStringLiteral("true")}),
            0);
        EXPECT_CODE(berthctl({QStringLiteral("stop"), QStringLiteral("mk_sys")}), 0);
        expectCleanAfterStop(QStringLiteral("mk_sys"), init);
    }

    // A damaged state file and no monitor: judged by the cgroup.
    void garbageStateMonitorKilled()
    {
        settle(QStringLiteral("mk_sys"));
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("mk_sys")}), 0);
        const int init = killMonitor(QStringLiteral("mk_sys"));
        QVERIFY(init > 0);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("mk_sys")), QStringLiteral("unmanaged"), kWaitMs);
        writeGarbage(QStringLiteral("mk_sys"), QByteArray("{\"state\":"));
        QCOMPARE(stateOf(QStringLiteral("mk_sys")), QStringLiteral("unmanaged"));
        EXPECT_CODE(berthctl({QStringLiteral("stop"), QStringLiteral("mk_sys")}), 0);
        expectCleanAfterStop(QStringLiteral("mk_sys"), init);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestMonitorKilled)
#include "test_monitor_killed.moc"
