// Org.berth.Network1 as a member of group "berth", without a password
// (issue #14, item 6): forwards of privileged host ports and of ports a
// host service listens on are refused, a forward of 8080 is allowed;
// bridges on reserved blocks (loopback, link-local) and on a subnet the
// host routes are refused with messages that name the block or the route
// and its device. `bridge change` through berthctl changes only what is
// given (issue #16, item 3). All in the test's private network namespace,
// which the bus and the helper inherit.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace berth::test;

namespace {

// A TCP socket listening on 127.0.0.1:port in this namespace: a "host service".
int listenOn(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 1) != 0) {
        if (fd >= 0)
            ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

class TestNetworkSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    QDBusMessage call(const QString& interface, const QString& method, const QVariantList& args = {})
    {
        return callHelper(m_bus, interface, method, args);
    }

    // gdbus as the member of group berth; its output, errors included.
    QString asMember(const QString& method, const QStringList& args, int* code)
    {
        QString out;
        *code = runAs(kTestUser, gdbusCall(m_bus, kNetwork + QLatin1Char('.') + method) + args, &out);
        return out;
    }

    QString addForward(const QString& forward, int* code)
    {
        return asMember(QStringLiteral("AddForward"), {QStringLiteral("'fwd1'"), gvariantString(forward)}, code);
    }

    QString createBridge(const QString& name, const QString& address, int* code)
    {
        return asMember(QStringLiteral("CreateBridge"),
                        {gvariantString(name), gvariantString(address), QStringLiteral("''"), QStringLiteral("true"),
                         QStringLiteral("''"), QStringLiteral("uint32 0")},
                        code);
    }

    Outcome berthctlAsMember(const QStringList& args)
    {
        return runAsUser(kTestUser, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, m_bus.address());
    }

    // The bridge as `bridge list --json` shows it.
    QJsonObject bridgeShown(const QString& name)
    {
        const Outcome listed =
            berthctlAsMember({QStringLiteral("bridge"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue& bridge : QJsonDocument::fromJson(listed.out).array())
            if (bridge.toObject().value(QStringLiteral("name")).toString() == name)
                return bridge.toObject();
        return {};
    }

    QStringList forwards()
    {
        return call(kNetwork, QStringLiteral("ListForwards"), {QStringLiteral("fwd1")})
            .arguments()
            .value(0)
            .toStringList();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qDBusRegisterMetaType<QMap<QString, QString>>();
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        auto created = call(kManager, QStringLiteral("Create"),
                            {QStringLiteral("fwd1"), QStringLiteral("busybox"),
                             QVariant::fromValue(QMap<QString, QString>{}), QStringLiteral("application"),
                             QStringList{QStringLiteral("sleep"), QStringLiteral("3600")}, QString()});
        QVERIFY2(created.type() == QDBusMessage::ReplyMessage, qPrintable(created.errorMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(call(kManager, QStringLiteral("GetContainer"), {QStringLiteral("fwd1")}).type() ==
                                     QDBusMessage::ReplyMessage,
                                 60000);
    }

    void cleanupTestCase()
    {
        call(kManager, QStringLiteral("Destroy"), {QStringLiteral("fwd1"), true});
        run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("rt0")});
        m_bus.stop();
        removeFromGroup(kTestUser, kBerthGroup);
    }

    void privilegedHostPortNeedsTheAdmin()
    {
        int code = -1;
        QString out = addForward(QStringLiteral("tcp:22:22"), &code);
        QVERIFY2(code != 0 && out.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("org.berth.host.bind-mount")), qPrintable(out));
        QVERIFY(forwards().isEmpty());
        out = addForward(QStringLiteral("tcp:8080:80"), &code);
        QVERIFY2(code == 0, qPrintable(out));
        QCOMPARE(forwards(), QStringList{QStringLiteral("tcp:8080:80")});
    }

    // The same rule for a forward declared in the config.
    void privilegedForwardInAConfigNeedsTheAdmin()
    {
        const QString config =
            call(kManager, QStringLiteral("GetConfig"), {QStringLiteral("fwd1")}).arguments().value(0).toString();
        QVERIFY(!config.isEmpty());
        const QStringList command =
            gdbusCall(m_bus, kManager + QStringLiteral(".SetConfig")) + QStringList{QStringLiteral("'fwd1'")};
        QString out;
        int code = runAs(
            kTestUser,
            command + QStringList{gvariantString(config + QStringLiteral("berth.net.forward = tcp:53:53\n"))}, &out);
        QVERIFY2(code != 0 && out.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(out));
        QCOMPARE(forwards(), QStringList{QStringLiteral("tcp:8080:80")});
        code = runAs(
            kTestUser,
            command + QStringList{gvariantString(config + QStringLiteral("berth.net.forward = udp:5353:53\n"))}, &out);
        QVERIFY2(code == 0, qPrintable(out));
        QCOMPARE(forwards(), (QStringList{QStringLiteral("tcp:8080:80"), QStringLiteral("udp:5353:53")}));
    }

    void portOfAHostServiceIsRefused()
    {
        const int listener = listenOn(9922);
        QVERIFY(listener >= 0);
        int code = -1;
        const QString out = addForward(QStringLiteral("tcp:9922:22"), &code);
        ::close(listener);
        QVERIFY2(code != 0 && out.contains(QLatin1String("tcp port 9922 has a listening socket on the host")),
                 qPrintable(out));
        QCOMPARE(forwards(), (QStringList{QStringLiteral("tcp:8080:80"), QStringLiteral("udp:5353:53")}));
    }

    void reservedSubnetsAreRefused_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("block");
        QTest::newRow("loopback") << "127.0.0.1/8"
                                  << "127.0.0.0/8 (loopback";
        QTest::newRow("link-local") << "169.254.0.1/16"
                                    << "169.254.0.0/16 (link-local)";
    }
    void reservedSubnetsAreRefused()
    {
        QFETCH(QString, address);
        QFETCH(QString, block);
        int code = -1;
        const QString out = createBridge(QStringLiteral("tbr3"), address, &code);
        QVERIFY2(code != 0 && out.contains(QLatin1String("org.berth.Error.InvalidArgument")), qPrintable(out));
        QVERIFY2(out.contains(block), qPrintable(out));
        QCOMPARE(run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("show"), QStringLiteral("tbr3")}),
                 1);
    }

    void subnetTheHostRoutesIsRefused()
    {
        QCOMPARE(run(QStringLiteral("sh"),
                     {QStringLiteral("-c"), QStringLiteral("ip link add rt0 type bridge && ip link set rt0 up && "
                                                           "ip route add 10.99.0.0/16 dev rt0")}),
                 0);
        int code = -1;
        QString out = createBridge(QStringLiteral("tbr3"), QStringLiteral("10.99.5.1/24"), &code);
        QVERIFY2(code != 0 && out.contains(QLatin1String("route 10.99.0.0/16 on 'rt0'")), qPrintable(out));
        // Nor may a bridge take the name of the host's link.
        out = createBridge(QStringLiteral("rt0"), QStringLiteral("10.98.5.1/24"), &code);
        QVERIFY2(code != 0 && out.contains(QLatin1String("org.berth.Error.AlreadyExists")), qPrintable(out));
        QCOMPARE(run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("rt0")}), 0);
        // A free subnet is the member's to take.
        out = createBridge(QStringLiteral("tbr3"), QStringLiteral("10.97.5.1/24"), &code);
        QVERIFY2(code == 0, qPrintable(out));
        out = asMember(QStringLiteral("DeleteBridge"), {QStringLiteral("'tbr3'"), QStringLiteral("false")}, &code);
        QVERIFY2(code == 0, qPrintable(out));
    }

    // Issue #16 item 9: a new container has no network unless asked; the help says so and how.
    void createHelpSaysTheDefaultNetwork()
    {
        // simplified(): the help wraps its option texts where the widest option ends.
        for (const char* verb : {"create", "run"}) {
            const Outcome help = berthctlAsMember({QLatin1String(verb), QStringLiteral("--help")});
            QVERIFY2(help.code == 0 && both(help).contains(QLatin1String("--network")) &&
                         both(help).contains(QLatin1String("berthbr0")) &&
                         both(help).simplified().contains(QLatin1String("no network, only loopback")),
                     qPrintable(describe(help)));
        }
    }

    // Issue #16 item 3: a change changes what is given and nothing else.
    void bridgeChangeKeepsWhatIsNotGiven()
    {
        const QString br = QStringLiteral("tbr4");
        EXPECT_CODE(berthctlAsMember({QStringLiteral("bridge"), QStringLiteral("create"), br,
                                      QStringLiteral("--address"), QStringLiteral("10.0.3.1/24"),
                                      QStringLiteral("--dhcp-range"), QStringLiteral("10.0.3.2-10.0.3.254"),
                                      QStringLiteral("--domain"), QStringLiteral("lab"), QStringLiteral("--no-nat")}),
                    0);
        const QJsonObject before = bridgeShown(br);
        QCOMPARE(before.value(QStringLiteral("address")).toString(), QStringLiteral("10.0.3.1/24"));
        EXPECT_CODE(berthctlAsMember({QStringLiteral("bridge"), QStringLiteral("change"), br, QStringLiteral("--mtu"),
                                      QStringLiteral("1400")}),
                    0);
        QJsonObject after = bridgeShown(br);
        QCOMPARE(after.value(QStringLiteral("mtu")).toInt(), 1400);
        for (const char* kept : {"address", "dhcpRange", "domain", "nat"})
            QVERIFY2(after.value(QLatin1String(kept)) == before.value(QLatin1String(kept)), kept);
        EXPECT_CODE(berthctlAsMember({QStringLiteral("bridge"), QStringLiteral("change"), br,
                                      QStringLiteral("--dhcp-range"), QStringLiteral("10.0.3.100-10.0.3.150")}),
                    0);
        after = bridgeShown(br);
        QCOMPARE(after.value(QStringLiteral("dhcpRange")).toString(), QStringLiteral("10.0.3.100-10.0.3.150"));
        QCOMPARE(after.value(QStringLiteral("address")).toString(), QStringLiteral("10.0.3.1/24"));
        QCOMPARE(after.value(QStringLiteral("domain")).toString(), QStringLiteral("lab"));
        QCOMPARE(after.value(QStringLiteral("mtu")).toInt(), 1400);
        QCOMPARE(after.value(QStringLiteral("nat")).toBool(), false);
        // The bridge is up with what it was given (its MTU on the link).
        QCOMPARE(
            run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("ip link show tbr4 | grep -q 'mtu 1400'")}),
            0);
        // Unknown keys and wrong types are refused before anything changes.
        int code = -1;
        QString out = asMember(QStringLiteral("ChangeBridge"),
                               {QStringLiteral("'tbr4'"), QStringLiteral("{'color': <'red'>}")}, &code);
        QVERIFY2(code != 0 && out.contains(QLatin1String("org.berth.Error.InvalidArgument")), qPrintable(out));
        out = asMember(QStringLiteral("ChangeBridge"), {QStringLiteral("'tbr4'"), QStringLiteral("{'mtu': <'1400'>}")},
                       &code);
        QVERIFY2(code != 0 && out.contains(QLatin1String("org.berth.Error.InvalidArgument")), qPrintable(out));
        EXPECT_CODE(berthctlAsMember({QStringLiteral("bridge"), QStringLiteral("delete"), br}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestNetworkSystem)

#include "test_network_system.moc"
