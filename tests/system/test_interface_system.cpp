// AddInterface, SetInterface and RemoveInterface end to end (issue #18): a
// member of group berth adds a veth on one of Berth's bridges with
// `berthctl interface add`, and `berthctl interface list` (GetContainer's
// interfaces) shows it; set changes one key, remove takes it away. A veth
// on a bridge that is not Berth's and a macvlan need the administrator; a
// user outside the group is refused; a wrong type is InvalidArgument. In
// the test's private network namespace, which the bus and the helper inherit.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QtTest>

using namespace berth::test;

namespace {

const QString kOutsider = QStringLiteral("berth-test-outsider");
const QString kBridge = QStringLiteral("ifbr0");
const QString kName = QStringLiteral("iface");

} // namespace

class TestInterfaceSystem : public QObject {
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

    QString listed()
    {
        return berthctlAs(kTestUser, {QStringLiteral("interface"), QStringLiteral("list"), kName}).outText();
    }

    QString config() { return call(kManager, QStringLiteral("GetConfig"), {kName}).arguments().value(0).toString(); }

    // gdbus AddInterface as `user`; its output (the index, or the error).
    QString addAs(const QString& user, const QString& settings, int* code)
    {
        QString out;
        *code = runAs(user,
                      gdbusCall(m_bus, kManager + QStringLiteral(".AddInterface")) +
                          QStringList{gvariantString(kName), settings},
                      &out);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(ensureNonMember(kOutsider, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        auto bridge = call(kNetwork, QStringLiteral("CreateBridge"),
                           {kBridge, QStringLiteral("10.0.54.1/24"), QString(), true, QString(), 0u});
        QVERIFY2(bridge.type() == QDBusMessage::ReplyMessage, qPrintable(bridge.errorMessage()));
        EXPECT_CODE(
            berthctlAs(kTestUser, {QStringLiteral("create"), kName, QStringLiteral("-t"), QStringLiteral("busybox"),
                                   QStringLiteral("--app"), QStringLiteral("--network"), kBridge, QStringLiteral("--"),
                                   QStringLiteral("sleep"), QStringLiteral("3600")}),
            0);
    }

    void cleanupTestCase()
    {
        destroyAllContainers(m_bus);
        (void)call(kNetwork, QStringLiteral("DeleteBridge"), {kBridge, true});
    }

    void memberAddsChangesAndRemovesAVeth()
    {
        const Outcome added =
            berthctlAs(kTestUser, {QStringLiteral("interface"), QStringLiteral("add"), kName, QStringLiteral("--link"),
                                   kBridge, QStringLiteral("--address"), QStringLiteral("10.0.54.60/24"),
                                   QStringLiteral("--name"), QStringLiteral("eth1")});
        QVERIFY2(added.code == 0, qPrintable(describe(added)));
        QCOMPARE(added.outText(), QStringLiteral("1\n"));
        QVERIFY2(listed().contains(QStringLiteral("10.0.54.60/24")), qPrintable(listed()));
        QVERIFY2(listed().contains(QStringLiteral("eth1")), qPrintable(listed()));

        EXPECT_CODE(berthctlAs(kTestUser, {QStringLiteral("interface"), QStringLiteral("set"), kName,
                                           QStringLiteral("1"), QStringLiteral("--mtu"), QStringLiteral("1400")}),
                    0);
        QVERIFY2(config().contains(QStringLiteral("lxc.net.1.mtu = 1400\n")), qPrintable(config()));
        QVERIFY2(config().contains(QStringLiteral("lxc.net.1.ipv4.address = 10.0.54.60/24\n")), qPrintable(config()));

        EXPECT_CODE(
            berthctlAs(kTestUser, {QStringLiteral("interface"), QStringLiteral("remove"), kName, QStringLiteral("1")}),
            0);
        QVERIFY2(!config().contains(QStringLiteral("lxc.net.1.")), qPrintable(config()));
        QVERIFY2(config().contains(QStringLiteral("lxc.net.0.link = ifbr0\n")), qPrintable(config()));
    }

    void hostNetworksNeedTheAdministrator_data()
    {
        QTest::addColumn<QString>("settings");
        QTest::newRow("veth on a host bridge") << QStringLiteral("{'type': <'veth'>, 'link': <'lan7'>}");
        QTest::newRow("macvlan") << QStringLiteral("{'type': <'macvlan'>, 'link': <'eno7'>}");
    }

    void hostNetworksNeedTheAdministrator()
    {
        QFETCH(QString, settings);
        const QString before = config();
        int code = 0;
        const QString out = addAs(kTestUser, settings, &code);
        QVERIFY2(code != 0 && out.contains(QStringLiteral("org.berth.Error.NotAuthorized")), qPrintable(out));
        QCOMPARE(config(), before);
    }

    void outsiderIsRefused()
    {
        const QString before = config();
        int code = 0;
        const QString out = addAs(kOutsider, QStringLiteral("{'link': <'%1'>}").arg(kBridge), &code);
        QVERIFY2(code != 0 && out.contains(QStringLiteral("org.berth.Error.NotAuthorized")), qPrintable(out));
        QCOMPARE(config(), before);
    }

    void wrongTypeIsInvalidArgument()
    {
        int code = 0;
        const QString out = addAs(kOutsider, QStringLiteral("{'mtu': <'1400'>}"), &code);
        QVERIFY2(code != 0 && out.contains(QStringLiteral("org.berth.Error.InvalidArgument")), qPrintable(out));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestInterfaceSystem)
#include "test_interface_system.moc"
