// berthctl autostart end to end: the built berthctl against a private bus
// and the real helper. Three busybox containers with lxc.start.auto,
// .order and .delay and one without: --list shows the plan, autostart
// starts exactly the three in LXC's order (proved from the PIDs and start
// times the kernel recorded, not from how long anything took), --stop
// stops them in reverse. Then the late bridge: a container on a host
// bridge that does not exist yet is waited for, not failed, and started
// once the test creates the bridge — in the test's own network namespace
// (the integration environment's), which the helper and berthctl share.
#include "berthctl_run.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "system_bus.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDBusMessage>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace berth::test;

namespace {

const QString kDb = QStringLiteral("as-db");       // order 10, delay 1: first
const QString kCache = QStringLiteral("as-cache"); // order 20: second (before web by name)
const QString kWeb = QStringLiteral("as-web");     // order 20: third
const QString kOff = QStringLiteral("as-off");     // no lxc.start.auto
const QString kLate = QStringLiteral("as-late");   // veth on the bridge brlate
const QString kLateBridge = QStringLiteral("brlate");
constexpr int kDbDelay = 1;

QJsonObject info(const QString& name)
{
    return QJsonDocument::fromJson(berthctl({QStringLiteral("info"), name, QStringLiteral("--json")}).out).object();
}

// "net:[inode]", the namespace's identity; empty when the process is gone.
QString netns(qint64 pid)
{
    char target[64] = {};
    const QByteArray path = QStringLiteral("/proc/%1/ns/net").arg(pid).toLocal8Bit();
    const ssize_t length = ::readlink(path.constData(), target, sizeof(target) - 1);
    return length > 0 ? QString::fromLatin1(target, length) : QString();
}

// Field 22 of /proc/PID/stat: when the process started, in clock ticks
// since boot (the kernel's record, independent of this test's timing).
qint64 startTicks(int pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = file.readAll();
    // The command name (field 2) may hold spaces; count from its ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : -1;
}

bool linkExists(const QString& name)
{
    return run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("show"), name}) == 0;
}

// The lines of `text` that contain `marker`, in order.
QStringList linesWith(const QString& text, const QString& marker)
{
    QStringList out;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.contains(marker))
            out << line;
    }
    return out;
}

} // namespace

class TestAutostartSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QTemporaryDir m_dir;

    // Replaces the container's lxc.start.* and (when given) lxc.net.* lines.
    bool configure(const QString& name, const QString& startLines, const QString& netLines = {})
    {
        const Outcome current = berthctl({QStringLiteral("config"), name});
        if (current.code != 0)
            return false;
        QStringList kept;
        for (const QString& line : current.outText().split(QLatin1Char('\n'))) {
            const QString key = line.trimmed();
            if (key.startsWith(QLatin1String("lxc.start.")) ||
                (!netLines.isEmpty() && key.startsWith(QLatin1String("lxc.net."))))
                continue;
            kept << line;
        }
        QFile file(m_dir.filePath(name + QStringLiteral(".conf")));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write((kept.join(QLatin1Char('\n')).trimmed() + QLatin1Char('\n') + startLines + netLines).toUtf8());
        file.close();
        return berthctl({QStringLiteral("config"), name, QStringLiteral("set"), file.fileName()}).code == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString why;
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        for (const QString& name : {kDb, kCache, kWeb, kOff})
            EXPECT_CODE(berthctl({QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("busybox")}), 0);
        QVERIFY(configure(
            kDb, QStringLiteral("lxc.start.auto = 1\nlxc.start.order = 10\nlxc.start.delay = %1\n").arg(kDbDelay)));
        QVERIFY(configure(kCache, QStringLiteral("lxc.start.auto = 1\nlxc.start.order = 20\n")));
        QVERIFY(configure(kWeb, QStringLiteral("lxc.start.auto = 1\nlxc.start.order = 20\n")));
        QVERIFY(configure(kOff, QStringLiteral("lxc.start.auto = 0\nlxc.start.order = 1\n")));
    }

    void cleanupTestCase()
    {
        for (const QString& name : {kDb, kCache, kWeb, kOff, kLate})
            berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), name});
        if (linkExists(kLateBridge))
            run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("delete"), kLateBridge});
        m_bus.stop();
    }

    // Links the test makes must land where the helper and berthctl look,
    // and never in the host's namespace.
    void sharedPrivateNetns()
    {
        EXPECT_CODE(berthctl({QStringLiteral("list")}), 0); // activates the helper
        const uint helper = m_bus.ownerPid(QStringLiteral("org.berth.Berth1"));
        QVERIFY(helper > 0);
        const QString ours = netns(::getpid());
        QVERIFY(!ours.isEmpty());
        QVERIFY2(ours != netns(1), "the test runs in the host's network namespace");
        QCOMPARE(netns(helper), ours);
        QProcess ctl;
        ctl.start(QStringLiteral(BERTHCTL_BINARY), {QStringLiteral("autostart"), QStringLiteral("--list")});
        QVERIFY(ctl.waitForStarted());
        const QString ctlNetns = netns(ctl.processId());
        QVERIFY(ctl.waitForFinished(60000));
        // Read while it ran; a berthctl that ended already has no /proc entry.
        QVERIFY(ctlNetns.isEmpty() || ctlNetns == ours);
    }

    void infoFields()
    {
        const QJsonObject db = info(kDb);
        QCOMPARE(db.value(QStringLiteral("autostart")).toBool(), true);
        QCOMPARE(db.value(QStringLiteral("startOrder")).toInt(), 10);
        QCOMPARE(db.value(QStringLiteral("startDelay")).toInt(), kDbDelay);
        QCOMPARE(db.value(QStringLiteral("waitLinks")).toArray(), QJsonArray{});
        QCOMPARE(info(kOff).value(QStringLiteral("autostart")).toBool(), false);
    }

    void listShowsPlan()
    {
        const Outcome listed = berthctl({QStringLiteral("autostart"), QStringLiteral("--list")});
        EXPECT_CODE(listed, 0);
        const QStringList lines = listed.outText().trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines[0].startsWith(QLatin1String("ORDER")), qPrintable(listed.outText()));
        QCOMPARE(lines[1].simplified(), QStringLiteral("10 %1 %2 stopped -").arg(kDbDelay).arg(kDb));
        QCOMPARE(lines[2].simplified(), QStringLiteral("20 0 %1 stopped -").arg(kCache));
        QCOMPARE(lines[3].simplified(), QStringLiteral("20 0 %1 stopped -").arg(kWeb));
        // --list starts nothing.
        QCOMPARE(info(kDb).value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
    }

    void startsInOrder()
    {
        const Outcome started = berthctl({QStringLiteral("autostart")});
        EXPECT_CODE(started, 0);
        QCOMPARE(linesWith(started.outText(), QStringLiteral("Starting")),
                 (QStringList{QStringLiteral("Starting '%1'.").arg(kDb), QStringLiteral("Starting '%1'.").arg(kCache),
                              QStringLiteral("Starting '%1'.").arg(kWeb)}));
        QCOMPARE(info(kOff).value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
        QList<int> pids;
        for (const QString& name : {kDb, kCache, kWeb}) {
            const QJsonObject container = info(name);
            QCOMPARE(container.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
            pids << container.value(QStringLiteral("pid")).toInt();
            QVERIFY(pids.last() > 0);
        }
        // The kernel hands out PIDs in increasing order: each init was
        // cloned after the one before it.
        QVERIFY2(pids[0] < pids[1] && pids[1] < pids[2],
                 qPrintable(QStringLiteral("%1 %2 %3").arg(pids[0]).arg(pids[1]).arg(pids[2])));
        // lxc.start.delay: the next init began at least that long after the
        // first one (a lower bound berthctl guarantees, not a measurement).
        const qint64 ticks = ::sysconf(_SC_CLK_TCK);
        QVERIFY2(startTicks(pids[1]) - startTicks(pids[0]) >= kDbDelay * ticks - 1,
                 qPrintable(QStringLiteral("%1 %2").arg(startTicks(pids[0])).arg(startTicks(pids[1]))));

        // Again: all are running, nothing is started a second time.
        const Outcome again = berthctl({QStringLiteral("autostart")});
        EXPECT_CODE(again, 0);
        QVERIFY2(linesWith(again.outText(), QStringLiteral("Starting")).isEmpty(), qPrintable(again.outText()));
        QCOMPARE(info(kDb).value(QStringLiteral("pid")).toInt(), pids[0]);
    }

    void stopsInReverse()
    {
        const Outcome stopped = berthctl({QStringLiteral("autostart"), QStringLiteral("--stop")});
        EXPECT_CODE(stopped, 0);
        QCOMPARE(linesWith(stopped.outText(), QStringLiteral("Stopping")),
                 (QStringList{QStringLiteral("Stopping '%1'.").arg(kWeb), QStringLiteral("Stopping '%1'.").arg(kCache),
                              QStringLiteral("Stopping '%1'.").arg(kDb)}));
        for (const QString& name : {kDb, kCache, kWeb, kOff})
            QCOMPARE(info(name).value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
    }

    // A container on a host bridge that comes up after berthctl: waited
    // for, then started; with --timeout, given up with exit code 1.
    void lateBridge()
    {
        for (const QString& name : {kDb, kCache, kWeb})
            EXPECT_CODE(berthctl({QStringLiteral("destroy"), name}), 0);
        QVERIFY(!linkExists(kLateBridge));
        EXPECT_CODE(berthctl({QStringLiteral("create"), kLate, QStringLiteral("-t"), QStringLiteral("busybox")}), 0);
        QVERIFY(configure(
            kLate, QStringLiteral("lxc.start.auto = 1\n"),
            QStringLiteral("lxc.net.0.type = veth\nlxc.net.0.link = %1\nlxc.net.0.flags = up\n").arg(kLateBridge)));
        QCOMPARE(info(kLate).value(QStringLiteral("waitLinks")).toArray(), QJsonArray{kLateBridge});
        const Outcome listed = berthctl({QStringLiteral("autostart"), QStringLiteral("--list")});
        QVERIFY2(listed.outText().simplified().contains(QStringLiteral("%1 stopped %2").arg(kLate, kLateBridge)),
                 qPrintable(listed.outText()));

        const Outcome gaveUp =
            berthctl({QStringLiteral("autostart"), QStringLiteral("--timeout"), QStringLiteral("1")});
        EXPECT_CODE(gaveUp, 1);
        QVERIFY2(gaveUp.errText().contains(QStringLiteral("'%1' was not started").arg(kLate)) &&
                     gaveUp.errText().contains(kLateBridge),
                 qPrintable(describe(gaveUp)));
        QCOMPARE(info(kLate).value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));

        QProcess waiting;
        waiting.start(QStringLiteral(BERTHCTL_BINARY), {QStringLiteral("autostart")});
        QVERIFY(waiting.waitForStarted());
        QCOMPARE(netns(waiting.processId()), netns(::getpid()));
        QString out;
        const QString waitLine = QStringLiteral("Waiting for %1 before starting '%2'.").arg(kLateBridge, kLate);
        // Read with waitForReadyRead: QProcess's output arrives without
        // spinning this test's event loop.
        const QDeadlineTimer deadline(60000);
        while (!out.contains(waitLine) && waiting.state() == QProcess::Running && !deadline.hasExpired()) {
            waiting.waitForReadyRead(200);
            out += QString::fromUtf8(waiting.readAllStandardOutput());
        }
        QVERIFY2(waiting.state() == QProcess::Running && out.contains(waitLine),
                 qPrintable(out + QString::fromUtf8(waiting.readAllStandardError())));
        QCOMPARE(info(kLate).value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));

        // The bridge appears, still down: not ready yet.
        QCOMPARE(run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("add"), kLateBridge,
                                            QStringLiteral("type"), QStringLiteral("bridge")}),
                 0);
        QCOMPARE(info(kLate).value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
        QCOMPARE(run(QStringLiteral("ip"),
                     {QStringLiteral("link"), QStringLiteral("set"), kLateBridge, QStringLiteral("up")}),
                 0);
        QVERIFY(waiting.waitForFinished(120000));
        out += QString::fromUtf8(waiting.readAllStandardOutput());
        const QString err = QString::fromUtf8(waiting.readAllStandardError());
        QVERIFY2(waiting.exitStatus() == QProcess::NormalExit && waiting.exitCode() == 0,
                 qPrintable(QStringLiteral("exit %1: %2 %3").arg(waiting.exitCode()).arg(out, err)));
        QVERIFY2(out.contains(QStringLiteral("Starting '%1'.").arg(kLate)), qPrintable(out));
        QCOMPARE(info(kLate).value(QStringLiteral("state")).toString(), QStringLiteral("running"));

        EXPECT_CODE(berthctl({QStringLiteral("autostart"), QStringLiteral("--stop")}), 0);
        QCOMPARE(info(kLate).value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), kLate}), 0);
        QCOMPARE(run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("delete"), kLateBridge}), 0);
    }
};

BERTH_INTEGRATION_MAIN(TestAutostartSystem)
#include "test_autostart_system.moc"
