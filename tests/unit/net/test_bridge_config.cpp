// Bridge configs: the .conf format, validation, default subnet selection.
#include "net/bridge_config.h"

#include <QtTest>

using namespace berth::net;

namespace {

Ipv4Cidr cidr(const char* text)
{
    return *Ipv4Cidr::parse(text);
}

BridgeConfig bridge(const char* name, const char* gateway, const char* range)
{
    BridgeConfig b;
    b.name = name;
    b.gateway = cidr(gateway);
    b.dhcpRange = *Ipv4Range::parse(range);
    return b;
}

std::vector<Ipv4Cidr> cidrs(const QStringList& texts)
{
    std::vector<Ipv4Cidr> out;
    for (const QString& text : texts)
        out.push_back(*Ipv4Cidr::parse(text.toStdString()));
    return out;
}

std::vector<HostNetwork> hosts(const QStringList& texts)
{
    std::vector<HostNetwork> out;
    for (const Ipv4Cidr& c : cidrs(texts))
        out.emplace_back(c);
    return out;
}

} // namespace

class TestBridgeConfig : public QObject {
    Q_OBJECT
private slots:
    void parseFull()
    {
        const auto parsed = parseBridgeConfig("# Berth bridge\n"
                                              "name = br-test\n"
                                              "\n"
                                              "ipv4.address = 10.0.9.1/24\n"
                                              "ipv4.dhcp_range=10.0.9.10-10.0.9.99\n"
                                              "  ipv4.nat = 0  \n"
                                              "dns.domain = lab.example\n"
                                              "mtu = 1400\n"
                                              "ipv6.address = fd00:1::1/64\n");
        QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
        BridgeConfig expected = bridge("br-test", "10.0.9.1/24", "10.0.9.10-10.0.9.99");
        expected.nat = false;
        expected.domain = "lab.example";
        expected.mtu = 1400;
        expected.ipv6Prefix = "fd00:1::1/64";
        QVERIFY(*parsed == expected);
        QVERIFY(validateBridge(*parsed, {}, {}));
    }

