// Scenario (issue #16): the classic LXC walk-through on a bridge, as a
// member of group berth types it. A bridge like lxcbr0 (10.0.3.1/24, DHCP
// over .2-.254), two Debian 12 containers from the debian template and a
// busybox one on it by DHCP, and a busybox one with a static address inside
// the DHCP range. From inside: the address `berthctl info` shows, the
// default route and resolv.conf naming the bridge, the hostname in
// /etc/hostname and /etc/hosts, the others reached by name. From outside:
// dnsmasq's lease, a veth per container on the bridge, a cgroup each, a
// forward host:8080 -> container:80 serving busybox httpd's page to a
// client on the host, for a DHCP container and the static one. After stop
// and destroy nothing is left. Then a bridge like the CentOS article's
// br0: a static address, no NAT, a container on it with a static address.
// Slots run in order and share the containers (Debian boots are slow);
// each checks one thing a user would, so a failure names it.
#include "scenario_host.h"
#include "scenario_member.h"
#include "user_terminal.h"

#include "helper_calls.h"
#include "integration_bus.h"
#include "test_users.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace berth::test;

namespace {

const QString kBridge = QStringLiteral("lxcbr0");
const QString kGateway = QStringLiteral("10.0.3.1");
// The host's own address, as a client elsewhere would reach the host: on
// a veth of the test's namespace (this kernel has no dummy links), not the
// bridge, not loopback.
const QString kUplink = QStringLiteral("scnup0");
const QString kHostAddress = QStringLiteral("172.31.250.1");
const QString kStatic = QStringLiteral("10.0.3.200"); // inside the DHCP range (item 4)

const QStringList kDebian{QStringLiteral("deb1"), QStringLiteral("deb2")};
const QString kBusybox = QStringLiteral("bb1");
const QString kFixed = QStringLiteral("bbfix");

QStringList dhcpContainers()
{
    return kDebian + QStringList{kBusybox};
}

// 10.0.3.1 as /proc/net/route writes a gateway: the address's bytes in
// host (little-endian) order, in hex.
QString routeHex(const QString& address)
{
    const QStringList octets = address.split(QLatin1Char('.'));
    QString hex;
    for (qsizetype i = octets.size() - 1; i >= 0; --i)
        hex += QStringLiteral("%1").arg(octets[i].toUInt(), 2, 16, QLatin1Char('0')).toUpper();
    return hex;
}

} // namespace

