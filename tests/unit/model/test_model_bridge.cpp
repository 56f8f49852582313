// model/bridge.h: the bridge checks the wizard shows as the user types and
// the helper enforces (rows formerly in tests/gui/test_network_pure.cpp),
// the MTU edges, and the change a bridge edit sends.
#include "berth/model/bridge.h"

#include <QtTest>

#include <vector>

using namespace berth::model;

Q_DECLARE_METATYPE(BridgeProblem)

namespace {
std::string std8(const QString& s)
{
    return s.toStdString();
}
Ipv4Cidr cidr(const QString& text)
{
    return Ipv4Cidr::parse(std8(text)).value();
}
Ipv4Address address(const char* text)
{
    return Ipv4Address::parse(text).value();
}
QString str(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

class TestModelBridge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void subnet_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("others");
        QTest::addColumn<BridgeProblem>("problem");
        const QStringList none;
        const QStringList lxcbr{QStringLiteral("10.0.3.1/24")};
        QTest::newRow("free /24") << "10.0.5.0/24" << lxcbr << BridgeProblem::None;
        QTest::newRow("/16") << "172.20.0.0/16" << lxcbr << BridgeProblem::None;
        QTest::newRow("/30 smallest") << "192.168.9.4/30" << none << BridgeProblem::None;
        QTest::newRow("/8 largest") << "10.0.0.0/8" << none << BridgeProblem::None;
        QTest::newRow("no prefix") << "10.0.5.0" << none << BridgeProblem::NotCidr;
        QTest::newRow("prefix not a number") << "10.0.5.0/x" << none << BridgeProblem::NotCidr;
        QTest::newRow("prefix 33") << "10.0.5.0/33" << none << BridgeProblem::NotCidr;
        QTest::newRow("bad address") << "10.0.500.0/24" << none << BridgeProblem::NotCidr;
        QTest::newRow("empty") << "" << none << BridgeProblem::NotCidr;
        QTest::newRow("/31 too small") << "10.0.5.0/31" << none << BridgeProblem::PrefixLength;
        QTest::newRow("/7 too large") << "10.0.0.0/7" << none << BridgeProblem::PrefixLength;
        QTest::newRow("host bits") << "10.0.5.1/24" << none << BridgeProblem::HostBits;
        QTest::newRow("host bits /16") << "172.20.1.0/16" << none << BridgeProblem::HostBits;
        QTest::newRow("same subnet") << "10.0.3.0/24" << lxcbr << BridgeProblem::Overlap;
        QTest::newRow("contains another") << "10.0.0.0/16" << lxcbr << BridgeProblem::Overlap;
        QTest::newRow("inside another") << "10.0.3.128/25" << lxcbr << BridgeProblem::Overlap;
        QTest::newRow("neighbour") << "10.0.4.0/24" << lxcbr << BridgeProblem::None;
        // The blocks the helper refuses too (model/reserved_networks.h).
        QTest::newRow("loopback") << "127.0.0.0/8" << none << BridgeProblem::Reserved;
        QTest::newRow("inside loopback") << "127.0.5.0/24" << none << BridgeProblem::Reserved;
        QTest::newRow("link-local") << "169.254.0.0/16" << none << BridgeProblem::Reserved;
        QTest::newRow("multicast") << "224.0.1.0/24" << none << BridgeProblem::Reserved;
        QTest::newRow("zero block") << "0.0.0.0/8" << none << BridgeProblem::Reserved;
        QTest::newRow("class E") << "240.0.0.0/8" << none << BridgeProblem::Reserved;
        QTest::newRow("beside link-local") << "169.253.0.0/16" << none << BridgeProblem::None;
    }
    void subnet()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, others);
        QFETCH(BridgeProblem, problem);
        std::vector<Ipv4Cidr> used;
        for (const QString& other : others)
            used.push_back(cidr(other));
        QCOMPARE(checkSubnet(std8(text), used), problem);
    }

    void gateway_data()
    {
        QTest::addColumn<QString>("subnet");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<BridgeProblem>("problem");
        QTest::newRow(".1") << "10.0.5.0/24"
                            << "10.0.5.1" << BridgeProblem::None;
        QTest::newRow(".254") << "10.0.5.0/24"
                              << "10.0.5.254" << BridgeProblem::None;
        QTest::newRow("network") << "10.0.5.0/24"
                                 << "10.0.5.0" << BridgeProblem::NetworkOrBroadcast;
        QTest::newRow("broadcast") << "10.0.5.0/24"
                                   << "10.0.5.255" << BridgeProblem::NetworkOrBroadcast;
        QTest::newRow("outside") << "10.0.5.0/24"
                                 << "10.0.6.1" << BridgeProblem::OutsideSubnet;
        QTest::newRow("not an address") << "10.0.5.0/24"
                                        << "10.0.5" << BridgeProblem::NotAddress;
        QTest::newRow("with prefix") << "10.0.5.0/24"
                                     << "10.0.5.1/24" << BridgeProblem::NotAddress;
    }
    void gateway()
    {
        QFETCH(QString, subnet);
        QFETCH(QString, gateway);
        QFETCH(BridgeProblem, problem);
        QCOMPARE(checkGateway(cidr(subnet), std8(gateway)), problem);
    }

    void range_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<BridgeProblem>("problem");
        // In 10.0.5.0/24 with the bridge on 10.0.5.1.
        QTest::newRow("default") << "10.0.5.2"
                                 << "10.0.5.199" << BridgeProblem::None;
        QTest::newRow("one address") << "10.0.5.50"
                                     << "10.0.5.50" << BridgeProblem::None;
        QTest::newRow("to .254") << "10.0.5.2"
                                 << "10.0.5.254" << BridgeProblem::None;
        QTest::newRow("reversed") << "10.0.5.199"
                                  << "10.0.5.2" << BridgeProblem::Reversed;
        QTest::newRow("end outside") << "10.0.5.2"
                                     << "10.0.6.10" << BridgeProblem::OutsideSubnet;
        QTest::newRow("start outside") << "10.0.4.200"
                                       << "10.0.5.10" << BridgeProblem::OutsideSubnet;
        QTest::newRow("gateway in range") << "10.0.5.1"
                                          << "10.0.5.100" << BridgeProblem::CoversGateway;
        QTest::newRow("gateway inside") << "10.0.5.0"
                                        << "10.0.5.100" << BridgeProblem::NetworkOrBroadcast;
        QTest::newRow("to broadcast") << "10.0.5.2"
                                      << "10.0.5.255" << BridgeProblem::NetworkOrBroadcast;
        QTest::newRow("bad start") << "10.0.5"
                                   << "10.0.5.100" << BridgeProblem::NotAddress;
        QTest::newRow("empty end") << "10.0.5.2"
                                   << "" << BridgeProblem::NotAddress;
    }
    void range()
    {
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(BridgeProblem, problem);
        QCOMPARE(checkDhcpRange(cidr("10.0.5.0/24"), address("10.0.5.1"), std8(first), std8(last)), problem);
    }

    void gatewayInsideRange()
    {
        // A bridge address in the middle of the range (not at .1).
        QCOMPARE(checkDhcpRange(cidr("10.0.5.0/24"), address("10.0.5.100"), "10.0.5.2", "10.0.5.199"),
                 BridgeProblem::CoversGateway);
    }

    void suggestedDefaults_data()
    {
        QTest::addColumn<QString>("subnet");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("range");
        QTest::newRow("/24") << "10.0.5.0/24"
                             << "10.0.5.1"
                             << "10.0.5.2-10.0.5.199";
        QTest::newRow("/16") << "172.20.0.0/16"
                             << "172.20.0.1"
                             << "172.20.0.2-172.20.0.199";
        QTest::newRow("/26") << "10.0.5.64/26"
                             << "10.0.5.65"
                             << "10.0.5.66-10.0.5.126";
        QTest::newRow("/30") << "10.0.5.4/30"
                             << "10.0.5.5"
                             << "10.0.5.6-10.0.5.6";
    }
    void suggestedDefaults()
    {
        QFETCH(QString, subnet);
        QFETCH(QString, gateway);
        QFETCH(QString, range);
        const Ipv4Cidr parsed = cidr(subnet);
        QCOMPARE(str(suggestedGateway(parsed).toString()), gateway);
        QCOMPARE(str(suggestedRange(parsed).toString()), range);
        const auto ends = Ipv4Range::parse(std8(range)).value();
        QCOMPARE(checkDhcpRange(parsed, suggestedGateway(parsed), ends.first.toString(), ends.last.toString()),
                 BridgeProblem::None);
    }

    void name_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<BridgeProblem>("problem");
        QTest::newRow("plain") << "berth1" << BridgeProblem::None;
        QTest::newRow("one character") << "b" << BridgeProblem::None;
        QTest::newRow("15 characters") << "abcdefghijklmno" << BridgeProblem::None;
        QTest::newRow("all kinds") << "Br_0.lan-x" << BridgeProblem::None;
        QTest::newRow("underscore first") << "_br" << BridgeProblem::None;
        QTest::newRow("16 characters") << "abcdefghijklmnop" << BridgeProblem::TooLong;
        QTest::newRow("empty") << "" << BridgeProblem::Empty;
        QTest::newRow("dash first") << "-br" << BridgeProblem::BadStart;
        QTest::newRow("dot") << "." << BridgeProblem::BadStart;
        QTest::newRow("dot dot") << ".." << BridgeProblem::BadStart;
        QTest::newRow("slash") << "br/0" << BridgeProblem::BadCharacter;
        QTest::newRow("space") << "br 0" << BridgeProblem::BadCharacter;
        QTest::newRow("colon") << "br:0" << BridgeProblem::BadCharacter;
        QTest::newRow("non-ASCII") << QString::fromUtf8("brü") << BridgeProblem::BadCharacter;
        QTest::newRow("taken") << "lxcbr0" << BridgeProblem::Taken;
    }
    void name()
    {
        QFETCH(QString, name);
        QFETCH(BridgeProblem, problem);
        const std::vector<std::string> taken{"lxcbr0"};
        QCOMPARE(checkBridgeName(name.toUtf8().toStdString(), taken), problem);
    }

    void domain_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty: the default") << "" << true;
        QTest::newRow("one label") << "berth" << true;
        QTest::newRow("dotted") << "lab.example-1.org" << true;
        QTest::newRow("253 characters") << QString(253, QLatin1Char('a')) << true;
        QTest::newRow("254 characters") << QString(254, QLatin1Char('a')) << false;
        QTest::newRow("capitals") << "Berth" << false;
        QTest::newRow("leading dot") << ".lan" << false;
        QTest::newRow("trailing dot") << "lan." << false;
        QTest::newRow("double dot") << "a..b" << false;
        QTest::newRow("underscore") << "my_lan" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("newline") << "a\nserver=1.2.3.4" << false;
    }
    void domain()
    {
        QFETCH(QString, domain);
        QFETCH(bool, valid);
        QCOMPARE(checkDomain(std8(domain)) == BridgeProblem::None, valid);
    }

    void mtu_data()
    {
        QTest::addColumn<uint>("mtu");
        QTest::addColumn<bool>("valid");
        QTest::newRow("0: the default") << 0u << true;
        QTest::newRow("1") << 1u << false;
        QTest::newRow("67") << 67u << false;
        QTest::newRow("68") << 68u << true;
        QTest::newRow("1500") << 1500u << true;
        QTest::newRow("65535") << 65535u << true;
        QTest::newRow("65536") << 65536u << false;
    }
    void mtu()
    {
        QFETCH(uint, mtu);
        QFETCH(bool, valid);
        QCOMPARE(checkMtu(mtu), valid ? BridgeProblem::None : BridgeProblem::Mtu);
    }

    void diffSetsOnlyWhatDiffers()
    {
        const BridgeSettings before{cidr("10.0.5.1/24"), Ipv4Range::parse("10.0.5.2-10.0.5.199").value(), true, "berth",
                                    0};
        QVERIFY(diff(before, before).empty());

        BridgeSettings mtuOnly = before;
        mtuOnly.mtu = 1400;
        QCOMPARE(diff(before, mtuOnly), (BridgeChange{{}, {}, {}, {}, 1400u}));

        BridgeSettings natOff = before;
        natOff.nat = false;
        QCOMPARE(diff(before, natOff), (BridgeChange{{}, {}, false, {}, {}}));

        BridgeSettings domain = before;
        domain.domain = "lab";
        QCOMPARE(diff(before, domain), (BridgeChange{{}, {}, {}, std::string("lab"), {}}));

        BridgeSettings moved = before;
        moved.address = cidr("10.0.6.1/24");
        moved.dhcpRange = Ipv4Range::parse("10.0.6.2-10.0.6.199").value();
        QCOMPARE(diff(before, moved), (BridgeChange{moved.address, moved.dhcpRange, {}, {}, {}}));

        // An address or range left unset is kept, not cleared.
        BridgeSettings unset = before;
        unset.address.reset();
        unset.dhcpRange.reset();
        QVERIFY(diff(before, unset).empty());
    }

    void wireKeys()
    {
        QCOMPARE(bridge_keys::kAddress, std::string_view("address"));
        QCOMPARE(bridge_keys::kDhcpRange, std::string_view("dhcpRange"));
        QCOMPARE(bridge_keys::kNat, std::string_view("nat"));
        QCOMPARE(bridge_keys::kDomain, std::string_view("domain"));
        QCOMPARE(bridge_keys::kMtu, std::string_view("mtu"));
    }
};

QTEST_GUILESS_MAIN(TestModelBridge)
#include "test_model_bridge.moc"
