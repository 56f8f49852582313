// The subnets a bridge may not take: reserved blocks (model/reserved_networks.h)
// whoever asks, and any network the host already routes or addresses, with
// refusals that name the block, or the host's route and its device.
#include "berth/model/reserved_networks.h"
#include "net/bridge_config.h"

#include <QtTest>

using namespace berth::net;

namespace {

BridgeConfig bridgeOn(const std::string& gateway)
{
    const Ipv4Cidr c = *Ipv4Cidr::parse(gateway);
    BridgeConfig b;
    b.name = "br0";
    b.gateway = c;
    b.dhcpRange = Ipv4Range{Ipv4Address{c.network().value + 2}, Ipv4Address{c.network().value + 3}};
    return b;
}

} // namespace

class TestSubnetRules : public QObject {
    Q_OBJECT
private slots:
    void reservedBlocks_data()
    {
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("block"); // empty: allowed
        QTest::newRow("loopback /8") << "127.0.0.1/8"
                                     << "127.0.0.0/8";
        QTest::newRow("inside loopback") << "127.1.2.1/24"
                                         << "127.0.0.0/8";
        QTest::newRow("link-local /16") << "169.254.0.1/16"
                                        << "169.254.0.0/16";
        QTest::newRow("inside link-local") << "169.254.9.1/24"
                                           << "169.254.0.0/16";
        QTest::newRow("multicast") << "224.0.0.1/24"
                                   << "224.0.0.0/4";
        QTest::newRow("top of multicast") << "239.255.255.1/30"
                                          << "224.0.0.0/4";
        QTest::newRow("zero block") << "0.0.0.1/8"
                                    << "0.0.0.0/8";
        QTest::newRow("class E") << "240.0.0.1/24"
                                 << "240.0.0.0/4";
        QTest::newRow("near broadcast") << "255.255.255.249/30"
                                        << "240.0.0.0/4";
        QTest::newRow("private 10/8") << "10.0.5.1/24"
                                      << "";
        QTest::newRow("private 172.16/12") << "172.16.0.1/12"
                                           << "";
        QTest::newRow("private 192.168/16") << "192.168.7.1/24"
                                            << "";
        QTest::newRow("below link-local") << "169.253.255.1/24"
                                          << "";
        QTest::newRow("above loopback") << "128.0.0.1/8"
                                        << "";
        QTest::newRow("below multicast") << "223.255.255.1/24"
                                         << "";
    }
    void reservedBlocks()
    {
        QFETCH(QString, gateway);
        QFETCH(QString, block);
        const berth::Status status = validateBridge(bridgeOn(gateway.toStdString()), {}, {});
        QCOMPARE(status.has_value(), block.isEmpty());
        if (!status) {
            QCOMPARE(status.error().code, EINVAL);
            const QString message = QString::fromStdString(status.error().message);
            QVERIFY2(message.contains(QStringLiteral("overlaps ") + block + QStringLiteral(" (")), qPrintable(message));
        }
    }

    void overlapIsSymmetric()
    {
        // A block inside a subnet and a subnet inside a block both overlap.
        QVERIFY(berth::model::reservedIpv4Overlap(0x7f000000u, 8));
        QVERIFY(berth::model::reservedIpv4Overlap(0x7f7f7f00u, 24));
        QVERIFY(berth::model::reservedIpv4Overlap(0x00000000u, 0));  // everything covers them all
        QVERIFY(berth::model::reservedIpv4Overlap(0xffffffffu, 32)); // the broadcast address
        QVERIFY(!berth::model::reservedIpv4Overlap(0x0a000000u, 8));
        QCOMPARE(berth::model::reservedIpv4Blocks().size(), std::size_t(5));
    }

    void hostNetworksAreNamed_data()
    {
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("error");
        QTest::newRow("free") << "10.0.9.1/24"
                              << "";
        QTest::newRow("the LAN's own subnet")
            << "192.168.1.1/24"
            << "subnet 192.168.1.0/24 overlaps the host's address 192.168.1.0/24 on 'eth0'";
        QTest::newRow("a VPN's route") << "172.16.9.1/24"
                                       << "subnet 172.16.9.0/24 overlaps the host's route 172.16.0.0/12 on 'wg0'";
        QTest::newRow("a /32 route") << "10.0.8.1/24"
                                     << "subnet 10.0.8.0/24 overlaps the host's route 10.0.8.77/32 on 'tun0'";
    }
    void hostNetworksAreNamed()
    {
        QFETCH(QString, gateway);
        QFETCH(QString, error);
        const std::vector<HostNetwork> host{
            {*Ipv4Cidr::parse("0.0.0.0/0"), "eth0", true}, // a default route claims nothing
            {*Ipv4Cidr::parse("192.168.1.0/24"), "eth0", false},
            {*Ipv4Cidr::parse("172.16.0.0/12"), "wg0", true},
            {*Ipv4Cidr::parse("10.0.8.77/32"), "tun0", true},
        };
        const berth::Status status = validateBridge(bridgeOn(gateway.toStdString()), {}, host);
        QCOMPARE(status.has_value(), error.isEmpty());
        if (!status)
            QCOMPARE(QString::fromStdString(status.error().message), error);
    }
};

QTEST_APPLESS_MAIN(TestSubnetRules)
#include "test_subnet_rules.moc"
