// The Network area's pure parts, table-tested against the engine's rules:
// IPv4 parsing, subnets and ranges, the free-subnet suggestion, bridge
// names and domains, port forwards, and the lxc.net.N reader.
#include "bridge_checks.h"
#include "forward_spec.h"
#include "ipv4_net.h"
#include "lxc_net_config.h"

#include <QtTest>

using namespace berth::gui;

Q_DECLARE_METATYPE(BridgeProblem)

namespace {

Ipv4Cidr cidr(const char* text)
{
    return parseIpv4Cidr(QString::fromLatin1(text)).value();
}

} // namespace

class TestNetworkPure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ipv4_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("plain") << "10.0.3.1" << true << "10.0.3.1";
        QTest::newRow("zeros") << "0.0.0.0" << true << "0.0.0.0";
        QTest::newRow("top") << "255.255.255.255" << true << "255.255.255.255";
        QTest::newRow("octet too big") << "10.0.256.1" << false << "";
        QTest::newRow("leading zero is octal to inet_aton") << "10.0.03.1" << false << "";
        QTest::newRow("three octets") << "10.0.3" << false << "";
        QTest::newRow("five octets") << "10.0.3.1.5" << false << "";
        QTest::newRow("empty octet") << "10..3.1" << false << "";
        QTest::newRow("sign") << "10.0.+3.1" << false << "";
        QTest::newRow("space") << "10.0.3.1 " << false << "";
        QTest::newRow("empty") << "" << false << "";
    }
    void ipv4()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, normalised);
        const auto parsed = parseIpv4(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(ipv4ToString(*parsed), normalised);
    }

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
        QList<Ipv4Cidr> used;
        for (const QString& other : others)
            used << parseIpv4Cidr(other).value();
        QCOMPARE(checkSubnet(text, used), problem);
        QCOMPARE(bridgeProblemText(problem).isEmpty(), problem == BridgeProblem::None);
    }

    void suggestion_data()
    {
        QTest::addColumn<QStringList>("used");
        QTest::addColumn<QString>("suggested");
        QTest::newRow("nothing used") << QStringList() << "10.0.3.0/24";
        QTest::newRow("lxcbr0 taken") << QStringList{"10.0.3.1/24"} << "10.0.4.0/24";
        QTest::newRow("gap") << QStringList{"10.0.3.1/24", "10.0.5.1/24"} << "10.0.4.0/24";
        QTest::newRow("a /23 covers two") << QStringList{"10.0.4.1/23"} << "10.0.3.0/24";
        QTest::newRow("a /22 from 3") << QStringList{"10.0.0.1/22", "10.0.4.1/24"} << "10.0.5.0/24";
        QTest::newRow("other ranges ignored") << QStringList{"192.168.3.1/24", "10.1.3.1/24"} << "10.0.3.0/24";
        QTest::newRow("all of 10/8 taken") << QStringList{"10.0.0.1/8"} << "";
        QTest::newRow("a /0 default route is no subnet") << QStringList{"0.0.0.0/0"} << "10.0.3.0/24";
    }
    void suggestion()
    {
        QFETCH(QStringList, used);
        QFETCH(QString, suggested);
        QList<Ipv4Cidr> subnets;
        for (const QString& text : used)
            subnets << parseIpv4Cidr(text).value();
        const auto got = suggestFreeSubnet(subnets);
        QCOMPARE(got ? got->toString() : QString(), suggested);
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
        QCOMPARE(checkGateway(parseIpv4Cidr(subnet).value(), gateway), problem);
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
        QCOMPARE(checkDhcpRange(cidr("10.0.5.0/24"), parseIpv4(QStringLiteral("10.0.5.1")).value(), first, last),
                 problem);
    }

    void gatewayInsideRange()
    {
        // A bridge address in the middle of the range (not at .1).
        QCOMPARE(checkDhcpRange(cidr("10.0.5.0/24"), parseIpv4(QStringLiteral("10.0.5.100")).value(),
                                QStringLiteral("10.0.5.2"), QStringLiteral("10.0.5.199")),
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
        const Ipv4Cidr parsed = parseIpv4Cidr(subnet).value();
        QCOMPARE(ipv4ToString(suggestedGateway(parsed)), gateway);
        QCOMPARE(suggestedRange(parsed).toString(), range);
        const auto ends = parseIpv4Range(range).value();
        QCOMPARE(checkDhcpRange(parsed, suggestedGateway(parsed), ipv4ToString(ends.first), ipv4ToString(ends.last)),
                 BridgeProblem::None);
    }

    void name_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<BridgeProblem>("problem");
        QTest::newRow("plain") << "berth1" << BridgeProblem::None;
        QTest::newRow("15 characters") << "abcdefghijklmno" << BridgeProblem::None;
        QTest::newRow("all kinds") << "Br_0.lan-x" << BridgeProblem::None;
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
        QCOMPARE(checkBridgeName(name, {QStringLiteral("lxcbr0")}), problem);
    }

    void domain_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty: the default") << "" << true;
        QTest::newRow("one label") << "berth" << true;
        QTest::newRow("dotted") << "lab.example-1.org" << true;
        QTest::newRow("capitals") << "Berth" << false;
        QTest::newRow("leading dot") << ".lan" << false;
        QTest::newRow("trailing dot") << "lan." << false;
        QTest::newRow("double dot") << "a..b" << false;
        QTest::newRow("underscore") << "my_lan" << false;
        QTest::newRow("slash") << "a/b" << false;
    }
    void domain()
    {
        QFETCH(QString, domain);
        QFETCH(bool, valid);
        QCOMPARE(checkDomain(domain) == BridgeProblem::None, valid);
    }

    void forward_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("hostAddress");
        QTest::addColumn<int>("hostPort");
        QTest::addColumn<int>("containerPort");
        QTest::newRow("tcp") << "tcp:8080:80" << true << "tcp"
                             << "" << 8080 << 80;
        QTest::newRow("udp with address") << "udp:127.0.0.1:5353:53" << true << "udp"
                                          << "127.0.0.1" << 5353 << 53;
        QTest::newRow("top port") << "tcp:65535:1" << true << "tcp"
                                  << "" << 65535 << 1;
        QTest::newRow("sctp") << "sctp:80:80" << false << ""
                              << "" << 0 << 0;
        QTest::newRow("port 0") << "tcp:0:80" << false << ""
                                << "" << 0 << 0;
        QTest::newRow("port too big") << "tcp:65536:80" << false << ""
                                      << "" << 0 << 0;
        QTest::newRow("signed port") << "tcp:+80:80" << false << ""
                                     << "" << 0 << 0;
        QTest::newRow("bad address") << "tcp:1.2.3:80:80" << false << ""
                                     << "" << 0 << 0;
        QTest::newRow("too few parts") << "tcp:80" << false << ""
                                       << "" << 0 << 0;
        QTest::newRow("too many parts") << "tcp:1.2.3.4:5:80:80" << false << ""
                                        << "" << 0 << 0;
    }
    void forward()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto spec = parseForwardSpec(text);
        QCOMPARE(spec.has_value(), valid);
        if (!valid)
            return;
        QTEST(spec->protocol, "protocol");
        QTEST(spec->hostAddress, "hostAddress");
        QTEST(spec->hostPort, "hostPort");
        QTEST(spec->containerPort, "containerPort");
        QCOMPARE(spec->toString(), text);
    }

    void netInterfaces()
    {
        const QString config = QStringLiteral("lxc.uts.name = web\n"
                                              "lxc.net.0.type = veth\n"
                                              "lxc.net.0.link = lxcbr0\n"
                                              "  lxc.net.0.hwaddr = 00:16:3e:aa:bb:cc  \n"
                                              "lxc.net.0.ipv4.address = 10.0.3.12/24\n"
                                              "lxc.net.0.ipv4.address = 10.0.3.13/24\n"
                                              "# lxc.net.1.type = veth\n"
                                              "lxc.net.2.type = macvlan\n"
                                              "lxc.net.2.link = eth0\n"
                                              "lxc.net.2.name = lan0\n"
                                              "berth.net.forward = tcp:8080:80\n");
        const QList<NetInterfaceConfig> got = parseNetInterfaces(config);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got[0],
                 (NetInterfaceConfig{0, "veth", "lxcbr0", "00:16:3e:aa:bb:cc", "", {"10.0.3.12/24", "10.0.3.13/24"}}));
        QCOMPARE(got[1], (NetInterfaceConfig{2, "macvlan", "eth0", "", "lan0", {}}));
    }

    void netInterfacesCleared_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("addresses");
        QTest::newRow("lxc.net clears all") << "lxc.net.0.type = veth\nlxc.net =\nlxc.net.1.type = veth\n" << 1 << 0;
        QTest::newRow("empty ipv4 clears its list")
            << "lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 10.0.3.2/24\nlxc.net.0.ipv4.address =\n"
            << 1 << 0;
        QTest::newRow("none") << "lxc.uts.name = x\n" << 0 << 0;
        QTest::newRow("old lxc.network keys are not read") << "lxc.network.type = veth\n" << 0 << 0;
    }
    void netInterfacesCleared()
    {
        QFETCH(QString, config);
        QFETCH(int, count);
        QFETCH(int, addresses);
        const auto got = parseNetInterfaces(config);
        QCOMPARE(got.size(), count);
        if (count > 0)
            QCOMPARE(got.first().ipv4.size(), addresses);
    }
};

QTEST_GUILESS_MAIN(TestNetworkPure)
#include "test_network_pure.moc"
