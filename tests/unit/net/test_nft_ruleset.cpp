// The text of Berth's nftables table.
#include "net/nft_ruleset.h"

#include <QtTest>

using namespace berth::net;

namespace {

ForwardRule rule(const char* forward, const char* container)
{
    return ForwardRule{*parsePortForward(forward), *Ipv4Address::parse(container)};
}

} // namespace

class TestNftRuleset : public QObject {
    Q_OBJECT
private slots:
    void noBridges()
    {
        QCOMPARE(QString::fromStdString(berthRuleset({})),
                 QStringLiteral("table inet berth {\n"
                                "\tchain forward {\n"
                                "\t\ttype filter hook forward priority filter; policy accept;\n"
                                "\t\tct state established,related accept\n"
                                "\t}\n"
                                "\tchain postrouting {\n"
                                "\t\ttype nat hook postrouting priority srcnat; policy accept;\n"
                                "\t}\n"
                                "\tchain prerouting {\n"
                                "\t\ttype nat hook prerouting priority dstnat; policy accept;\n"
                                "\t}\n"
                                "\tchain output {\n"
                                "\t\ttype nat hook output priority -100; policy accept;\n"
                                "\t}\n"
                                "}\n"));
    }

    void natBridgeWithForwards()
    {
        // The subnet may be given as the gateway's CIDR: rules use the network.
        BridgeRules main{"berthbr0",
                         *Ipv4Cidr::parse("10.0.3.1/24"),
                         true,
                         {rule("tcp:8080:80", "10.0.3.5"), rule("udp:192.0.2.1:5353:53", "10.0.3.6"),
                          rule("tcp:127.0.0.1:2222:22", "10.0.3.6")}};
        BridgeRules isolated{"lab0", *Ipv4Cidr::parse("10.0.4.0/24"), false, {}};
        QCOMPARE(
            QString::fromStdString(berthRuleset({main, isolated})),
            QStringLiteral(
                "table inet berth {\n"
                "\tchain forward {\n"
                "\t\ttype filter hook forward priority filter; policy accept;\n"
                "\t\tct state established,related accept\n"
                "\t\tiifname \"berthbr0\" accept\n"
                "\t\toifname \"berthbr0\" accept\n"
                "\t\tiifname \"lab0\" accept\n"
                "\t\toifname \"lab0\" accept\n"
                "\t}\n"
                "\tchain postrouting {\n"
                "\t\ttype nat hook postrouting priority srcnat; policy accept;\n"
                "\t\tip saddr 10.0.3.0/24 ip daddr != 10.0.3.0/24 masquerade\n"
                "\t\tip saddr 10.0.3.0/24 ip daddr 10.0.3.0/24 ct status dnat masquerade\n"
                "\t}\n"
                "\tchain prerouting {\n"
                "\t\ttype nat hook prerouting priority dstnat; policy accept;\n"
                "\t\tmeta nfproto ipv4 fib daddr type local tcp dport 8080 dnat ip to 10.0.3.5:80\n"
                "\t\tmeta nfproto ipv4 fib daddr type local ip daddr 192.0.2.1 udp dport 5353 dnat ip to 10.0.3.6:53\n"
                "\t\tmeta nfproto ipv4 fib daddr type local ip daddr 127.0.0.1 tcp dport 2222 dnat ip to 10.0.3.6:22\n"
                "\t}\n"
                "\tchain output {\n"
                "\t\ttype nat hook output priority -100; policy accept;\n"
                "\t\tfib daddr type local ip daddr != 127.0.0.0/8 tcp dport 8080 dnat ip to 10.0.3.5:80\n"
                "\t\tfib daddr type local ip daddr != 127.0.0.0/8 ip daddr 192.0.2.1 udp dport 5353 dnat ip to "
                "10.0.3.6:53\n"
                "\t}\n"
                "}\n"));
    }

    void forwardsWithoutNat()
    {
        // Forwards work without NAT; hairpin masquerade still applies.
        BridgeRules bridge{"br1", *Ipv4Cidr::parse("172.20.0.0/16"), false, {rule("udp:53:53", "172.20.0.9")}};
        const QString text = QString::fromStdString(berthRuleset({bridge}));
        QVERIFY(!text.contains("ip daddr != 172.20.0.0/16 masquerade"));
        QVERIFY(text.contains("\t\tip saddr 172.20.0.0/16 ip daddr 172.20.0.0/16 ct status dnat masquerade\n"));
        QVERIFY(text.contains("\t\tmeta nfproto ipv4 fib daddr type local udp dport 53 dnat ip to 172.20.0.9:53\n"));
        QCOMPARE(text.count("table "), 1);
    }
};

QTEST_APPLESS_MAIN(TestNftRuleset)
#include "test_nft_ruleset.moc"
