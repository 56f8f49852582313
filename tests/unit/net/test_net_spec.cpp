// lxc.net.N.* keys and berth.net.forward from a container config.
#include "net/interface_view.h"
#include "net/net_spec.h"

#include <QtTest>

using namespace berth::net;
using Type = NetInterfaceSpec::Type;

namespace {

berth::Config config(const QString& text)
{
    auto parsed = berth::Config::parse(text.toStdString());
    if (!parsed)
        qFatal("test config does not parse: %s", parsed.error().message.c_str());
    return *parsed;
}

} // namespace

class TestNetSpec : public QObject {
    Q_OBJECT
private slots:
    void vethFull()
    {
        const auto specs = netInterfacesFromConfig(config("lxc.uts.name = web\n"
                                                          "lxc.net.0.type = veth\n"
                                                          "lxc.net.0.link = berthbr0\n"
                                                          "lxc.net.0.name = eth0\n"
                                                          "lxc.net.0.hwaddr = 00:16:3E:AA:BB:CC\n"
                                                          "lxc.net.0.mtu = 1400\n"
                                                          "lxc.net.0.flags = up\n"
                                                          "lxc.net.0.ipv4.address = 10.0.3.5/24\n"
                                                          "lxc.net.0.ipv4.gateway = auto\n"
                                                          "lxc.net.0.veth.pair = vb-web\n"));
        QVERIFY2(specs, specs ? "" : specs.error().message.c_str());
        QCOMPARE(specs->size(), 1u);
        NetInterfaceSpec expected;
        expected.type = Type::Veth;
        expected.index = 0;
        expected.link = "berthbr0";
        expected.name = "eth0";
        expected.hwaddr = "00:16:3e:aa:bb:cc";
        expected.mtu = 1400;
        expected.up = true;
        expected.ipv4 = *Ipv4Cidr::parse("10.0.3.5/24");
        expected.gatewayAuto = true;
        expected.vethPair = "vb-web";
        expected.where = "config:2";
        QVERIFY(specs->front() == expected);
    }

    // Issue #18: GetContainer's `interfaces` (model::NetInterface): the
    // type's name, the bridge a veth joins (the default when none is
    // named), MAC, name inside, static address and MTU.
    void describedInterfaces()
    {
        const auto specs = netInterfacesFromConfig(config("lxc.net.0.type = veth\n"
                                                          "lxc.net.0.link = lab0\n"
                                                          "lxc.net.0.hwaddr = 00:16:3E:AA:BB:CC\n"
                                                          "lxc.net.0.ipv4.address = 10.0.4.20/24\n"
                                                          "lxc.net.0.mtu = 1400\n"
                                                          "lxc.net.1.type = veth\n"
                                                          "lxc.net.3.type = macvlan\n"
                                                          "lxc.net.3.link = eno1\n"
                                                          "lxc.net.3.name = lan0\n"));
        QVERIFY2(specs, specs ? "" : specs.error().message.c_str());
        QCOMPARE(specs->size(), 3u);
        using berth::model::NetInterface;
        const NetInterface first{
            0, "veth", "lab0", "00:16:3e:aa:bb:cc", "eth0", {*berth::model::Ipv4Cidr::parse("10.0.4.20/24")}, 1400};
        QVERIFY(describeInterface(specs->at(0)) == first);
        const NetInterface second{1, "veth", "berthbr0", "", "eth1", {}, 0};
        QVERIFY(describeInterface(specs->at(1)) == second);
        const NetInterface third{3, "macvlan", "eno1", "", "lan0", {}, 0};
        QVERIFY(describeInterface(specs->at(2)) == third);
    }