    void roundTrip()
    {
        BridgeConfig b = bridge("berthbr0", "10.0.3.1/24", "10.0.3.2-10.0.3.199");
        const std::string text = serializeBridgeConfig(b);
        QCOMPARE(QString::fromStdString(text), QStringLiteral("name = berthbr0\n"
                                                              "ipv4.address = 10.0.3.1/24\n"
                                                              "ipv4.dhcp_range = 10.0.3.2-10.0.3.199\n"
                                                              "ipv4.nat = 1\n"
                                                              "dns.domain = berth\n"));
        QVERIFY(*parseBridgeConfig(text) == b);
        b.mtu = 9000;
        b.nat = false;
        b.ipv6Prefix = "fd42::1/64";
        QVERIFY(*parseBridgeConfig(serializeBridgeConfig(b)) == b);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        const QString base = "name = br0\nipv4.address = 10.0.3.1/24\nipv4.dhcp_range = 10.0.3.2-10.0.3.9\n";
        QTest::newRow("unknown key") << base + "ipv4.routes = x\n"
                                     << "br0.conf:4: unknown key 'ipv4.routes'";
        QTest::newRow("repeated") << base + "name = br1\n"
                                  << "br0.conf:4: name is given twice";
        QTest::newRow("no equals") << "name br0\n"
                                   << "br0.conf:1: expected 'key = value': 'name br0'";
        QTest::newRow("bad address")
            << "name = br0\nipv4.address = 10.0.3.1\n"
            << "br0.conf:2: ipv4.address: '10.0.3.1' is not an IPv4 address with a prefix length (a.b.c.d/n)";
        QTest::newRow("bad range")
            << "ipv4.dhcp_range = 10.0.3.9-10.0.3.2\n"
            << "br0.conf:1: ipv4.dhcp_range: IPv4 range '10.0.3.9-10.0.3.2' ends before it starts";
        QTest::newRow("bad nat") << "ipv4.nat = yes\n"
                                 << "br0.conf:1: ipv4.nat: ";
        QTest::newRow("bad mtu") << "mtu = 1500x\n"
                                 << "br0.conf:1: mtu: ";
        QTest::newRow("missing range") << "name = br0\nipv4.address = 10.0.3.1/24\n"
                                       << "br0.conf: ipv4.dhcp_range is missing";
        QTest::newRow("missing name") << "ipv4.address = 10.0.3.1/24\nipv4.dhcp_range = 10.0.3.2-10.0.3.9\n"
                                      << "br0.conf: name is missing";
    }
    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto parsed = parseBridgeConfig(text.toStdString(), "br0.conf");
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, EINVAL);
        QVERIFY2(QString::fromStdString(parsed.error().message).startsWith(message), parsed.error().message.c_str());
    }

    void validate_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("default") << "berthbr0"
                                 << "10.0.3.1/24"
                                 << "10.0.3.2-10.0.3.199"
                                 << "";
        QTest::newRow("gateway at end") << "br0"
                                        << "10.0.3.254/24"
                                        << "10.0.3.1-10.0.3.253"
                                        << "";
        QTest::newRow("/30") << "br0"
                             << "10.0.3.1/30"
                             << "10.0.3.2-10.0.3.2"
                             << "";
        QTest::newRow("/8") << "br0"
                            << "10.0.0.1/8"
                            << "10.0.0.2-10.255.255.254"
                            << "";
        QTest::newRow("15 bytes") << "abcdefghijklmno"
                                  << "10.0.3.1/24"
                                  << "10.0.3.2-10.0.3.9"
                                  << "";
        QTest::newRow("16 bytes") << "abcdefghijklmnop"
                                  << "10.0.3.1/24"
                                  << "10.0.3.2-10.0.3.9"
                                  << "bridge name 'abcdefghijklmnop' is longer than 15 bytes";
        QTest::newRow("slash") << "br/0"
                               << "10.0.3.1/24"
                               << "10.0.3.2-10.0.3.9"
                               << "bridge name 'br/0' may only contain letters, digits, '_', '.' and '-'";
        QTest::newRow("space") << "br 0"
                               << "10.0.3.1/24"
                               << "10.0.3.2-10.0.3.9"
                               << "bridge name 'br 0' may only contain";
        QTest::newRow("dotdot") << ".."
                                << "10.0.3.1/24"
                                << "10.0.3.2-10.0.3.9"
                                << "bridge name '..' is not a usable name";
        QTest::newRow("empty name") << ""
                                    << "10.0.3.1/24"
                                    << "10.0.3.2-10.0.3.9"
                                    << "bridge name '' is empty";
        QTest::newRow("/31") << "br0"
                             << "10.0.3.1/31"
                             << "10.0.3.0-10.0.3.0"
                             << "bridge address 10.0.3.1/31: the prefix length must be 8..30";
        QTest::newRow("/7") << "br0"
                            << "10.0.3.1/7"
                            << "10.0.3.2-10.0.3.9"
                            << "bridge address 10.0.3.1/7: the prefix length must be 8..30";
        QTest::newRow("gw network") << "br0"
                                    << "10.0.3.0/24"
                                    << "10.0.3.2-10.0.3.9"
                                    << "bridge address 10.0.3.0/24 is the network or broadcast address of 10.0.3.0/24";
        QTest::newRow("gw broadcast")
            << "br0"
            << "10.0.3.255/24"
            << "10.0.3.2-10.0.3.9"
            << "bridge address 10.0.3.255/24 is the network or broadcast address of 10.0.3.0/24";
        QTest::newRow("range outside") << "br0"
                                       << "10.0.3.1/24"
                                       << "10.0.4.2-10.0.4.9"
                                       << "DHCP range 10.0.4.2-10.0.4.9 is outside the subnet 10.0.3.0/24";
        QTest::newRow("range half outside") << "br0"
                                            << "10.0.3.1/24"
                                            << "10.0.3.200-10.0.4.9"
                                            << "DHCP range 10.0.3.200-10.0.4.9 is outside the subnet 10.0.3.0/24";
        QTest::newRow("range covers gw") << "br0"
                                         << "10.0.3.100/24"
                                         << "10.0.3.2-10.0.3.199"
                                         << "DHCP range 10.0.3.2-10.0.3.199 covers the bridge address 10.0.3.100";
        QTest::newRow("range network")
            << "br0"
            << "10.0.3.1/24"
            << "10.0.3.0-10.0.3.0"
            << "DHCP range 10.0.3.0-10.0.3.0 covers the network or broadcast address of 10.0.3.0/24";
        QTest::newRow("range broadcast") << "br0"
                                         << "10.0.3.1/24"
                                         << "10.0.3.2-10.0.3.255"
                                         << "DHCP range 10.0.3.2-10.0.3.255 covers the network or broadcast address";
    }
    void validate()
    {
        QFETCH(QString, name);
        QFETCH(QString, gateway);
        QFETCH(QString, range);
        QFETCH(QString, error);
        BridgeConfig b = bridge("", gateway.toStdString().c_str(), range.toStdString().c_str());
        b.name = name.toStdString();
        const berth::Status status = validateBridge(b, {}, {});
        QCOMPARE(status.has_value(), error.isEmpty());
        if (!status) {
            QCOMPARE(status.error().code, EINVAL);
            QVERIFY2(QString::fromStdString(status.error().message).startsWith(error), status.error().message.c_str());
        }
    }

    void validateFields_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<uint>("mtu");
        QTest::addColumn<QString>("ipv6");
        QTest::addColumn<bool>("ok");
        QTest::newRow("defaults") << "berth" << 0u << "" << true;
        QTest::newRow("dotted domain") << "lab.example-1.org" << 1500u << "fd00::1/64" << true;
        QTest::newRow("domain slash") << "a/b" << 0u << "" << false;
        QTest::newRow("domain comma") << "a,b" << 0u << "" << false;
        QTest::newRow("domain empty") << "" << 0u << "" << false;
        QTest::newRow("domain dot end") << "berth." << 0u << "" << false;
        QTest::newRow("domain space") << "my lab" << 0u << "" << false;
        QTest::newRow("mtu 67") << "berth" << 67u << "" << false;
        QTest::newRow("mtu 68") << "berth" << 68u << "" << true;
        QTest::newRow("mtu 65536") << "berth" << 65536u << "" << false;
        QTest::newRow("ipv6 no prefix") << "berth" << 0u << "fd00::1" << false;
        QTest::newRow("ipv6 /129") << "berth" << 0u << "fd00::1/129" << false;
        QTest::newRow("ipv6 junk") << "berth" << 0u << "fd00::g/64" << false;
    }
    void validateFields()
    {
        QFETCH(QString, domain);
        QFETCH(uint, mtu);
        QFETCH(QString, ipv6);
        QFETCH(bool, ok);
        BridgeConfig b = bridge("br0", "10.0.3.1/24", "10.0.3.2-10.0.3.199");
        b.domain = domain.toStdString();
        b.mtu = mtu;
        b.ipv6Prefix = ipv6.toStdString();
        const berth::Status status = validateBridge(b, {}, {});
        QCOMPARE(status.has_value(), ok);
        if (!ok)
            QCOMPARE(status.error().code, EINVAL);
    }

    void validateOverlaps_data()
    {
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QStringList>("host");
        QTest::addColumn<QString>("error");
        QTest::newRow("free") << "10.0.9.1/24" << QStringList{"192.168.1.0/24", "0.0.0.0/0"} << "";
        QTest::newRow("other bridge") << "10.0.4.1/24" << QStringList{}
                                      << "subnet 10.0.4.0/24 overlaps 10.0.4.0/22 of bridge 'lab'";
        QTest::newRow("inside other") << "10.0.6.1/24" << QStringList{}
                                      << "subnet 10.0.6.0/24 overlaps 10.0.4.0/22 of bridge 'lab'";
        QTest::newRow("host address") << "192.168.1.1/24" << QStringList{"192.168.1.20/24"}
                                      << "subnet 192.168.1.0/24 overlaps the host network 192.168.1.20/24";
        QTest::newRow("host route") << "172.16.9.1/24" << QStringList{"172.16.0.0/12"}
                                    << "subnet 172.16.9.0/24 overlaps the host network 172.16.0.0/12";
        QTest::newRow("host /32") << "10.0.9.1/24" << QStringList{"10.0.9.77/32"}
                                  << "subnet 10.0.9.0/24 overlaps the host network 10.0.9.77/32";
    }
    void validateOverlaps()
    {
        QFETCH(QString, gateway);
        QFETCH(QStringList, host);
        QFETCH(QString, error);
        const std::string gw = gateway.toStdString();
        const Ipv4Cidr c = cidr(gw.c_str());
        BridgeConfig b;
        b.name = "br0";
        b.gateway = c;
        b.dhcpRange = Ipv4Range{Ipv4Address{c.network().value + 2}, Ipv4Address{c.network().value + 9}};
        const std::vector<BridgeConfig> others{bridge("lab", "10.0.4.1/22", "10.0.4.2-10.0.4.9"),
                                               // Its old self (same name) is skipped.
                                               bridge("br0", gw.c_str(), "10.0.9.2-10.0.9.9")};
        const berth::Status status = validateBridge(b, others, hosts(host));
        QCOMPARE(status.has_value(), error.isEmpty());
        if (!status) {
            QCOMPARE(status.error().code, EINVAL);
            QCOMPARE(QString::fromStdString(status.error().message), error);
        }
    }

    void defaultSubnet_data()
    {
        QTest::addColumn<QStringList>("inUse");
        QTest::addColumn<QString>("gateway");
        QTest::newRow("nothing") << QStringList{} << "10.0.3.1/24";
        QTest::newRow("default route only") << QStringList{"0.0.0.0/0"} << "10.0.3.1/24";
        QTest::newRow("home lan") << QStringList{"0.0.0.0/0", "192.168.1.0/24", "192.168.1.34/32"} << "10.0.3.1/24";
        QTest::newRow("lxcbr0 and a /22") << QStringList{"10.0.3.0/24", "10.0.4.0/22"} << "10.0.8.1/24";
        QTest::newRow("host address in 3") << QStringList{"10.0.3.200/32"} << "10.0.4.1/24";
        QTest::newRow("lower blocks free") << QStringList{"10.0.0.0/23"} << "10.0.3.1/24";
        QTest::newRow("10.0/16 taken") << QStringList{"10.0.0.0/16"} << "";
        QTest::newRow("10/8 vpn") << QStringList{"10.0.0.0/8"} << "";
    }
    void defaultSubnet()
    {
        QFETCH(QStringList, inUse);
        QFETCH(QString, gateway);
        const auto made = defaultBridge("berthbr0", cidrs(inUse));
        QCOMPARE(made.has_value(), !gateway.isEmpty());
        if (!made) {
            QCOMPARE(made.error().code, ENOSPC);
            return;
        }
        QCOMPARE(QString::fromStdString(made->gateway.toString()), gateway);
        const std::uint32_t base = made->gateway.network().value;
        QVERIFY(made->dhcpRange == (Ipv4Range{Ipv4Address{base + 2}, Ipv4Address{base + 199}}));
        QVERIFY(made->nat);
        QCOMPARE(QString::fromStdString(made->name), QStringLiteral("berthbr0"));
        // What it picks must pass its own validation against the same networks.
        const berth::Status valid = validateBridge(*made, {}, hosts(inUse));
        QVERIFY2(valid, valid ? "" : valid.error().message.c_str());
    }

    void defaultBadName()
    {
        const auto made = defaultBridge("a/b", {});
        QVERIFY(!made);
        QCOMPARE(made.error().code, EINVAL);
    }
};

QTEST_APPLESS_MAIN(TestBridgeConfig)
#include "test_bridge_config.moc"
