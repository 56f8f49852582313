// berthctl end to end: the built binary against a private bus, the real
// polkitd and the real helper. Root drives a busybox container through
// the verbs scripts use; an unprivileged user gets the not-authorized exit
// code and a plain message, and may read.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "system_bus.h"
#include "test_users.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace berth::test;

namespace {

QJsonDocument json(const Outcome& o)
{
    return QJsonDocument::fromJson(o.out);
}

// A running container's file in its v1 hierarchy, from its pid's /proc/PID/cgroup.
QString cgroupFile(int pid, const QString& controller, const QString& file)
{
    QFile list(QStringLiteral("/proc/%1/cgroup").arg(pid));
    if (!list.open(QIODevice::ReadOnly))
        return QStringLiteral("<no /proc/%1/cgroup>").arg(pid);
    for (const QString& line : QString::fromUtf8(list.readAll()).split(QLatin1Char('\n'))) {
        const QStringList fields = line.split(QLatin1Char(':'));
        if (fields.size() == 3 && fields[1].split(QLatin1Char(',')).contains(controller)) {
            QFile value(QStringLiteral("/sys/fs/cgroup/%1%2/%3").arg(controller, fields[2], file));
            if (!value.open(QIODevice::ReadOnly))
                return QStringLiteral("<no %1>").arg(value.fileName());
            return QString::fromUtf8(value.readAll()).trimmed();
        }
    }
    return QStringLiteral("<no %1 hierarchy>").arg(controller);
}

QJsonObject findByName(const QJsonArray& array, const QString& name)
{
    for (const auto& value : array) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

} // namespace

class TestBerthctlSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    QString state(const QString& name)
    {
        auto info = berthctl({QStringLiteral("info"), name, QStringLiteral("--json")});
        return json(info).object().value(QStringLiteral("state")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(ensureNonMember(kTestUser, &why), qPrintable(why));
        // berthctl (ours and the user's, through setpriv) finds the bus in BERTH_BUS_ADDRESS.
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
    }