    void severalInterfaces()
    {
        const auto specs = netInterfacesFromConfig(config("lxc.net.2.type = macvlan\n"
                                                          "lxc.net.2.link = eno1\n"
                                                          "lxc.net.2.macvlan.mode = vepa\n"
                                                          "lxc.net.0.type = veth\n"
                                                          "lxc.net.0.link = berthbr0\n"
                                                          "lxc.net.0.flags =\n"
                                                          "lxc.net.0.ipv4.address = 10.0.3.5/24\n"
                                                          "lxc.net.0.ipv4.gateway = 10.0.3.1\n"
                                                          "lxc.net.1.type = veth\n"
                                                          "lxc.net.1.name = eth0\n"));
        QVERIFY2(specs, specs ? "" : specs.error().message.c_str());
        QCOMPARE(specs->size(), 3u);
        const NetInterfaceSpec& first = (*specs)[0];
        QCOMPARE(first.index, 0u);
        QVERIFY(!first.up);
        QCOMPARE(first.gateway->toString(), std::string("10.0.3.1"));
        QVERIFY(!first.gatewayAuto);
        QCOMPARE(first.where, std::string("config:4"));
        // eth0 is taken by lxc.net.1, so lxc.net.0 and .2 get eth1 and eth2.
        QCOMPARE(first.name, std::string("eth1"));
        QCOMPARE((*specs)[1].name, std::string("eth0"));
        const NetInterfaceSpec& mac = (*specs)[2];
        QCOMPARE(mac.type, Type::Macvlan);
        QCOMPARE(mac.name, std::string("eth2"));
        QCOMPARE(mac.macvlanMode, std::string("vepa"));
        QCOMPARE(mac.link, std::string("eno1"));
        QVERIFY(mac.up);
    }

