// Scenario (issue #16): a backup round trip of a Debian container, as a
// member of group berth does it: a Debian 12 container on a bridge with
// limits is exported while stopped, destroyed, and imported from the file
// under its name (`create NAME -t tarball --file FILE`). The copy keeps its
// network and limits (and systemd's halt signal), boots to `running`, and
// `berthctl stop` ends it by its halt signal: systemd powers off, which the
// kernel reports for the init of a pid namespace as SIGINT (`info` shows
// lastExitCode 130), not a kill after the stop timeout (137).
#include "scenario_host.h"
#include "scenario_member.h"

#include "helper_calls.h"
#include "integration_bus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace berth::test;

namespace {

const QString kName = QStringLiteral("deb-b");
const QString kBridge = QStringLiteral("bkbr0");

QJsonObject infoOf(const QString& name)
{
    return QJsonDocument::fromJson(member({QStringLiteral("info"), name, QStringLiteral("--json")}).out).object();
}

} // namespace

class TestBackup : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QString m_archive;

    // systemd inside reached a steady state (running, or degraded when a
    // unit a container cannot run failed). is-system-running --wait fails
    // at once until systemd's private socket exists: that is waited for first.
    static bool booted(const QString& name)
    {
        if (!waitUntil([&] { return inside(name, QStringLiteral("test -S /run/systemd/private")).code == 0; }, 60000))
            return false;
        const Outcome state = inside(name, QStringLiteral("timeout 120 systemctl is-system-running --wait"));
        const QString text = state.outText().trimmed();
        return text == QLatin1String("running") || text == QLatin1String("degraded");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(startMemberSession(m_bus, true, &why), qPrintable(why));
        m_archive = memberDirectory() + QStringLiteral("/deb-b.tar.gz");
    }

    void cleanupTestCase()
    {
        destroyAllContainers(m_bus);
        berthctl({QStringLiteral("bridge"), QStringLiteral("delete"), kBridge, QStringLiteral("-f")});
        endMemberSession(m_bus);
    }

    void exportStoppedContainer()
    {
        EXPECT_CODE(member({QStringLiteral("bridge"), QStringLiteral("create"), kBridge, QStringLiteral("--address"),
                            QStringLiteral("10.0.5.1/24")}),
                    0);
        EXPECT_CODE(member({QStringLiteral("create"), kName, QStringLiteral("-t"), QStringLiteral("debian"),
                            QStringLiteral("--network"), kBridge}),
                    0);
        EXPECT_CODE(member({QStringLiteral("limits"), kName, QStringLiteral("--memory"), QStringLiteral("512M"),
                            QStringLiteral("--pids"), QStringLiteral("300")}),
                    0);
        QCOMPARE(containerState(m_bus, kName), QStringLiteral("stopped"));
        EXPECT_CODE(member({QStringLiteral("export"), kName, m_archive}), 0);
        QVERIFY(QFileInfo(m_archive).size() > 0);
        EXPECT_CODE(member({QStringLiteral("destroy"), kName}), 0);
        QCOMPARE(containerState(m_bus, kName), QStringLiteral("org.berth.Error.NotFound"));
    }

    // Item 6: Berth's own export is imported again, config and all.
    void importKeepsConfig()
    {
        EXPECT_CODE(member({QStringLiteral("create"), kName, QStringLiteral("-t"), QStringLiteral("tarball"),
                            QStringLiteral("--file"), m_archive}),
                    0);
        const Outcome config = member({QStringLiteral("config"), kName});
        EXPECT_CODE(config, 0);
        for (const char* line : {"lxc.net.0.link = bkbr0", "lxc.signal.halt = SIGRTMIN+3"})
            QVERIFY2(config.out.contains(line),
                     qPrintable(QString::fromLatin1(line) + QStringLiteral(" missing:\n") + config.outText()));
        // The limits, under whichever names info gives them.
        const QJsonObject limits = infoOf(kName).value(QStringLiteral("limits")).toObject();
        QStringList values;
        for (const QJsonValue& value : limits)
            values << value.toString();
        QVERIFY2(values.contains(QStringLiteral("536870912")) && values.contains(QStringLiteral("300")),
                 QJsonDocument(limits).toJson().constData());
    }

    void copyBootsWithItsLimits()
    {
        EXPECT_CODE(member({QStringLiteral("start"), kName}), 0);
        QCOMPARE(containerState(m_bus, kName), QStringLiteral("running"));
        QVERIFY(booted(kName));
        QCOMPARE(cgroupFile(QStringLiteral("pids"), kName, QStringLiteral("pids.max")), QStringLiteral("300"));
        QCOMPARE(cgroupFile(QStringLiteral("memory"), kName, QStringLiteral("memory.limit_in_bytes")),
                 QStringLiteral("536870912"));
    }

    // On its bridge again, with the address berthctl shows (item 2 too).
    void copyIsOnItsNetwork()
    {
        QCOMPARE(linksOnBridge(kBridge).size(), 1);
        const QJsonArray shown = infoOf(kName).value(QStringLiteral("reservedAddresses")).toArray();
        QVERIFY(!shown.isEmpty());
        const QString address = shown.first().toString().section(QLatin1Char('/'), 0, 0);
        QVERIFY(address.startsWith(QLatin1String("10.0.5.")));
        const bool got = waitUntil(
            [&] {
                return inside(kName, QStringLiteral("hostname -I"))
                    .outText()
                    .simplified()
                    .split(QLatin1Char(' '))
                    .contains(address);
            },
            120000);
        QVERIFY2(got, qPrintable(address + QStringLiteral(" shown; inside: ") +
                                 inside(kName, QStringLiteral("hostname -I")).outText()));
    }

    // Stopped by its halt signal, not killed after the timeout.
    void stopsByHaltSignal()
    {
        EXPECT_CODE(member({QStringLiteral("stop"), kName}), 0);
        const QJsonObject info = infoOf(kName);
        QCOMPARE(info.value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
        QVERIFY2(info.value(QStringLiteral("lastExitCode")).toInt(-1) == 128 + 2,
                 QJsonDocument(info).toJson().constData());
        EXPECT_CODE(member({QStringLiteral("destroy"), kName}), 0);
        EXPECT_CODE(member({QStringLiteral("bridge"), QStringLiteral("delete"), kBridge}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestBackup)

#include "test_backup.moc"
