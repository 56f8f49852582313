// IPv4 addresses, CIDRs and ranges: strict parsing, formatting, set operations.
#include "net/ipv4.h"
#include "net/ipv4_ops.h"

#include <QtTest>

using namespace berth::net;

namespace {
QString str(const std::string& s)
{
    return QString::fromStdString(s);
}
std::string std8(const QString& s)
{
    return s.toStdString();
}
} // namespace

class TestIpv4 : public QObject {
    Q_OBJECT
private slots:
    void address_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<uint>("value");
        QTest::newRow("plain") << "10.0.3.1" << true << 0x0a000301u;
        QTest::newRow("zeros") << "0.0.0.0" << true << 0u;
        QTest::newRow("max") << "255.255.255.255" << true << 0xffffffffu;
        QTest::newRow("octet 256") << "10.0.3.256" << false << 0u;
        QTest::newRow("leading zero") << "10.0.3.010" << false << 0u;
        QTest::newRow("double zero") << "10.00.3.1" << false << 0u;
        QTest::newRow("three parts") << "10.0.3" << false << 0u;
        QTest::newRow("five parts") << "10.0.3.1.5" << false << 0u;
        QTest::newRow("empty part") << "10..3.1" << false << 0u;
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
        QFETCH(bool, ok);
        QFETCH(uint, value);
        const auto parsed = parseIpv4Address(std8(text));
        QCOMPARE(parsed.has_value(), ok);
        if (!ok) {
            QCOMPARE(parsed.error().code, EINVAL);
            QVERIFY(parsed.error().message.find(std8(text)) != std::string::npos);
            return;
        }
        QCOMPARE(parsed->value, value);
        QCOMPARE(str(parsed->toString()), text);
    }

    void cidr_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("broadcast");
        QTest::addColumn<QString>("netmask");
        QTest::newRow("/24 gateway") << "10.0.3.1/24" << true << "10.0.3.0"
                                     << "10.0.3.255"
                                     << "255.255.255.0";
        QTest::newRow("/22") << "10.0.5.7/22" << true << "10.0.4.0"
                             << "10.0.7.255"
                             << "255.255.252.0";
        QTest::newRow("/0") << "1.2.3.4/0" << true << "0.0.0.0"
                            << "255.255.255.255"
                            << "0.0.0.0";
        QTest::newRow("/32") << "1.2.3.4/32" << true << "1.2.3.4"
                             << "1.2.3.4"
                             << "255.255.255.255";
        QTest::newRow("/31") << "1.2.3.5/31" << true << "1.2.3.4"
                             << "1.2.3.5"
                             << "255.255.255.254";
        QTest::newRow("/8") << "10.200.3.4/8" << true << "10.0.0.0"
                            << "10.255.255.255"
                            << "255.0.0.0";
        QTest::newRow("/33") << "10.0.3.1/33" << false << ""
                             << ""
                             << "";
        QTest::newRow("/024") << "10.0.3.1/024" << false << ""
                              << ""
                              << "";
        QTest::newRow("no prefix") << "10.0.3.1" << false << ""
                                   << ""
                                   << "";
        QTest::newRow("empty prefix") << "10.0.3.1/" << false << ""
                                      << ""
                                      << "";
        QTest::newRow("space prefix") << "10.0.3.1/ 24" << false << ""
                                      << ""
                                      << "";
        QTest::newRow("two slashes") << "10.0.3.1/24/8" << false << ""
                                     << ""
                                     << "";
        QTest::newRow("bad address") << "10.0.3.300/24" << false << ""
                                     << ""
                                     << "";
        QTest::newRow("netmask form") << "10.0.3.1/255.255.255.0" << false << ""
                                      << ""
                                      << "";
    }
    void cidr()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto parsed = parseIpv4Cidr(std8(text));
        QCOMPARE(parsed.has_value(), ok);
        if (!ok) {
            QCOMPARE(parsed.error().code, EINVAL);
            return;
        }
        QFETCH(QString, network);
        QFETCH(QString, broadcast);
        QFETCH(QString, netmask);
        QCOMPARE(str(parsed->toString()), text);
        QCOMPARE(str(parsed->network().toString()), network);
        QCOMPARE(str(parsed->broadcast().toString()), broadcast);
        QCOMPARE(str(parsed->netmask().toString()), netmask);
        QVERIFY(parsed->contains(parsed->network()));
        QVERIFY(parsed->contains(parsed->broadcast()));
    }

    void contains_data()
    {
        QTest::addColumn<QString>("cidr");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("inside");
        QTest::newRow("inside") << "10.0.3.1/24"
                                << "10.0.3.200" << true;
        QTest::newRow("next block") << "10.0.3.1/24"
                                    << "10.0.4.0" << false;
        QTest::newRow("block before") << "10.0.3.1/24"
                                      << "10.0.2.255" << false;
        QTest::newRow("/0 everything") << "0.0.0.0/0"
                                       << "203.0.113.9" << true;
        QTest::newRow("/32 itself") << "10.0.3.1/32"
                                    << "10.0.3.1" << true;
        QTest::newRow("/32 other") << "10.0.3.1/32"
                                   << "10.0.3.2" << false;
    }
    void contains()
    {
        QFETCH(QString, cidr);
        QFETCH(QString, address);
        QFETCH(bool, inside);
        QCOMPARE(Ipv4Cidr::parse(std8(cidr))->contains(*Ipv4Address::parse(std8(address))), inside);
    }

    void overlaps_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("overlap");
        QTest::newRow("same") << "10.0.3.0/24"
                              << "10.0.3.1/24" << true;
        QTest::newRow("inside bigger") << "10.0.3.0/24"
                                       << "10.0.0.0/16" << true;
        QTest::newRow("bigger outside") << "10.0.0.0/16"
                                        << "10.0.3.0/24" << true;
        QTest::newRow("neighbours") << "10.0.3.0/24"
                                    << "10.0.4.0/24" << false;
        QTest::newRow("/22 covers 4..7") << "10.0.4.0/22"
                                         << "10.0.7.0/24" << true;
        QTest::newRow("/22 not 8") << "10.0.4.0/22"
                                   << "10.0.8.0/24" << false;
        QTest::newRow("host route") << "10.0.3.0/24"
                                    << "10.0.3.77/32" << true;
        QTest::newRow("default route") << "0.0.0.0/0"
                                       << "192.168.1.0/24" << true;
        QTest::newRow("different /8") << "10.0.0.0/8"
                                      << "172.16.0.0/12" << false;
    }
    void overlaps()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, overlap);
        const Ipv4Cidr x = *Ipv4Cidr::parse(std8(a));
        const Ipv4Cidr y = *Ipv4Cidr::parse(std8(b));
        QCOMPARE(x.overlaps(y), overlap);
        QCOMPARE(y.overlaps(x), overlap);
    }

    void range_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("comma") << "10.0.3.2,10.0.3.199" << true << "10.0.3.2-10.0.3.199";
        QTest::newRow("dash") << "10.0.3.2-10.0.3.199" << true << "10.0.3.2-10.0.3.199";
        QTest::newRow("single") << "10.0.3.2-10.0.3.2" << true << "10.0.3.2-10.0.3.2";
        QTest::newRow("reversed") << "10.0.3.199-10.0.3.2" << false << "";
        QTest::newRow("one address") << "10.0.3.2" << false << "";
        QTest::newRow("spaces") << "10.0.3.2 - 10.0.3.9" << false << "";
        QTest::newRow("bad end") << "10.0.3.2-10.0.3" << false << "";
        QTest::newRow("empty") << "" << false << "";
        QTest::newRow("cidr end") << "10.0.3.2-10.0.3.9/24" << false << "";
    }
    void range()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, formatted);
        const auto parsed = parseIpv4Range(std8(text));
        QCOMPARE(parsed.has_value(), ok);
        if (!ok) {
            QCOMPARE(parsed.error().code, EINVAL);
            return;
        }
        QCOMPARE(str(rangeToString(*parsed)), formatted);
        QVERIFY(parsed->contains(parsed->first));
        QVERIFY(parsed->contains(parsed->last));
        QVERIFY(!parsed->contains(Ipv4Address{parsed->last.value + 1}));
        QVERIFY(!parsed->contains(Ipv4Address{parsed->first.value - 1}));
    }

    void rangeHelpers()
    {
        const Ipv4Range a = *Ipv4Range::parse("10.0.3.2-10.0.3.199");
        QCOMPARE(rangeSize(a), 198u);
        QVERIFY(rangesOverlap(a, *Ipv4Range::parse("10.0.3.199-10.0.3.250")));
        QVERIFY(!rangesOverlap(a, *Ipv4Range::parse("10.0.3.200-10.0.3.250")));
        QCOMPARE(subnetOf(*Ipv4Cidr::parse("10.0.3.1/24")), *Ipv4Cidr::parse("10.0.3.0/24"));
    }
};

QTEST_APPLESS_MAIN(TestIpv4)
#include "test_ipv4.moc"