    void clearing()
    {
        const auto cleared = netInterfacesFromConfig(config("lxc.net.0.type = veth\n"
                                                            "lxc.net.1.type = veth\n"
                                                            "lxc.net =\n"
                                                            "lxc.net.3.type = empty\n"
                                                            "lxc.net.4.type = veth\n"
                                                            "lxc.net.4 =\n"));
        QVERIFY2(cleared, cleared ? "" : cleared.error().message.c_str());
        QCOMPARE(cleared->size(), 1u);
        QCOMPARE(cleared->front().index, 3u);
        QCOMPARE(cleared->front().type, Type::Empty);
        QVERIFY(netInterfacesFromConfig(config("lxc.uts.name = x\n"))->empty());
        // The last value of a key wins.
        const auto last = netInterfacesFromConfig(config("lxc.net.0.type = bogus\nlxc.net.0.type = none\n"));
        QVERIFY(last);
        QCOMPARE(last->front().type, Type::None);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad type") << "lxc.uts.name = a\n\nlxc.net.0.type = bogus\n"
                                  << "config:3: lxc.net.0.type: 'bogus' is not veth, macvlan, empty or none";
        QTest::newRow("phys") << "lxc.net.0.type = phys\n"
                              << "config:1: lxc.net.0.type: 'phys' is not veth, macvlan, empty or none";
        QTest::newRow("no type") << "lxc.net.0.link = br0\n"
                                 << "config:1: lxc.net.0.link: lxc.net.0.type is missing";
        QTest::newRow("bad index") << "lxc.net.x.type = veth\n"
                                   << "config:1: lxc.net.x.type: not a key of the form lxc.net.N.<key>";
        QTest::newRow("leading zero index") << "lxc.net.01.type = veth\n"
                                            << "config:1: lxc.net.01.type: not a key";
        QTest::newRow("huge index") << "lxc.net.99999999999.type = veth\n"
                                    << "config:1: lxc.net.99999999999.type: not a key";
        QTest::newRow("legacy key") << "lxc.network.type = veth\n"
                                    << "config:1: lxc.network.type: the pre-LXC 3 network keys are not supported";
        QTest::newRow("lxc.net value") << "lxc.net = 1\n"
                                       << "config:1: lxc.net: only an empty value";
        QTest::newRow("unsupported key") << "lxc.net.0.type = veth\nlxc.net.0.ipv6.address = fd00::5/64\n"
                                         << "config:2: lxc.net.0.ipv6.address: this key is not supported by Berth";
        QTest::newRow("long name")
            << "lxc.net.0.type = veth\nlxc.net.0.name = abcdefghijklmnop\n"
            << "config:2: lxc.net.0.name: interface name 'abcdefghijklmnop' is longer than 15 bytes";
        QTest::newRow("slash name") << "lxc.net.0.type = veth\nlxc.net.0.name = eth/0\n"
                                    << "config:2: lxc.net.0.name: interface name 'eth/0' may only contain";
        QTest::newRow("slash link") << "lxc.net.0.type = veth\nlxc.net.0.link = br/0\n"
                                    << "config:2: lxc.net.0.link: interface name 'br/0'";
        QTest::newRow("long pair") << "lxc.net.0.type = veth\nlxc.net.0.veth.pair = vethvethvethveth\n"
                                   << "config:2: lxc.net.0.veth.pair: interface name 'vethvethvethveth' is longer";
        QTest::newRow("bad mac") << "lxc.net.0.type = veth\nlxc.net.0.hwaddr = 00:16:3e:xx:xx:xx\n"
                                 << "config:2: lxc.net.0.hwaddr: '00:16:3e:xx:xx:xx' is not a MAC address";
        QTest::newRow("multicast mac")
            << "lxc.net.0.type = veth\nlxc.net.0.hwaddr = 01:00:5e:00:00:01\n"
            << "config:2: lxc.net.0.hwaddr: MAC address '01:00:5e:00:00:01' is a multicast address";
        QTest::newRow("mtu low") << "lxc.net.0.type = veth\nlxc.net.0.mtu = 67\n"
                                 << "config:2: lxc.net.0.mtu: '67' is not an MTU in 68..65535";
        QTest::newRow("flags") << "lxc.net.0.type = veth\nlxc.net.0.flags = down\n"
                               << "config:2: lxc.net.0.flags: 'down' is not 'up' (or empty for down)";
        QTest::newRow("address without prefix")
            << "lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 10.0.3.5\n"
            << "config:2: lxc.net.0.ipv4.address: '10.0.3.5' is not an IPv4 address with a prefix";
        QTest::newRow("network address")
            << "lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 10.0.3.0/24\n"
            << "config:2: lxc.net.0.ipv4.address: '10.0.3.0/24' is the network or broadcast";
        QTest::newRow("gateway word") << "lxc.net.0.type = veth\nlxc.net.0.ipv4.gateway = dev\n"
                                      << "config:2: lxc.net.0.ipv4.gateway: 'dev' is not an IPv4 address or 'auto'";
        QTest::newRow("gateway outside") << "lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 10.0.3.5/24\n"
                                            "lxc.net.0.ipv4.gateway = 10.0.4.1\n"
                                         << "config:3: lxc.net.0.ipv4.gateway: gateway 10.0.4.1 is outside 10.0.3.5/24";
        QTest::newRow("macvlan mode")
            << "lxc.net.0.type = macvlan\nlxc.net.0.link = eno1\nlxc.net.0.macvlan.mode = fast\n"
            << "config:3: lxc.net.0.macvlan.mode: 'fast' is not private, vepa, bridge or passthru";
        QTest::newRow("macvlan no link") << "lxc.net.0.type = macvlan\n"
                                         << "config:1: lxc.net.0.type: macvlan needs lxc.net.0.link";
        QTest::newRow("pair on macvlan")
            << "lxc.net.0.type = macvlan\nlxc.net.0.link = eno1\nlxc.net.0.veth.pair = v0\n"
            << "config:3: lxc.net.0.veth.pair: has no meaning for an interface of type macvlan";
        QTest::newRow("link on empty") << "lxc.net.0.type = empty\nlxc.net.0.link = br0\n"
                                       << "config:2: lxc.net.0.link: has no meaning for an interface of type empty";
        QTest::newRow("none and veth") << "lxc.net.0.type = none\nlxc.net.1.type = veth\n"
                                       << "config:1: lxc.net.0.type: none (the host's network) cannot be combined";
        QTest::newRow("same mac")
            << "lxc.net.0.type = veth\nlxc.net.0.hwaddr = 00:16:3e:00:00:01\n"
               "lxc.net.1.type = veth\nlxc.net.1.hwaddr = 00:16:3E:00:00:01\n"
            << "config:4: lxc.net.1.hwaddr: '00:16:3e:00:00:01' is also used by lxc.net.0 (config:1)";
        QTest::newRow("same address")
            << "lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 10.0.3.5/24\n"
               "lxc.net.1.type = veth\nlxc.net.1.ipv4.address = 10.0.3.5/16\n"
            << "config:4: lxc.net.1.ipv4.address: '10.0.3.5' is also used by lxc.net.0 (config:1)";
        QTest::newRow("same name") << "lxc.net.0.type = veth\nlxc.net.0.name = eth0\n"
                                      "lxc.net.1.type = veth\nlxc.net.1.name = eth0\n"
                                   << "config:4: lxc.net.1.name: 'eth0' is also used by lxc.net.0 (config:1)";
        QTest::newRow("same pair") << "lxc.net.0.type = veth\nlxc.net.0.veth.pair = v0\n"
                                      "lxc.net.1.type = veth\nlxc.net.1.veth.pair = v0\n"
                                   << "config:4: lxc.net.1.veth.pair: 'v0' is also used by lxc.net.0 (config:1)";
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto specs = netInterfacesFromConfig(config(text));
        QVERIFY(!specs);
        QCOMPARE(specs.error().code, EINVAL);
        QVERIFY2(QString::fromStdString(specs.error().message).startsWith(message), specs.error().message.c_str());
        QVERIFY(!specs.error().context.empty());
    }