    void cleanupTestCase()
    {
        for (const auto& name :
             {QStringLiteral("box1"), QStringLiteral("copy1"), QStringLiteral("box2"), QStringLiteral("u_box")})
            berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), name});
        m_bus.stop();
    }

    void templates()
    {
        auto text = berthctl({QStringLiteral("template"), QStringLiteral("list")});
        EXPECT_CODE(text, 0);
        QVERIFY(text.out.contains("busybox"));
        QVERIFY(text.out.contains("--file PATH (archive)"));
        auto listed = berthctl({QStringLiteral("template"), QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_CODE(listed, 0);
        const auto oci = findByName(json(listed).array(), QStringLiteral("oci"));
        QCOMPARE(oci.value(QStringLiteral("defaultKind")).toString(), QStringLiteral("application"));
        QVERIFY(!oci.value(QStringLiteral("options")).toArray().isEmpty());
    }

    void lifecycle()
    {
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("box1"), QStringLiteral("-t"),
                              QStringLiteral("busybox")}),
                    0);
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("box1")}), 0);

        auto list = berthctl({QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_CODE(list, 0);
        const auto box = findByName(json(list).array(), QStringLiteral("box1"));
        QCOMPARE(box.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QVERIFY(box.value(QStringLiteral("pid")).toInt() > 0);
        auto table = berthctl({QStringLiteral("list")});
        QVERIFY2(table.out.startsWith("NAME") && table.out.contains("box1") && table.out.contains("running"),
                 table.out.constData());

        auto exec = berthctl({QStringLiteral("exec"), QStringLiteral("box1"), QStringLiteral("-e"),
                              QStringLiteral("GREETING=hi"), QStringLiteral("--"), QStringLiteral("/bin/sh"),
                              QStringLiteral("-c"), QStringLiteral("echo $GREETING; exit 7")});
        EXPECT_CODE(exec, 7);
        QCOMPARE(exec.out, QByteArray("hi\n"));
        // A command that never ran: why, and a shell's 127 and 126 (issue #17).
        const auto execFails = [this](const QStringList& args, int code, const char* why) {
            auto failed = berthctl(QStringList{QStringLiteral("exec"), QStringLiteral("box1")} + args);
            EXPECT_CODE(failed, code);
            QVERIFY2(failed.err == QByteArray("berthctl: exec in 'box1': ") + why + "\n", failed.err.constData());
        };
        execFails({QStringLiteral("--"), QStringLiteral("/no/such/command")}, 127,
                  "run '/no/such/command': No such file or directory");
        execFails({QStringLiteral("--"), QStringLiteral("/etc")}, 126, "run '/etc': Permission denied");
        execFails(
            {QStringLiteral("--cwd"), QStringLiteral("/no/such/dir"), QStringLiteral("--"), QStringLiteral("true")}, 1,
            "change directory to '/no/such/dir': No such file or directory");

        EXPECT_CODE(berthctl({QStringLiteral("limits"), QStringLiteral("box1"), QStringLiteral("--pids"),
                              QStringLiteral("100"), QStringLiteral("--memory"), QStringLiteral("256M")}),
                    0);
        auto limits = berthctl({QStringLiteral("limits"), QStringLiteral("box1"), QStringLiteral("--json")});
        EXPECT_CODE(limits, 0);
        QCOMPARE(json(limits).object().value(QStringLiteral("pids.max")).toString(), QStringLiteral("100"));
        QCOMPARE(json(limits).object().value(QStringLiteral("memory.max")).toString(), QStringLiteral("268435456"));

        auto stats = berthctl({QStringLiteral("stats"), QStringLiteral("--json")});
        EXPECT_CODE(stats, 0);
        const auto boxStats = findByName(json(stats).array(), QStringLiteral("box1"));
        QVERIFY2(boxStats.value(QStringLiteral("pidsCurrent")).toDouble() > 0, stats.out.constData());
        QCOMPARE(boxStats.value(QStringLiteral("pidsLimit")).toDouble(), 100.0);

        EXPECT_CODE(
            berthctl({QStringLiteral("stop"), QStringLiteral("box1"), QStringLiteral("-t"), QStringLiteral("10")}), 0);
        auto info = berthctl({QStringLiteral("info"), QStringLiteral("box1"), QStringLiteral("--json")});
        QCOMPARE(json(info).object().value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
    }

    // Still running after lifecycle's checks? No: these run on box1 again.
    void manageRunning()
    {
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("box1")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("freeze"), QStringLiteral("box1")}), 0);
        QCOMPARE(state(QStringLiteral("box1")), QStringLiteral("frozen"));
        EXPECT_CODE(berthctl({QStringLiteral("unfreeze"), QStringLiteral("box1")}), 0);
        QCOMPARE(state(QStringLiteral("box1")), QStringLiteral("running"));

        // A pty when stdin is a terminal (script gives it one); the status passes through.
        QString out;
        const QString command = QStringLiteral(BERTHCTL_BINARY " exec box1 -- /bin/sh -c 'tty; exit 3'");
        QCOMPARE(run(QStringLiteral("script"), {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")}, &out),
                 3);
        QVERIFY2(out.contains(QLatin1String("/dev/pts/")), qPrintable(out));

        // The console detaches on Ctrl-a q, leaves the container running and
        // the terminal's settings as they were (stty -g before and after).
        QProcess console;
        console.start(QStringLiteral("script"),
                      {QStringLiteral("-qec"),
                       QStringLiteral("stty -g; " BERTHCTL_BINARY " console box1; echo; echo status=$?; stty -g"),
                       QStringLiteral("/dev/null")});
        QVERIFY(console.waitForStarted());
        console.write("\x01q");
        QVERIFY(console.waitForFinished(60000));
        const QStringList lines =
            QString::fromUtf8(console.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 3, qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(lines.contains(QStringLiteral("status=0")), qPrintable(lines.join(QLatin1Char('|'))));
        // The first line may start with the tty's echo of the keys typed early.
        QVERIFY2(lines.first().endsWith(lines.last()), qPrintable(lines.join(QLatin1Char('|'))));
        QCOMPARE(state(QStringLiteral("box1")), QStringLiteral("running"));

        EXPECT_CODE(
            berthctl({QStringLiteral("kill"), QStringLiteral("box1"), QStringLiteral("-s"), QStringLiteral("KILL")}),
            0);
        waitUntil([&] { return state(QStringLiteral("box1")) == QLatin1String("stopped"); }, 60000);
        QCOMPARE(state(QStringLiteral("box1")), QStringLiteral("stopped"));
    }

    void config()
    {
        auto current = berthctl({QStringLiteral("config"), QStringLiteral("box1")});
        EXPECT_CODE(current, 0);
        QVERIFY(current.out.contains("lxc.rootfs.path"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(current.out + "lxc.uts.name = renamed\n");
        file.close();
        EXPECT_CODE(berthctl({QStringLiteral("config"), QStringLiteral("box1"), QStringLiteral("set"), path}), 0);
        QVERIFY(berthctl({QStringLiteral("config"), QStringLiteral("box1")}).out.contains("lxc.uts.name = renamed"));

        // edit: the editor appends a line; the helper validates and saves it.
        QProcess edit;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("EDITOR"), QStringLiteral("sed -i '$a lxc.start.auto = 1'"));
        env.remove(QStringLiteral("VISUAL"));
        edit.setProcessEnvironment(env);
        edit.start(QStringLiteral(BERTHCTL_BINARY),
                   {QStringLiteral("config"), QStringLiteral("box1"), QStringLiteral("edit")});
        edit.closeWriteChannel();
        QVERIFY(edit.waitForFinished(60000));
        QVERIFY2(edit.exitCode() == 0, edit.readAllStandardError().constData());
        auto info = berthctl({QStringLiteral("info"), QStringLiteral("box1"), QStringLiteral("--json")});
        QVERIFY2(json(info).object().value(QStringLiteral("autostart")).toBool(), info.out.constData());

        // A config the parser refuses is a usage error and changes nothing.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("this is not a config line\n");
        file.close();
        EXPECT_CODE(berthctl({QStringLiteral("config"), QStringLiteral("box1"), QStringLiteral("set"), path}), 2);
        QVERIFY(berthctl({QStringLiteral("config"), QStringLiteral("box1")}).out.contains("lxc.uts.name = renamed"));
    }

    // Issue #16, item 8: a v1 value reaches this v1 kernel and is shown as
    // given; a blkio.weight this kernel has no file for (no CFQ) is refused
    // by config set and limits, naming the key, and nothing else changes.
    void limitsAsGiven()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config"));
        const QByteArray before = berthctl({QStringLiteral("config"), QStringLiteral("box1")}).out;
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(before + "lxc.cgroup.blkio.weight = 500\n");
        file.close();
        auto refused = berthctl({QStringLiteral("config"), QStringLiteral("box1"), QStringLiteral("set"), path});
        EXPECT_CODE(refused, 2);
        QVERIFY2(refused.err.contains("lxc.cgroup.blkio.weight: blkio.weight: not available (no CFQ/BFQ weight"),
                 refused.err.constData());
        QCOMPARE(berthctl({QStringLiteral("config"), QStringLiteral("box1")}).out, before);

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(before + "lxc.cgroup.cpu.shares = 512\n");
        file.close();
        EXPECT_CODE(berthctl({QStringLiteral("config"), QStringLiteral("box1"), QStringLiteral("set"), path}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("box1")}), 0);
        auto limits = berthctl({QStringLiteral("limits"), QStringLiteral("box1"), QStringLiteral("--json")});
        EXPECT_CODE(limits, 0);
        QCOMPARE(json(limits).object().value(QStringLiteral("cpu.shares")).toString(), QStringLiteral("512"));
        QVERIFY2(!json(limits).object().contains(QStringLiteral("cpu.weight")), limits.out.constData());
        const int pid = json(berthctl({QStringLiteral("info"), QStringLiteral("box1"), QStringLiteral("--json")}))
                            .object()
                            .value(QStringLiteral("pid"))
                            .toInt();
        QVERIFY(pid > 0);
        QCOMPARE(cgroupFile(pid, QStringLiteral("cpu"), QStringLiteral("cpu.shares")), QStringLiteral("512"));

        // All or none: the pids limit in the same call stays as it was.
        const QString pidsBefore = cgroupFile(pid, QStringLiteral("pids"), QStringLiteral("pids.max"));
        auto both = berthctl({QStringLiteral("limits"), QStringLiteral("box1"), QStringLiteral("--pids"),
                              QStringLiteral("42"), QStringLiteral("--blkio-weight"), QStringLiteral("500")});
        EXPECT_CODE(both, 2);
        QVERIFY2(both.err.contains("blkio.weight: not available"), both.err.constData());
        QCOMPARE(cgroupFile(pid, QStringLiteral("pids"), QStringLiteral("pids.max")), pidsBefore);
        QVERIFY(!berthctl({QStringLiteral("config"), QStringLiteral("box1")}).out.contains("pids.max = 42"));

        EXPECT_CODE(berthctl({QStringLiteral("limits"), QStringLiteral("box1"), QStringLiteral("--cpu-shares"),
                              QStringLiteral("300")}),
                    0);
        QCOMPARE(cgroupFile(pid, QStringLiteral("cpu"), QStringLiteral("cpu.shares")), QStringLiteral("300"));
        EXPECT_CODE(
            berthctl({QStringLiteral("stop"), QStringLiteral("box1"), QStringLiteral("-t"), QStringLiteral("10")}), 0);
    }

    // Issue #16: '_' is allowed in a name (as in LXC) and the container
    // gets a valid host name from it.
    void nameWithUnderscore()
    {
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("u_box"), QStringLiteral("-t"),
                              QStringLiteral("busybox")}),
                    0);
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("u_box")}), 0);
        auto host = berthctl(
            {QStringLiteral("exec"), QStringLiteral("u_box"), QStringLiteral("--"), QStringLiteral("/bin/hostname")});
        EXPECT_CODE(host, 0);
        QCOMPARE(host.out, QByteArray("u-box\n"));
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), QStringLiteral("u_box")}), 0);
    }

    void network()
    {
        EXPECT_CODE(berthctl({QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("tbr9"),
                              QStringLiteral("--address"), QStringLiteral("10.79.0.1/24"), QStringLiteral("--no-nat")}),
                    0);
        auto bridges = berthctl({QStringLiteral("bridge"), QStringLiteral("list"), QStringLiteral("--json")});
        EXPECT_CODE(bridges, 0);
        const auto bridge = findByName(json(bridges).array(), QStringLiteral("tbr9"));
        QCOMPARE(bridge.value(QStringLiteral("nat")).toBool(), false);
        EXPECT_CODE(berthctl({QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("tbr9")}), 1);
        EXPECT_CODE(berthctl({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("tbr9")}), 0);
        QVERIFY(!berthctl({QStringLiteral("bridge"), QStringLiteral("list")}).out.contains("tbr9"));

        EXPECT_CODE(berthctl({QStringLiteral("forward"), QStringLiteral("add"), QStringLiteral("box1"),
                              QStringLiteral("tcp:8080:80")}),
                    0);
        QCOMPARE(berthctl({QStringLiteral("forward"), QStringLiteral("list"), QStringLiteral("box1")}).out,
                 QByteArray("tcp:8080:80\n"));
        EXPECT_CODE(berthctl({QStringLiteral("forward"), QStringLiteral("remove"), QStringLiteral("box1"),
                              QStringLiteral("tcp:8080:80")}),
                    0);
        QCOMPARE(berthctl({QStringLiteral("forward"), QStringLiteral("list"), QStringLiteral("box1")}).out,
                 QByteArray());

        // Issue #16: exit code 4 is a missing container only; a missing
        // forward or bridge (ENOENT in the engine) is a plain failure.
        EXPECT_CODE(berthctl({QStringLiteral("forward"), QStringLiteral("remove"), QStringLiteral("box1"),
                              QStringLiteral("tcp:8080:80")}),
                    1);
        EXPECT_CODE(berthctl({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("tbr9")}), 1);
    }

    void checkconfig()
    {
        auto check = berthctl({QStringLiteral("checkconfig"), QStringLiteral("--json")});
        QVERIFY2(check.code == 0 || check.code == 1, qPrintable(describe(check)));
        QStringList ids;
        for (const auto& item : json(check).array())
            ids << item.toObject().value(QStringLiteral("id")).toString();
        QVERIFY2(ids.contains(QStringLiteral("ns.pid")), check.out.constData());
        // The helper's own --cgroup-parent, on this v1 host without systemd (issue #17).
        for (const auto& item : json(check).array()) {
            if (item.toObject().value(QStringLiteral("id")).toString() != QLatin1String("cgroup.delegation"))
                continue;
            const QString detail = item.toObject().value(QStringLiteral("detail")).toString();
            QVERIFY2(
                detail.startsWith(QStringLiteral("Berth's own parent /sys/fs/cgroup/*/%1 in each v1 hierarchy")
                                      .arg(QString::fromStdString(IntegrationEnvironment::instance().cgroupParent()))),
                qPrintable(detail));
        }
        QVERIFY(ids.contains(QStringLiteral("cgroup.delegation")));
    }

    void exportAndImport()
    {
        QTemporaryDir dir;
        const QString tarball = dir.filePath(QStringLiteral("box1.tar.gz"));
        EXPECT_CODE(berthctl({QStringLiteral("export"), QStringLiteral("box1"), tarball}), 0);
        QFile file(tarball);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(2), QByteArray("\x1f\x8b"));

        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("copy1"), QStringLiteral("-t"),
                              QStringLiteral("tarball"), QStringLiteral("--file"), tarball}),
                    0);
        auto info = berthctl({QStringLiteral("info"), QStringLiteral("copy1"), QStringLiteral("--json")});
        EXPECT_CODE(info, 0);
        QCOMPARE(json(info).object().value(QStringLiteral("template")).toString(), QStringLiteral("tarball"));
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), QStringLiteral("copy1")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), QStringLiteral("box1")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("box1")}), 4);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("missing container") << QStringList{QStringLiteral("start"), QStringLiteral("nosuch")} << 4;
        QTest::newRow("invalid name") << QStringList{QStringLiteral("start"), QStringLiteral("../x")} << 2;
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("nosuchverb")} << 2;
        QTest::newRow("missing argument") << QStringList{QStringLiteral("start")} << 2;
        QTest::newRow("bad size") << QStringList{QStringLiteral("limits"), QStringLiteral("x"),
                                                 QStringLiteral("--memory"), QStringLiteral("12Q")}
                                  << 2;
        QTest::newRow("help") << QStringList{QStringLiteral("exec"), QStringLiteral("--help")} << 0;
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        EXPECT_CODE(berthctl(args), code);
    }

    // docker run: an application container from busybox, its status, --rm.
    void runCommand()
    {
        auto ran = berthctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"),
                             QStringLiteral("run1"), QStringLiteral("busybox"), QStringLiteral("--"),
                             QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("exit 5")});
        EXPECT_CODE(ran, 5);
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("run1")}), 4);

        // Without -i the output comes from the console log: a command that
        // is over before berthctl looks still has all of it printed, with
        // the pty's CR LF turned into LF for the pipe.
        auto printed =
            berthctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"), QStringLiteral("run3"),
                      QStringLiteral("busybox"), QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                      QStringLiteral("echo first; echo second")});
        EXPECT_CODE(printed, 0);
        QCOMPARE(printed.out, QByteArray("first\nsecond\n"));

        // -it: the terminal (script's pty) drives the container's shell.
        QProcess interactive;
        interactive.start(QStringLiteral("script"),
                          {QStringLiteral("-qec"),
                           QStringLiteral(BERTHCTL_BINARY " run --rm -it --name run2 busybox -- /bin/sh"),
                           QStringLiteral("/dev/null")});
        QVERIFY(interactive.waitForStarted());
        interactive.write("echo marker-$((6*7)); exit 4\r");
        QVERIFY(interactive.waitForFinished(120000));
        const QByteArray output = interactive.readAll();
        QVERIFY2(interactive.exitCode() == 4, output.constData());
        QVERIFY2(output.contains("marker-42"), output.constData());
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("run2")}), 4);
    }

    void helperUnreachable()
    {
        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BERTH_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/berth-bus"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(BERTHCTL_BINARY), {QStringLiteral("list")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 6);
    }

    void unprivileged()
    {
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("box2"), QStringLiteral("-t"),
                              QStringLiteral("busybox")}),
                    0);
        QString out;
        const int start =
            runAs(kTestUser, {QStringLiteral(BERTHCTL_BINARY), QStringLiteral("start"), QStringLiteral("box2")}, &out);
        QVERIFY2(start == 3, qPrintable(out));
        QVERIFY2(out.startsWith(QLatin1String("berthctl: ")) && !out.contains(QLatin1String("org.berth.Error")) &&
                     out.count(QLatin1Char('\n')) == 1,
                 qPrintable(out));
        const QList<QStringList> changes{
            {QStringLiteral("stop"), QStringLiteral("box2")},
            {QStringLiteral("kill"), QStringLiteral("box2")},
            {QStringLiteral("freeze"), QStringLiteral("box2")},
            {QStringLiteral("destroy"), QStringLiteral("-f"), QStringLiteral("box2")},
            {QStringLiteral("limits"), QStringLiteral("box2"), QStringLiteral("--pids"), QStringLiteral("50")},
            {QStringLiteral("create"), QStringLiteral("box3"), QStringLiteral("-t"), QStringLiteral("busybox")},
            {QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("tbr8")},
            {QStringLiteral("forward"), QStringLiteral("add"), QStringLiteral("box2"), QStringLiteral("tcp:8081:80")},
        };
        for (const auto& change : changes) {
            const int code = runAs(kTestUser, QStringList{QStringLiteral(BERTHCTL_BINARY)} + change, &out);
            QVERIFY2(code == 3, qPrintable(change.join(QLatin1Char(' ')) + QStringLiteral(": ") + out));
        }
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("box3")}), 4);
        QCOMPARE(state(QStringLiteral("box2")), QStringLiteral("stopped"));
        const int list =
            runAs(kTestUser, {QStringLiteral(BERTHCTL_BINARY), QStringLiteral("list"), QStringLiteral("--json")}, &out);
        QVERIFY2(list == 0, qPrintable(out));
        QCOMPARE(findByName(QJsonDocument::fromJson(out.toUtf8()).array(), QStringLiteral("box2"))
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("stopped"));
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), QStringLiteral("box2")}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestBerthctlSystem)

#include "test_berthctl_system.moc"
