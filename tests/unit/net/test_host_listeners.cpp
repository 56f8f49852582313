// The forward port rule: a forward whose host port a host service listens
// on is refused (it would take that service's traffic), read from fixture
// /proc/net tables.
#include "net/host_listeners.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace berth::net;

namespace {

// Trimmed from a real /proc/net/tcp: sshd on 0.0.0.0:22 (0x16), a client
// connection from port 8080 (ESTABLISHED, 01), a socket in TIME_WAIT on 9090.
constexpr const char* kTcp =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0 100 0 0 10 0\n"
    "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 1002 1 0 20 4 30 10 "
    "-1\n"
    "   2: 0100007F:2382 0100007F:C351 06 00000000:00000000 03:00000B2E 00000000     0        0 0 3 0\n";
// sshd on [::]:22 and a web server on [::]:8443 (0x20FB).
constexpr const char* kTcp6 = "  sl  local_address                         remote_address                        st "
                              "tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                              "   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A "
                              "00000000:00000000 00:00000000 00000000     0        0 1003 1 0 100 0 0 10 0\n"
                              "   1: 00000000000000000000000000000000:20FB 00000000000000000000000000000000:0000 0A "
                              "00000000:00000000 00:00000000 00000000     0        0 1004 1 0 100 0 0 10 0\n";
// A DNS server bound on 127.0.0.53:53 (07) and a connected client on 5000 (01).
constexpr const char* kUdp = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
                             "timeout inode ref pointer drops\n"
                             "  100: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101       "
                             " 0 1005 2 0000000000000000 0\n"
                             "  101: 0100007F:1388 0100007F:0035 01 00000000:00000000 00:00000000 00000000  1000       "
                             " 0 1006 2 0000000000000000 0\n";

} // namespace

class TestHostListeners : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string dir = m_dir.path().toStdString();
        std::ofstream(dir + "/tcp") << kTcp;
        std::ofstream(dir + "/tcp6") << kTcp6;
        std::ofstream(dir + "/udp") << kUdp;
        // No udp6: a kernel without IPv6 has none, which is no error.
    }

    void listeningPortsOfATable()
    {
        QCOMPARE(listeningPorts(kTcp, true), std::vector<std::uint16_t>{22});
        QCOMPARE(listeningPorts(kTcp6, true), (std::vector<std::uint16_t>{22, 8443}));
        QCOMPARE(listeningPorts(kUdp, false), std::vector<std::uint16_t>{53});
        QVERIFY(listeningPorts("garbage\n\n 0: nocolon 00 0A\n", true).empty());
    }

    void forwardPortRule_data()
    {
        QTest::addColumn<QString>("forward");
        QTest::addColumn<bool>("refused");
        QTest::newRow("ssh") << "tcp:22:22" << true;
        QTest::newRow("ssh on one address") << "tcp:192.168.1.5:22:2222" << true;
        QTest::newRow("IPv6-only listener") << "tcp:8443:443" << true;
        QTest::newRow("DNS") << "udp:53:53" << true;
        QTest::newRow("free tcp") << "tcp:8080:80" << false; // only a client's port
        QTest::newRow("time-wait") << "tcp:9090:80" << false;
        QTest::newRow("tcp port of a udp listener") << "tcp:53:53" << false;
        QTest::newRow("connected udp client") << "udp:5000:53" << false;
    }
    void forwardPortRule()
    {
        QFETCH(QString, forward);
        QFETCH(bool, refused);
        const auto parsed = parsePortForward(forward.toStdString());
        QVERIFY(parsed);
        const berth::Status status = checkHostPortFree(*parsed, m_dir.path().toStdString());
        QCOMPARE(!status, refused);
        if (!status) {
            QCOMPARE(status.error().code, EADDRINUSE);
            const std::string port =
                " port " + std::to_string(parsed->hostPort) + " has a listening socket on the host";
            QVERIFY2(status.error().message.find(port) != std::string::npos, status.error().message.c_str());
        }
    }

    void unreadableTableIsAnError()
    {
        // A table that cannot be read is no "nothing listens".
        QTemporaryDir broken;
        QVERIFY(QDir(broken.path()).mkdir(QStringLiteral("tcp")));
        const auto parsed = parsePortForward("tcp:8080:80");
        QVERIFY(!checkHostPortFree(*parsed, broken.path().toStdString()));
    }
};

QTEST_APPLESS_MAIN(TestHostListeners)
#include "test_host_listeners.moc"
