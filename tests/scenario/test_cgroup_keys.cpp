// Scenario (issue #16): the cgroup keys of the LXC articles, as a member of
// group berth writes them into a container's config, reach the kernel
// exactly as written (read back from the files under the helper's cgroup
// parent, v1 here): lxc.cgroup.cpu.shares = 512, lxc.cgroup.cpuset.cpus =
// 1, a memory limit, a blkio read throttle on the disk. `berthctl info`
// shows cpu.shares as given. A memory hog in a container with a small
// limit is OOM-killed, and `berthctl stats` counts the kill in its OOM
// column (and `stats --json` in oomKills).
#include "scenario_host.h"
#include "scenario_member.h"

#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace berth::test;

namespace {

// MAJ:MIN of the whole disk under the helper's state root: the throttle
// takes a disk, not a partition.
QString diskOfStateRoot()
{
    struct stat st {};
    if (::stat(IntegrationEnvironment::instance().stateRoot().c_str(), &st) != 0)
        return {};
    const QString device = QStringLiteral("%1:%2").arg(major(st.st_dev)).arg(minor(st.st_dev));
    const QString sys = QStringLiteral("/sys/dev/block/") + device;
    if (!QFile::exists(sys + QStringLiteral("/partition")))
        return device;
    QFile parent(sys + QStringLiteral("/../dev"));
    return parent.open(QIODevice::ReadOnly) ? QString::fromUtf8(parent.readAll()).trimmed() : QString();
}

} // namespace

class TestCgroupKeys : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    // Creates a busybox container with `lines` added to its config, as a
    // user does with `berthctl config NAME set FILE`.
    void createWithKeys(const QString& name, const QByteArray& lines)
    {
        EXPECT_CODE(member({QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("busybox")}), 0);
        const Outcome config = member({QStringLiteral("config"), name});
        EXPECT_CODE(config, 0);
        const QString file = memberReadableFile(name + QStringLiteral(".conf"), config.out + lines);
        EXPECT_CODE(member({QStringLiteral("config"), name, QStringLiteral("set"), file}), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(startMemberSession(m_bus, false, &why), qPrintable(why));
    }

    void cleanupTestCase() { endMemberSession(m_bus); }

    void startsWithArticleKeys()
    {
        QVERIFY(!diskOfStateRoot().isEmpty());
        createWithKeys(QStringLiteral("cg1"), QStringLiteral("lxc.cgroup.cpu.shares = 512\n"
                                                             "lxc.cgroup.cpuset.cpus = 1\n"
                                                             "lxc.cgroup.memory.limit_in_bytes = 256M\n"
                                                             "lxc.cgroup.blkio.throttle.read_bps_device = %1 1048576\n")
                                                  .arg(diskOfStateRoot())
                                                  .toUtf8());
        EXPECT_CODE(member({QStringLiteral("start"), QStringLiteral("cg1")}), 0);
    }

    // Each key in the kernel's file, exactly as written (item 8: cpu.shares
    // 512 must not come back as 501 through cpu.weight).
    void keyReachesTheKernel_data()
    {
        QTest::addColumn<QString>("controller");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cpu.shares") << QStringLiteral("cpu") << QStringLiteral("cpu.shares") << QStringLiteral("512");
        QTest::newRow("cpuset.cpus") << QStringLiteral("cpuset") << QStringLiteral("cpuset.cpus")
                                     << QStringLiteral("1");
        QTest::newRow("memory.limit_in_bytes")
            << QStringLiteral("memory") << QStringLiteral("memory.limit_in_bytes") << QStringLiteral("268435456");
        QTest::newRow("blkio.throttle.read_bps_device")
            << QStringLiteral("blkio") << QStringLiteral("blkio.throttle.read_bps_device")
            << diskOfStateRoot() + QStringLiteral(" 1048576");
    }
    void keyReachesTheKernel()
    {
        QFETCH(QString, controller);
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QCOMPARE(cgroupFile(controller, QStringLiteral("cg1"), file), expected);
    }

    // Inside, the shell runs on CPU 1 only.
    void cpusetSeenInside()
    {
        const Outcome cpus = inside(QStringLiteral("cg1"), QStringLiteral("grep Cpus_allowed_list /proc/self/status"));
        QVERIFY2(cpus.outText().simplified() == QLatin1String("Cpus_allowed_list: 1"), qPrintable(describe(cpus)));
    }

    // Shown as given (item 8): cpu.shares 512, not a cpu.weight it was turned into.
    void sharesShownAsGiven()
    {
        const Outcome info = member({QStringLiteral("info"), QStringLiteral("cg1"), QStringLiteral("--json")});
        EXPECT_CODE(info, 0);
        const QJsonObject limits =
            QJsonDocument::fromJson(info.out).object().value(QStringLiteral("limits")).toObject();
        QVERIFY2(limits.value(QStringLiteral("cpu.shares")).toString() == QLatin1String("512") &&
                     !limits.contains(QStringLiteral("cpu.weight")),
                 info.out.constData());
        EXPECT_CODE(member({QStringLiteral("stop"), QStringLiteral("cg1")}), 0);
        EXPECT_CODE(member({QStringLiteral("destroy"), QStringLiteral("cg1")}), 0);
    }

    void memoryHogIsKilledAndCounted()
    {
        createWithKeys(QStringLiteral("hog"), "lxc.cgroup.memory.limit_in_bytes = 32M\n");
        EXPECT_CODE(member({QStringLiteral("start"), QStringLiteral("hog")}), 0);
        QCOMPARE(cgroupFile(QStringLiteral("memory"), QStringLiteral("hog"), QStringLiteral("memory.limit_in_bytes")),
                 QStringLiteral("33554432"));
        // A string doubled until the limit: the kernel's OOM killer ends it.
        const Outcome hog = inside(QStringLiteral("hog"), QStringLiteral("x=0123456789; while :; do x=$x$x; done"));
        QCOMPARE(hog.code, 128 + 9);
        QCOMPARE(containerState(m_bus, QStringLiteral("hog")), QStringLiteral("running"));

        const Outcome json = member({QStringLiteral("stats"), QStringLiteral("hog"), QStringLiteral("--json")});
        EXPECT_CODE(json, 0);
        const QJsonArray stats = QJsonDocument::fromJson(json.out).array();
        QVERIFY2(!stats.isEmpty() && stats.first().toObject().value(QStringLiteral("oomKills")).toDouble() >= 1,
                 json.out.constData());
        // The table a user reads: an OOM column, with the kill in it.
        const Outcome table = member({QStringLiteral("stats"), QStringLiteral("hog")});
        EXPECT_CODE(table, 0);
        const QStringList lines = table.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 2, qPrintable(table.outText()));
        const QStringList header = lines[0].split(QRegularExpression(QStringLiteral("\\s{2,}")));
        const QStringList row = lines[1].split(QRegularExpression(QStringLiteral("\\s{2,}")));
        // "OOM" or "OOM KILLS": the column a user looks for.
        const qsizetype column = header.indexOf(QRegularExpression(QStringLiteral("^OOM\\b.*")));
        QVERIFY2(column >= 0 && column < row.size() && row[column].toInt() >= 1, qPrintable(table.outText()));
        EXPECT_CODE(member({QStringLiteral("stop"), QStringLiteral("hog")}), 0);
        EXPECT_CODE(member({QStringLiteral("destroy"), QStringLiteral("hog")}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestCgroupKeys)

#include "test_cgroup_keys.moc"