    void forwardParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("tcp") << "tcp:8080:80" << true;
        QTest::newRow("udp with address") << "udp:127.0.0.1:5353:53" << true;
        QTest::newRow("ports at limits") << "tcp:1:65535" << true;
        QTest::newRow("port 0") << "tcp:0:80" << false;
        QTest::newRow("port 65536") << "tcp:8080:65536" << false;
        QTest::newRow("sctp") << "sctp:8080:80" << false;
        QTest::newRow("upper case") << "TCP:8080:80" << false;
        QTest::newRow("two parts") << "tcp:8080" << false;
        QTest::newRow("five parts") << "tcp:1.2.3.4:1:2:3" << false;
        QTest::newRow("bad address") << "tcp:1.2.3:8080:80" << false;
        QTest::newRow("signed") << "tcp:+8080:80" << false;
        QTest::newRow("empty port") << "tcp::80" << false;
        QTest::newRow("spaces") << "tcp: 8080:80" << false;
        QTest::newRow("empty") << "" << false;
    }
    void forwardParse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto forward = parsePortForward(text.toStdString());
        QCOMPARE(forward.has_value(), ok);
        if (ok)
            QCOMPARE(QString::fromStdString(forward->toString()), text);
        else
            QCOMPARE(forward.error().code, EINVAL);
    }

    void forwardFields()
    {
        const auto forward = parsePortForward("udp:127.0.0.1:5353:53");
        QCOMPARE(forward->protocol, PortForward::Protocol::Udp);
        QCOMPARE(forward->hostAddress->toString(), std::string("127.0.0.1"));
        QCOMPARE(forward->hostPort, 5353);
        QCOMPARE(forward->containerPort, 53);
        QVERIFY(!parsePortForward("tcp:8080:80")->hostAddress);
    }

    void forwardsFromConfig_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("error");
        QTest::newRow("none") << "lxc.uts.name = a\n" << QStringList{} << "";
        QTest::newRow("several")
            << "berth.net.forward = tcp:8080:80\nberth.net.forward = udp:8080:80\n"
               "berth.net.forward = tcp:10.1.1.1:443:443\nberth.net.forward = tcp:10.1.1.2:443:8443\n"
            << QStringList{"tcp:8080:80", "udp:8080:80", "tcp:10.1.1.1:443:443", "tcp:10.1.1.2:443:8443"} << "";
        QTest::newRow("cleared")
            << "berth.net.forward = tcp:8080:80\nberth.net.forward =\nberth.net.forward = tcp:8081:80\n"
            << QStringList{"tcp:8081:80"} << "";
        QTest::newRow("duplicate") << "berth.net.forward = tcp:8080:80\nberth.net.forward = tcp:8080:81\n"
                                   << QStringList{}
                                   << "config:2: berth.net.forward: tcp port 8080 is already forwarded (config:1)";
        QTest::newRow("any vs address") << "berth.net.forward = tcp:1.2.3.4:8080:80\nberth.net.forward = tcp:8080:81\n"
                                        << QStringList{}
                                        << "config:2: berth.net.forward: tcp port 8080 is already forwarded (config:1)";
        QTest::newRow("bad value") << "lxc.uts.name = a\nberth.net.forward = tcp:8080:0\n"
                                   << QStringList{}
                                   << "config:2: berth.net.forward: port '0' is not a number in 1..65535";
    }
    void forwardsFromConfig()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, values);
        QFETCH(QString, error);
        const auto forwards = portForwardsFromConfig(config(text));
        QCOMPARE(forwards.has_value(), error.isEmpty());
        if (!forwards) {
            QCOMPARE(QString::fromStdString(forwards.error().message), error);
            return;
        }
        QStringList got;
        for (const PortForward& forward : *forwards)
            got << QString::fromStdString(forward.toString());
        QCOMPARE(got, values);
    }
};

QTEST_APPLESS_MAIN(TestNetSpec)
#include "test_net_spec.moc"
