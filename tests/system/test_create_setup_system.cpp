// CreateContainer end to end (issue #18): a member of group berth creates a
// container with its address, forwards, limits and autostart in one
// `berthctl create`, and GetContainer and ListForwards show them; a forward
// of a taken host port fails the job and leaves no container; a user outside
// the group is refused before anything is made; a forward of port 80 needs
// the administrator; SetAutostart is the member's; the addresses shown are
// those its interface really has. In the test's private
// network namespace, which the bus and the helper inherit.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QDBusMetaType>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace berth::test;

namespace {

const QString kOutsider = QStringLiteral("berth-test-outsider");
const QString kBridge = QStringLiteral("csbr0");

} // namespace

class TestCreateSetupSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    QDBusMessage call(const QString& interface, const QString& method, const QVariantList& args = {})
    {
        return callHelper(m_bus, interface, method, args);
    }

    Outcome berthctlAs(const QString& user, const QStringList& args)
    {
        return runAsUser(user, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, m_bus.address());
    }

    QJsonObject infoOf(const QString& name)
    {
        const Outcome shown = berthctlAs(kTestUser, {QStringLiteral("info"), name, QStringLiteral("--json")});
        return QJsonDocument::fromJson(shown.out).object();
    }

    QStringList names()
    {
        const Outcome listed = berthctlAs(kTestUser, {QStringLiteral("list"), QStringLiteral("--names")});
        return listed.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    // gdbus CreateContainer of a busybox application container as `user`.
    QString createAs(const QString& user, const QString& name, const QString& setup, int* code)
    {
        QString out;
        *code = runAs(user,
                      gdbusCall(m_bus, kManager + QStringLiteral(".CreateContainer")) +
                          QStringList{gvariantString(name), QStringLiteral("'busybox'"), QStringLiteral("@a{ss} {}"),
                                      QStringLiteral("'application'"), QStringLiteral("['sleep', '3600']"), setup},
                      &out);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qDBusRegisterMetaType<QMap<QString, QString>>();
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(ensureNonMember(kOutsider, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        auto bridge = call(kNetwork, QStringLiteral("CreateBridge"),
                           {kBridge, QStringLiteral("10.0.53.1/24"), QString(), true, QString(), 0u});
        QVERIFY2(bridge.type() == QDBusMessage::ReplyMessage, qPrintable(bridge.errorMessage()));
    }

    void cleanupTestCase()
    {
        destroyAllContainers(m_bus);
        (void)call(kNetwork, QStringLiteral("DeleteBridge"), {kBridge, true});
    }

    void oneCreateWithEverything()
    {
        EXPECT_CODE(berthctlAs(kTestUser, {QStringLiteral("create"),
                                           QStringLiteral("web"),
                                           QStringLiteral("-t"),
                                           QStringLiteral("busybox"),
                                           QStringLiteral("--app"),
                                           QStringLiteral("--network"),
                                           kBridge,
                                           QStringLiteral("--address"),
                                           QStringLiteral("10.0.53.50"),
                                           QStringLiteral("--forward"),
                                           QStringLiteral("tcp:18080:80"),
                                           QStringLiteral("--forward"),
                                           QStringLiteral("udp:15353:53"),
                                           QStringLiteral("--memory"),
                                           QStringLiteral("256M"),
                                           QStringLiteral("--pids"),
                                           QStringLiteral("100"),
                                           QStringLiteral("--autostart"),
                                           QStringLiteral("--"),
                                           QStringLiteral("sleep"),
                                           QStringLiteral("3600")}),
                    0);
        const QJsonObject info = infoOf(QStringLiteral("web"));
        QCOMPARE(info.value(QStringLiteral("reservedAddresses")).toArray(),
                 QJsonArray{QStringLiteral("10.0.53.50/24")});
        QCOMPARE(info.value(QStringLiteral("autostart")).toBool(), true);
        const QJsonObject limits = info.value(QStringLiteral("limits")).toObject();
        QCOMPARE(limits.value(QStringLiteral("memory.max")).toString(), QStringLiteral("268435456"));
        QCOMPARE(limits.value(QStringLiteral("pids.max")).toString(), QStringLiteral("100"));
        const QStringList forwards =
            call(kNetwork, QStringLiteral("ListForwards"), {QStringLiteral("web")}).arguments().value(0).toStringList();
        QCOMPARE(forwards, (QStringList{QStringLiteral("tcp:18080:80"), QStringLiteral("udp:15353:53")}));
    }

    void takenPortFailsTheJobAndLeavesNothing()
    {
        const Outcome refused = berthctlAs(
            kTestUser, {QStringLiteral("create"), QStringLiteral("web2"), QStringLiteral("-t"),
                        QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--network"), kBridge,
                        QStringLiteral("--forward"), QStringLiteral("tcp:18080:81"), QStringLiteral("--memory"),
                        QStringLiteral("128M"), QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("3600")});
        QVERIFY2(refused.code != 0, qPrintable(describe(refused)));
        QVERIFY2(refused.errText().contains(QStringLiteral("18080")), qPrintable(describe(refused)));
        QVERIFY(!names().contains(QStringLiteral("web2")));
        QCOMPARE(containerState(m_bus, QStringLiteral("web2")), QStringLiteral("org.berth.Error.NotFound"));
    }

    void outsiderIsRefusedAndNothingIsMade()
    {
        int code = 0;
        const QString out = createAs(kOutsider, QStringLiteral("intruder"),
                                     QStringLiteral("{'network': <'%1'>, 'autostart': <true>}").arg(kBridge), &code);
        QVERIFY2(code != 0 && out.contains(QStringLiteral("org.berth.Error.NotAuthorized")), qPrintable(out));
        QCOMPARE(containerState(m_bus, QStringLiteral("intruder")), QStringLiteral("org.berth.Error.NotFound"));
    }

    void wrongTypeIsInvalidArgument()
    {
        int code = 0;
        const QString out =
            createAs(kOutsider, QStringLiteral("typed"), QStringLiteral("{'autostart': <'yes'>}"), &code);
        QVERIFY2(code != 0 && out.contains(QStringLiteral("org.berth.Error.InvalidArgument")), qPrintable(out));
        QCOMPARE(containerState(m_bus, QStringLiteral("typed")), QStringLiteral("org.berth.Error.NotFound"));
    }

    void privilegedPortNeedsTheAdministrator()
    {
        int code = 0;
        const QString out =
            createAs(kTestUser, QStringLiteral("port80"),
                     QStringLiteral("{'network': <'%1'>, 'forwards': <['tcp:80:80']>}").arg(kBridge), &code);
        QVERIFY2(code != 0 && out.contains(QStringLiteral("org.berth.Error.NotAuthorized")), qPrintable(out));
        QCOMPARE(containerState(m_bus, QStringLiteral("port80")), QStringLiteral("org.berth.Error.NotFound"));
    }

    void memberSetsAutostart()
    {
        QString out;
        const int code = runAs(kTestUser,
                               gdbusCall(m_bus, kManager + QStringLiteral(".SetAutostart")) +
                                   QStringList{QStringLiteral("'web'"), QStringLiteral("false")},
                               &out);
        QVERIFY2(code == 0, qPrintable(out));
        QCOMPARE(infoOf(QStringLiteral("web")).value(QStringLiteral("autostart")).toBool(), false);
        const QString config =
            call(kManager, QStringLiteral("GetConfig"), {QStringLiteral("web")}).arguments().value(0).toString();
        QVERIFY2(config.contains(QStringLiteral("lxc.start.auto = 0\n")), qPrintable(config));
        QVERIFY2(config.contains(QStringLiteral("lxc.net.0.ipv4.address = 10.0.53.50/24\n")), qPrintable(config));
        // berthctl's way to the same call.
        EXPECT_CODE(berthctlAs(kTestUser, {QStringLiteral("autostart"), QStringLiteral("web"), QStringLiteral("on")}),
                    0);
        QCOMPARE(infoOf(QStringLiteral("web")).value(QStringLiteral("autostart")).toBool(), true);
    }

    // Issue #19: GetContainer's addresses are those the interface really
    // has, read inside the container; the configured one is reserved, and
    // shown as the address only while the interface has it.
    void addressesAreTheRealOnes()
    {
        const QJsonArray none;
        const QJsonArray configured{QStringLiteral("10.0.53.50/24")};
        QJsonObject info = infoOf(QStringLiteral("web"));
        QCOMPARE(info.value(QStringLiteral("addresses")).toArray(), none); // stopped
        QCOMPARE(info.value(QStringLiteral("reservedAddresses")).toArray(), configured);
        EXPECT_CODE(berthctlAs(kTestUser, {QStringLiteral("start"), QStringLiteral("web")}), 0);
        info = infoOf(QStringLiteral("web"));
        QCOMPARE(info.value(QStringLiteral("addresses")).toArray(), configured);
        const QString pid = QString::number(info.value(QStringLiteral("pid")).toInt());
        const auto inside = [&pid](const QStringList& args) {
            QProcess ip;
            ip.start(QStringLiteral("nsenter"),
                     QStringList{QStringLiteral("--target"), pid, QStringLiteral("--net"), QStringLiteral("ip")} +
                         args);
            return ip.waitForFinished(10000) && ip.exitStatus() == QProcess::NormalExit && ip.exitCode() == 0;
        };
        QVERIFY(
            inside({QStringLiteral("addr"), QStringLiteral("flush"), QStringLiteral("dev"), QStringLiteral("eth0")}));
        QVERIFY(inside({QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("10.0.53.60/24"),
                        QStringLiteral("dev"), QStringLiteral("eth0")}));
        info = infoOf(QStringLiteral("web"));
        QCOMPARE(info.value(QStringLiteral("addresses")).toArray(), QJsonArray{QStringLiteral("10.0.53.60/24")});
        QCOMPARE(info.value(QStringLiteral("reservedAddresses")).toArray(), configured);
        EXPECT_CODE(berthctlAs(kTestUser, {QStringLiteral("stop"), QStringLiteral("web")}), 0);
        QCOMPARE(infoOf(QStringLiteral("web")).value(QStringLiteral("addresses")).toArray(), none);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestCreateSetupSystem)
#include "test_create_setup_system.moc"
