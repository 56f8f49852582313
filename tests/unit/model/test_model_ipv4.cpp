// model/ipv4.h: dotted quads, CIDRs, ranges and the free-subnet suggestion,
// with the engine's rows (tests/unit/net/test_ipv4.cpp) and the GUI's
// (formerly tests/gui/test_network_pure.cpp).
#include "berth/model/ipv4.h"

#include <QtTest>

#include <vector>

using namespace berth::model;

Q_DECLARE_METATYPE(Ipv4Problem)

namespace {
std::string std8(const QString& s)
{
    return s.toStdString();
}
Ipv4Cidr cidr(const QString& text)
{
    return Ipv4Cidr::parse(std8(text)).value();
}
} // namespace

class TestModelIpv4 : public QObject {
    Q_OBJECT
private slots:
    void address_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<uint>("value");
        QTest::newRow("plain") << "10.0.3.1" << true << 0x0a000301u;
        QTest::newRow("zeros") << "0.0.0.0" << true << 0u;
        QTest::newRow("top") << "255.255.255.255" << true << 0xffffffffu;
        QTest::newRow("octet 255") << "10.0.3.255" << true << 0x0a0003ffu;
        QTest::newRow("octet 256") << "10.0.3.256" << false << 0u;
        QTest::newRow("octet too big") << "10.0.256.1" << false << 0u;
        QTest::newRow("leading zero is octal to inet_aton") << "10.0.03.1" << false << 0u;
        QTest::newRow("leading zero last") << "10.0.3.010" << false << 0u;
        QTest::newRow("double zero") << "10.00.3.1" << false << 0u;
        QTest::newRow("three octets") << "10.0.3" << false << 0u;
        QTest::newRow("five octets") << "10.0.3.1.5" << false << 0u;
        QTest::newRow("empty octet") << "10..3.1" << false << 0u;
        QTest::newRow("trailing dot") << "10.0.3.1." << false << 0u;
        QTest::newRow("leading space") << " 10.0.3.1" << false << 0u;
        QTest::newRow("trailing space") << "10.0.3.1 " << false << 0u;
        QTest::newRow("sign") << "10.0.+3.1" << false << 0u;
        QTest::newRow("minus") << "10.0.-3.1" << false << 0u;
        QTest::newRow("hex") << "0x0a.0.3.1" << false << 0u;
        QTest::newRow("four digits") << "10.0.3.0001" << false << 0u;
        QTest::newRow("integer") << "167772929" << false << 0u;
        QTest::newRow("empty") << "" << false << 0u;
        QTest::newRow("with prefix") << "10.0.3.1/24" << false << 0u;
    }
    void address()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(uint, value);
        const auto parsed = Ipv4Address::parse(std8(text));
        QCOMPARE(parsed.has_value(), valid);
        if (!valid) {
            QCOMPARE(parsed.error(), Ipv4Problem::NotAddress);
            return;
        }
        QCOMPARE(parsed->value, value);
        QCOMPARE(QString::fromStdString(parsed->toString()), text); // the round trip
    }

    void cidrs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<Ipv4Problem>("problem");
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("broadcast");
        QTest::addColumn<QString>("netmask");
        QTest::newRow("/24 gateway") << "10.0.3.1/24" << true << Ipv4Problem::NotCidr << "10.0.3.0"
                                     << "10.0.3.255"
                                     << "255.255.255.0";
        QTest::newRow("/0") << "0.0.0.0/0" << true << Ipv4Problem::NotCidr << "0.0.0.0"
                            << "255.255.255.255"
                            << "0.0.0.0";
        QTest::newRow("/32") << "10.0.3.7/32" << true << Ipv4Problem::NotCidr << "10.0.3.7"
                             << "10.0.3.7"
                             << "255.255.255.255";
        QTest::newRow("/30") << "192.168.9.5/30" << true << Ipv4Problem::NotCidr << "192.168.9.4"
                             << "192.168.9.7"
                             << "255.255.255.252";
        QTest::newRow("/8") << "10.1.2.3/8" << true << Ipv4Problem::NotCidr << "10.0.0.0"
                            << "10.255.255.255"
                            << "255.0.0.0";
        QTest::newRow("no prefix") << "10.0.3.1" << false << Ipv4Problem::NotCidr << ""
                                   << ""
                                   << "";
        QTest::newRow("bad address") << "10.0.500.0/24" << false << Ipv4Problem::NotCidr << ""
                                     << ""
                                     << "";
        QTest::newRow("empty") << "" << false << Ipv4Problem::NotCidr << ""
                               << ""
                               << "";
        QTest::newRow("prefix 33") << "10.0.3.1/33" << false << Ipv4Problem::PrefixLength << ""
                                   << ""
                                   << "";
        QTest::newRow("prefix empty") << "10.0.3.1/" << false << Ipv4Problem::PrefixLength << ""
                                      << ""
                                      << "";
        QTest::newRow("prefix letters") << "10.0.3.1/x" << false << Ipv4Problem::PrefixLength << ""
                                        << ""
                                        << "";
        QTest::newRow("prefix leading zero") << "10.0.3.1/024" << false << Ipv4Problem::PrefixLength << ""
                                             << ""
                                             << "";
        QTest::newRow("prefix sign") << "10.0.3.1/+8" << false << Ipv4Problem::PrefixLength << ""
                                     << ""
                                     << "";
    }
    void cidrs()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(Ipv4Problem, problem);
        const auto parsed = Ipv4Cidr::parse(std8(text));
        QCOMPARE(parsed.has_value(), valid);
        if (!valid) {
            QCOMPARE(parsed.error(), problem);
            return;
        }
        QCOMPARE(QString::fromStdString(parsed->toString()), text);
        QTEST(QString::fromStdString(parsed->network().toString()), "network");
        QTEST(QString::fromStdString(parsed->broadcast().toString()), "broadcast");
        QTEST(QString::fromStdString(parsed->netmask().toString()), "netmask");
        QCOMPARE(parsed->subnet().address, parsed->network());
        QVERIFY(parsed->contains(parsed->network()));
        QVERIFY(parsed->contains(parsed->broadcast()));
    }

    void overlaps_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("overlap");
        QTest::newRow("same") << "10.0.3.0/24"
                              << "10.0.3.1/24" << true;
        QTest::newRow("contains") << "10.0.0.0/16"
                                  << "10.0.3.1/24" << true;
        QTest::newRow("inside") << "10.0.3.128/25"
                                << "10.0.3.1/24" << true;
        QTest::newRow("neighbour") << "10.0.4.0/24"
                                   << "10.0.3.1/24" << false;
        QTest::newRow("everything") << "0.0.0.0/0"
                                    << "192.168.1.0/24" << true;
        QTest::newRow("single addresses") << "10.0.3.1/32"
                                          << "10.0.3.2/32" << false;
    }
    void overlaps()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, overlap);
        QCOMPARE(cidr(a).overlaps(cidr(b)), overlap);
        QCOMPARE(cidr(b).overlaps(cidr(a)), overlap);
    }

    void ranges_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<Ipv4Problem>("problem");
        QTest::addColumn<QString>("printed");
        QTest::newRow("comma") << "10.0.3.2,10.0.3.199" << true << Ipv4Problem::NotRange << "10.0.3.2-10.0.3.199";
        QTest::newRow("dash") << "10.0.3.2-10.0.3.199" << true << Ipv4Problem::NotRange << "10.0.3.2-10.0.3.199";
        QTest::newRow("one address") << "10.0.3.5-10.0.3.5" << true << Ipv4Problem::NotRange << "10.0.3.5-10.0.3.5";
        QTest::newRow("reversed") << "10.0.3.9-10.0.3.2" << false << Ipv4Problem::Reversed << "";
        QTest::newRow("no separator") << "10.0.3.2" << false << Ipv4Problem::NotRange << "";
        QTest::newRow("bad end") << "10.0.3.2-10.0.3" << false << Ipv4Problem::NotRange << "";
        QTest::newRow("empty end") << "10.0.3.2," << false << Ipv4Problem::NotRange << "";
        QTest::newRow("empty") << "" << false << Ipv4Problem::NotRange << "";
    }
    void ranges()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(Ipv4Problem, problem);
        const auto parsed = Ipv4Range::parse(std8(text));
        QCOMPARE(parsed.has_value(), valid);
        if (!valid) {
            QCOMPARE(parsed.error(), problem);
            return;
        }
        QTEST(QString::fromStdString(parsed->toString()), "printed");
        QVERIFY(parsed->contains(parsed->first));
        QVERIFY(parsed->contains(parsed->last));
        QVERIFY(!parsed->contains(Ipv4Address{parsed->last.value + 1}));
        QVERIFY(!parsed->contains(Ipv4Address{parsed->first.value - 1}));
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
        QTest::newRow("last one free") << QStringList{"10.0.0.1/17",   "10.0.128.1/18", "10.0.192.1/19",
                                                      "10.0.224.1/20", "10.0.240.1/21", "10.0.248.1/22",
                                                      "10.0.252.1/23", "10.0.254.1/24"}
                                       << "10.0.255.0/24";
        QTest::newRow("a /0 default route is no subnet") << QStringList{"0.0.0.0/0"} << "10.0.3.0/24";
    }
    void suggestion()
    {
        QFETCH(QStringList, used);
        QFETCH(QString, suggested);
        std::vector<Ipv4Cidr> subnets;
        for (const QString& text : used)
            subnets.push_back(cidr(text));
        const auto got = suggestFreeSubnet(subnets);
        QCOMPARE(got ? QString::fromStdString(got->toString()) : QString(), suggested);
    }
};

QTEST_GUILESS_MAIN(TestModelIpv4)
#include "test_model_ipv4.moc"