class TestLxcBridge : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QMap<QString, QString> m_address; // by container: the address info shows

    // The first address `berthctl info --json` shows reserved, without its prefix.
    static QString shownAddress(const QString& name)
    {
        const Outcome info = member({QStringLiteral("info"), name, QStringLiteral("--json")});
        const QJsonArray addresses =
            QJsonDocument::fromJson(info.out).object().value(QStringLiteral("reservedAddresses")).toArray();
        return addresses.isEmpty() ? QString() : addresses.first().toString().section(QLatin1Char('/'), 0, 0);
    }

    // The IPv4 addresses eth0 has inside: `ip` where the image has it,
    // else `hostname -I` (a Debian minbase without iproute2).
    static QString addressesInside(const QString& name)
    {
        return inside(name, QStringLiteral("if command -v ip >/dev/null; then ip -4 -o addr show dev eth0; "
                                           "else hostname -I; fi"))
            .outText();
    }

    static bool hasAddress(const QString& text, const QString& address)
    {
        return !address.isEmpty() &&
               QRegularExpression(QStringLiteral("(^|[^0-9.])%1([^0-9.]|$)").arg(QRegularExpression::escape(address)))
                   .match(text)
                   .hasMatch();
    }

    void createOnBridge(const QStringList& args)
    {
        EXPECT_CODE(member(args + QStringList{QStringLiteral("--network"), kBridge}), 0);
    }

    // Waits until the container's eth0 has `address` inside: DHCP takes a moment.
    void expectAddressInside(const QString& name, const QString& address)
    {
        QVERIFY2(!address.isEmpty(), qPrintable(name + QStringLiteral(": berthctl info shows no address")));
        const bool got = waitUntil([&] { return hasAddress(addressesInside(name), address); }, 120000);
        QVERIFY2(got, qPrintable(QStringLiteral("%1: berthctl info shows %2, inside eth0 has: %3")
                                     .arg(name, address, addressesInside(name))));
    }

    void expectDefaultRoute(const QString& name, const QString& gateway)
    {
        const Outcome routes = inside(name, QStringLiteral("cat /proc/net/route"));
        const QRegularExpression line(QStringLiteral("^eth0\\s+00000000\\s+%1\\s").arg(routeHex(gateway)),
                                      QRegularExpression::MultilineOption);
        QVERIFY2(line.match(routes.outText()).hasMatch(),
                 qPrintable(name + QStringLiteral(": no default route via ") + gateway + QStringLiteral(": ") +
                            describe(routes)));
    }

    void servePage(const QString& name)
    {
        // busybox httpd goes into the background and stays after exec ends.
        EXPECT_CODE(inside(name, QStringLiteral("mkdir -p /tmp/www && echo page-of-%1 > /tmp/www/index.html && "
                                                "httpd -p 80 -h /tmp/www")
                                     .arg(name)),
                    0);
    }

    static QString fetchFromHost(int port)
    {
        QString out;
        run(QStringLiteral("curl"),
            {QStringLiteral("-s"), QStringLiteral("--max-time"), QStringLiteral("10"),
             QStringLiteral("http://%1:%2/").arg(kHostAddress).arg(port)},
            &out);
        return out.trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(startMemberSession(m_bus, true, &why), qPrintable(why));
        QCOMPARE(run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("add"), kUplink,
                                            QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
                                            QStringLiteral("name"), kUplink + QStringLiteral("p")}),
                 0);
        QCOMPARE(run(QStringLiteral("ip"), {QStringLiteral("addr"), QStringLiteral("add"),
                                            kHostAddress + QStringLiteral("/24"), QStringLiteral("dev"), kUplink}),
                 0);
        QCOMPARE(
            run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("set"), kUplink, QStringLiteral("up")}),
            0);
    }

    void cleanupTestCase()
    {
        // What a failed slot left, while the helper still runs.
        destroyAllContainers(m_bus);
        for (const QString& bridge : {kBridge, QStringLiteral("br0")})
            berthctl({QStringLiteral("bridge"), QStringLiteral("delete"), bridge, QStringLiteral("-f")});
        endMemberSession(m_bus);
        run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("delete"), kUplink});
    }

    // A new user tries Berth once before making a bridge, as the README
    // starts. The order matters: Berth's run directory then exists as root
    // made it for the container, 0700, before dnsmasq has to read names and
    // reservations below it (item 1 hid behind a bridge made first).
    void firstContainerBeforeTheBridge()
    {
        const Outcome ran =
            member({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"), QStringLiteral("hello"),
                    QStringLiteral("busybox"), QStringLiteral("--"), QStringLiteral("echo"), QStringLiteral("hello")});
        EXPECT_CODE(ran, 0);
        QVERIFY2(ran.outText().contains(QLatin1String("hello")), qPrintable(describe(ran)));
    }

    // lxcbr0's layout: the gateway .1, DHCP over the rest.
    void bridgeLikeLxcbr0()
    {
        EXPECT_CODE(member({QStringLiteral("bridge"), QStringLiteral("create"), kBridge, QStringLiteral("--address"),
                            kGateway + QStringLiteral("/24"), QStringLiteral("--dhcp-range"),
                            QStringLiteral("10.0.3.2-10.0.3.254")}),
                    0);
        // Created in the test's namespace; it comes up with the first container.
        QCOMPARE(run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("show"), kBridge}), 0);
    }

    // Two Debian 12 containers from the cached template, a busybox one, a
    // busybox one with a static address; all started (item 4: the classic
    // layout must not make a start fail).
    void containersStart()
    {
        for (const QString& name : kDebian)
            createOnBridge({QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("debian"),
                            QStringLiteral("-o"), QStringLiteral("snapshot=true")});
        createOnBridge({QStringLiteral("create"), kBusybox, QStringLiteral("-t"), QStringLiteral("busybox")});
        createOnBridge({QStringLiteral("create"), kFixed, QStringLiteral("-t"), QStringLiteral("busybox")});
        const Outcome config = member({QStringLiteral("config"), kFixed});
        EXPECT_CODE(config, 0);
        const QString file = memberReadableFile(
            QStringLiteral("bbfix.conf"),
            config.out + QStringLiteral("lxc.net.0.ipv4.address = %1/24\nlxc.net.0.ipv4.gateway = %2\n")
                             .arg(kStatic, kGateway)
                             .toUtf8());
        EXPECT_CODE(member({QStringLiteral("config"), kFixed, QStringLiteral("set"), file}), 0);
        for (const QString& name : dhcpContainers() + QStringList{kFixed}) {
            EXPECT_CODE(member({QStringLiteral("start"), name}), 0);
            QCOMPARE(containerState(m_bus, name), QStringLiteral("running"));
        }
        for (const QString& name : dhcpContainers())
            m_address[name] = shownAddress(name);
        m_address[kFixed] = shownAddress(kFixed);
        QCOMPARE(m_address[kFixed], kStatic);
    }

    // Items 1 and 2: each gets by DHCP the address berthctl shows.
    void addressByDhcp_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : dhcpContainers())
            QTest::newRow(qPrintable(name)) << name;
    }
    void addressByDhcp()
    {
        QFETCH(QString, name);
        expectAddressInside(name, m_address.value(name));
        // dnsmasq's own record of it: "EXPIRY MAC ADDRESS NAME CLIENTID".
        const QRegularExpression lease(
            QStringLiteral("^\\S+ \\S+ %1 %2 ").arg(QRegularExpression::escape(m_address[name]), name),
            QRegularExpression::MultilineOption);
        QVERIFY2(lease.match(leaseFile(kBridge)).hasMatch(), qPrintable(leaseFile(kBridge)));
    }

    void staticAddressInside()
    {
        expectAddressInside(kFixed, kStatic);
        expectDefaultRoute(kFixed, kGateway);
    }

    // Item 2: the route, the resolver and the names a user looks at first.
    void networkSeenInside_data() { addressByDhcp_data(); }
    void networkSeenInside()
    {
        QFETCH(QString, name);
        expectDefaultRoute(name, kGateway);
        const Outcome resolv = inside(name, QStringLiteral("cat /etc/resolv.conf"));
        QVERIFY2(
            QRegularExpression(QStringLiteral("^nameserver 10\\.0\\.3\\.1\\s*$"), QRegularExpression::MultilineOption)
                .match(resolv.outText())
                .hasMatch(),
            qPrintable(describe(resolv)));
        const Outcome hostname = inside(name, QStringLiteral("cat /etc/hostname"));
        QCOMPARE(hostname.outText().trimmed(), name);
        const Outcome hosts = inside(name, QStringLiteral("cat /etc/hosts"));
        QVERIFY2(QRegularExpression(QStringLiteral("\\s%1(\\s|$)").arg(name), QRegularExpression::MultilineOption)
                     .match(hosts.outText())
                     .hasMatch(),
                 qPrintable(describe(hosts)));
    }

    // The host sees a veth per container on the bridge and a cgroup each.
    void hostSide()
    {
        QStringList owners;
        for (const QString& link : linksOnBridge(kBridge))
            owners << linkAlias(link);
        owners.sort();
        QCOMPARE(owners, (QStringList{QStringLiteral("berth:bb1"), QStringLiteral("berth:bbfix"),
                                      QStringLiteral("berth:deb1"), QStringLiteral("berth:deb2")}));
        for (const QString& name : dhcpContainers() + QStringList{kFixed})
            QVERIFY2(!cgroupsOf(name).isEmpty(), qPrintable(name + QStringLiteral(" has no cgroup")));
    }

    // Item 1: by name, DHCP and static ones alike, through the bridge's
    // dnsmasq: getent in Debian, nslookup in busybox, each giving the
    // address berthctl shows.
    void namesResolve_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("name");
        for (const QString& name : {kDebian[1], kBusybox, kFixed})
            QTest::newRow(qPrintable(kDebian[0] + QStringLiteral(" looks up ") + name)) << kDebian[0] << name;
        for (const QString& name : {kDebian[0], kFixed})
            QTest::newRow(qPrintable(kBusybox + QStringLiteral(" looks up ") + name)) << kBusybox << name;
    }
    void namesResolve()
    {
        QFETCH(QString, from);
        QFETCH(QString, name);
        const QString lookup = kDebian.contains(from) ? QStringLiteral("getent hosts ") : QStringLiteral("nslookup ");
        const Outcome found = inside(from, lookup + name);
        QVERIFY2(found.code == 0 && hasAddress(found.outText(), m_address.value(name)),
                 qPrintable(QStringLiteral("%1 should be %2: %3").arg(name, m_address.value(name), describe(found))));
    }

    // And reached by name: busybox pings a Debian container.
    void reachedByName()
    {
        const Outcome ping = inside(kBusybox, QStringLiteral("ping -c 1 -W 5 ") + kDebian[1]);
        QVERIFY2(ping.code == 0, qPrintable(describe(ping)));
    }

    // `berthctl console` shows the Debian container's login prompt; Ctrl-a q detaches.
    void consoleLogin()
    {
        UserTerminal terminal;
        QString why;
        QVERIFY2(terminal.start(kTestUser, {QStringLiteral(BERTHCTL_BINARY), QStringLiteral("console"), kDebian[0]},
                                m_bus.address(), &why),
                 qPrintable(why));
        terminal.type("\r");
        QVERIFY2(terminal.waitFor("login:", 60000), terminal.screen().constData());
        terminal.type("\x01q");
        QCOMPARE(terminal.waitForExit(30000), 0);
        QCOMPARE(containerState(m_bus, kDebian[0]), QStringLiteral("running"));
    }

    // host:8080 -> bb1:80 (DHCP) and host:8081 -> bbfix:80 (static), added
    // while they run, reached on the host's address by a client on the host.
    void forwardServesPage()
    {
        servePage(kBusybox);
        servePage(kFixed);
        EXPECT_CODE(member({QStringLiteral("forward"), QStringLiteral("add"), kBusybox, QStringLiteral("tcp:8080:80")}),
                    0);
        EXPECT_CODE(member({QStringLiteral("forward"), QStringLiteral("add"), kFixed, QStringLiteral("tcp:8081:80")}),
                    0);
        // httpd may still be getting ready in the background: asked again until it answers.
        for (const auto& [port, page] :
             {std::pair{8080, QStringLiteral("page-of-bb1")}, std::pair{8081, QStringLiteral("page-of-bbfix")}})
            QVERIFY2(waitUntil([&] { return fetchFromHost(port) == page; }, 30000),
                     qPrintable(QStringLiteral("port %1: %2").arg(port).arg(fetchFromHost(port))));
        // And a Debian container reaches the busybox one's server by name.
        const Outcome reach = inside(kDebian[0], QStringLiteral("exec bash -c 'exec 3<>/dev/tcp/%1/80'").arg(kBusybox));
        QVERIFY2(reach.code == 0, qPrintable(describe(reach)));
    }

    // Item 7 and the rest: stopped and destroyed, nothing of them stays.
    void nothingLeftAfterDestroy()
    {
        const QStringList all = dhcpContainers() + QStringList{kFixed};
        for (const QString& name : all) {
            EXPECT_CODE(member({QStringLiteral("stop"), name}), 0);
            QCOMPARE(containerState(m_bus, name), QStringLiteral("stopped"));
        }
        const QString firewall = berthFirewall();
        QVERIFY2(!firewall.contains(QLatin1String("8080")) && !firewall.contains(QLatin1String("8081")),
                 qPrintable(QStringLiteral("forwards stay after stop:\n") + firewall));
        for (const QString& name : all)
            EXPECT_CODE(member({QStringLiteral("destroy"), name}), 0);
        QVERIFY2(linksOnBridge(kBridge).isEmpty(), qPrintable(linksOnBridge(kBridge).join(QLatin1Char(' '))));
        const QString firewallAfter = berthFirewall();
        QVERIFY2(!firewallAfter.contains(QLatin1String("dport 8080")) &&
                     !firewallAfter.contains(QLatin1String("dport 8081")),
                 qPrintable(firewallAfter));
        const QString leases = leaseFile(kBridge);
        for (const QString& name : all) {
            QVERIFY2(!QRegularExpression(QStringLiteral("\\s%1\\s").arg(name)).match(leases).hasMatch(),
                     qPrintable(leases));
            QVERIFY2(cgroupsOf(name).isEmpty(),
                     qPrintable(name + QStringLiteral(": ") + cgroupsOf(name).join(QLatin1Char(' '))));
        }
        EXPECT_CODE(member({QStringLiteral("bridge"), QStringLiteral("delete"), kBridge}), 0);
    }

    // The CentOS article's br0: the bridge has a static address and no NAT;
    // the container a static address and its gateway.
    void customBridgeWithoutNat()
    {
        const QString bridge = QStringLiteral("br0");
        EXPECT_CODE(member({QStringLiteral("bridge"), QStringLiteral("create"), bridge, QStringLiteral("--address"),
                            QStringLiteral("192.168.100.1/24"), QStringLiteral("--no-nat")}),
                    0);
        EXPECT_CODE(member({QStringLiteral("create"), QStringLiteral("web"), QStringLiteral("-t"),
                            QStringLiteral("busybox"), QStringLiteral("--network"), bridge}),
                    0);
        const Outcome config = member({QStringLiteral("config"), QStringLiteral("web")});
        const QString file = memberReadableFile(
            QStringLiteral("web.conf"),
            config.out + "lxc.net.0.ipv4.address = 192.168.100.10/24\nlxc.net.0.ipv4.gateway = 192.168.100.1\n");
        EXPECT_CODE(member({QStringLiteral("config"), QStringLiteral("web"), QStringLiteral("set"), file}), 0);
        EXPECT_CODE(member({QStringLiteral("start"), QStringLiteral("web")}), 0);
        QVERIFY2(addressesOf(bridge).contains(QStringLiteral("192.168.100.1/24")),
                 qPrintable(addressesOf(bridge).join(QLatin1Char(' '))));
        expectAddressInside(QStringLiteral("web"), QStringLiteral("192.168.100.10"));
        expectDefaultRoute(QStringLiteral("web"), QStringLiteral("192.168.100.1"));
        QCOMPARE(linksOnBridge(bridge).size(), 1);
        // The host reaches it directly; no masquerade for its subnet.
        QCOMPARE(run(QStringLiteral("busybox"),
                     {QStringLiteral("ping"), QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-W"),
                      QStringLiteral("5"), QStringLiteral("192.168.100.10")}),
                 0);
        const QRegularExpression masquerade(QStringLiteral("192\\.168\\.100\\.0/24.*masquerade"));
        QVERIFY2(!masquerade.match(berthFirewall()).hasMatch(), qPrintable(berthFirewall()));
        EXPECT_CODE(member({QStringLiteral("stop"), QStringLiteral("web")}), 0);
        EXPECT_CODE(member({QStringLiteral("destroy"), QStringLiteral("web")}), 0);
        EXPECT_CODE(member({QStringLiteral("bridge"), QStringLiteral("delete"), bridge}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestLxcBridge)

#include "test_lxc_bridge.moc"
