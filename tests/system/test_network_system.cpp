// Org.berth.Network1 as a member of group "berth", without a password
// (issue #14, item 6): forwards of privileged host ports and of ports a
// host service listens on are refused, a forward of 8080 is allowed;
// bridges on reserved blocks (loopback, link-local) and on a subnet the
// host routes are refused with messages that name the block or the route
// and its device. All in the test's private network namespace, which the
// bus and the helper inherit.
#include "integration_env.h"
#include "system_bus.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace berth::test;

namespace {

const QString kService = QStringLiteral("org.berth.Berth1");
const QString kPath = QStringLiteral("/org/berth/Berth1");
const QString kUser = QStringLiteral("berth-test-user");
const QString kGroup = QStringLiteral("berth");

bool ensureMember(QString* why)
{
    if (run(QStringLiteral("getent"), {QStringLiteral("group"), kGroup}) != 0 &&
        run(QStringLiteral("groupadd"), {QStringLiteral("--system"), kGroup}) != 0) {
        *why = QStringLiteral("groupadd berth failed");
        return false;
    }
    if (run(QStringLiteral("id"), {kUser}) != 0 &&
        run(QStringLiteral("useradd"), {QStringLiteral("--system"), QStringLiteral("--no-create-home"),
                                        QStringLiteral("--shell"), QStringLiteral("/usr/sbin/nologin"), kUser}) != 0) {
        *why = QStringLiteral("useradd %1 failed").arg(kUser);
        return false;
    }
    if (run(QStringLiteral("gpasswd"), {QStringLiteral("-a"), kUser, kGroup}) != 0) {
        *why = QStringLiteral("gpasswd -a failed");
        return false;
    }
    return true;
}

// A string as GVariant text for gdbus.
QString gvariantString(QString text)
{
    text.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("'"), QLatin1String("\\'"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

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
        auto message = QDBusMessage::createMethodCall(kService, kPath, interface, method);
        message.setArguments(args);
        return m_bus.connection().call(message, QDBus::Block, 300000);
    }

    // gdbus as the member of group berth; its output, errors included.
    QString asMember(const QString& method, const QStringList& args, int* code)
    {
        const QStringList command{QStringLiteral("gdbus"), QStringLiteral("call"), QStringLiteral("--address"),
                                  m_bus.address(), QStringLiteral("--dest"), kService,
                                  QStringLiteral("--object-path"), kPath, QStringLiteral("--method"),
                                  QStringLiteral("org.berth.Network1.") + method};
        QString out;
        *code = runAs(kUser, command + args, &out);
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

    QStringList forwards()
    {
        return call(QStringLiteral("org.berth.Network1"), QStringLiteral("ListForwards"), {QStringLiteral("fwd1")})
            .arguments()
            .value(0)
            .toStringList();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qDBusRegisterMetaType<QMap<QString, QString>>();
        QString why;
        QVERIFY2(ensureMember(&why), qPrintable(why));
        SystemBusSettings settings;
        settings.stateRoot = QString::fromStdString(IntegrationEnvironment::instance().stateRoot().string());
        settings.cgroupParent = QString::fromStdString(IntegrationEnvironment::instance().cgroupParent());
        QVERIFY2(m_bus.start(settings, &why), qPrintable(why));
        auto created = call(QStringLiteral("org.berth.Manager1"), QStringLiteral("Create"),
                            {QStringLiteral("fwd1"), QStringLiteral("busybox"),
                             QVariant::fromValue(QMap<QString, QString>{}), QStringLiteral("application"),
                             QStringList{QStringLiteral("sleep"), QStringLiteral("3600")}, QString()});
        QVERIFY2(created.type() == QDBusMessage::ReplyMessage, qPrintable(created.errorMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(call(QStringLiteral("org.berth.Manager1"), QStringLiteral("GetContainer"),
                                      {QStringLiteral("fwd1")})
                                         .type() == QDBusMessage::ReplyMessage,
                                 60000);
    }

    void cleanupTestCase()
    {
        call(QStringLiteral("org.berth.Manager1"), QStringLiteral("Destroy"), {QStringLiteral("fwd1"), true});
        run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("rt0")});
        m_bus.stop();
        run(QStringLiteral("gpasswd"), {QStringLiteral("-d"), kUser, kGroup});
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
        const QString config = call(QStringLiteral("org.berth.Manager1"), QStringLiteral("GetConfig"),
                                    {QStringLiteral("fwd1")})
                                   .arguments()
                                   .value(0)
                                   .toString();
        QVERIFY(!config.isEmpty());
        const QStringList command{QStringLiteral("gdbus"), QStringLiteral("call"), QStringLiteral("--address"),
                                  m_bus.address(), QStringLiteral("--dest"), kService,
                                  QStringLiteral("--object-path"), kPath, QStringLiteral("--method"),
                                  QStringLiteral("org.berth.Manager1.SetConfig"), QStringLiteral("'fwd1'")};
        QString out;
        int code = runAs(kUser, command + QStringList{gvariantString(config + QStringLiteral("berth.net.forward = tcp:53:53\n"))},
                         &out);
        QVERIFY2(code != 0 && out.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(out));
        QCOMPARE(forwards(), QStringList{QStringLiteral("tcp:8080:80")});
        code = runAs(kUser, command + QStringList{gvariantString(config + QStringLiteral("berth.net.forward = udp:5353:53\n"))},
                     &out);
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
        QTest::newRow("loopback") << "127.0.0.1/8" << "127.0.0.0/8 (loopback";
        QTest::newRow("link-local") << "169.254.0.1/16" << "169.254.0.0/16 (link-local)";
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
        QCOMPARE(run(QStringLiteral("sh"), {QStringLiteral("-c"),
                                            QStringLiteral("ip link add rt0 type bridge && ip link set rt0 up && "
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
};

int main(int argc, char** argv)
{
    return berth::test::runIntegrationTest("TestNetworkSystem", [&] {
        QCoreApplication app(argc, argv);
        TestNetworkSystem test;
        return QTest::qExec(&test, argc, argv);
    });
}

#include "test_network_system.moc"
