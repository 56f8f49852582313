// dnsmasq's lease file as Berth's IPAM reads it (issue #16).
#include "net/dhcp_release.h"
#include "net/dnsmasq_leases.h"

#include <QtTest>

using namespace berth::net;

class TestDnsmasqLeases : public QObject {
    Q_OBJECT
private slots:
    void parsesIpv4Leases()
    {
        const auto leases = parseDnsmasqLeases("1765000000 02:00:00:00:00:0A 10.0.3.132 laptop 01:02:00:00:00:00:0a\n"
                                               "0 00:16:3e:12:34:56 10.0.3.7 * *\n");
        QCOMPARE(leases.size(), 2u);
        QCOMPARE(leases[0].mac, std::string("02:00:00:00:00:0a"));
        QCOMPARE(leases[0].address.toString(), std::string("10.0.3.132"));
        QCOMPARE(leases[1].address.toString(), std::string("10.0.3.7"));
    }

    void skipsWhatIsNotAnIpv4Lease()
    {
        QVERIFY(parseDnsmasqLeases("").empty());
        QVERIFY(parseDnsmasqLeases("duid 00:01:00:01:2b:2c:2d:2e\n").empty());
        QVERIFY(parseDnsmasqLeases("1765000000 02:00:00:00:00:0a fd00::5 host *\n").empty());
        QVERIFY(parseDnsmasqLeases("garbage\n\n1 2 3\n").empty());
    }

    void othersLeasesOnly()
    {
        const auto leases =
            parseDnsmasqLeases("1 02:00:00:00:00:0a 10.0.3.10 a *\n1 02:00:00:00:00:0b 10.0.3.11 b *\n");
        const auto others = leasedToOthers(leases, "02:00:00:00:00:0A");
        QCOMPARE(others.size(), 1u);
        QCOMPARE(others[0].toString(), std::string("10.0.3.11"));
    }

    // The DHCPRELEASE Berth sends for a destroyed container's lease.
    void releaseMessage()
    {
        auto message = dhcpReleaseMessage(*Ipv4Address::parse("10.0.3.1"), *Ipv4Address::parse("10.0.3.132"),
                                          "00:16:3E:12:34:56", 0x01020304);
        QVERIFY(message);
        const auto& m = *message;
        QCOMPARE(int(m[0]), 1); // BOOTREQUEST
        QCOMPARE(int(m[2]), 6);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(&m[4]), 4), QByteArray("\x01\x02\x03\x04", 4));
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(&m[12]), 4), QByteArray("\x0a\x00\x03\x84", 4));
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(&m[28]), 6), QByteArray("\x00\x16\x3e\x12\x34\x56", 6));
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(&m[236]), 4), QByteArray("\x63\x82\x53\x63", 4));
        // Message type 7, server identifier, end.
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(&m[240]), 10),
                 QByteArray("\x35\x01\x07\x36\x04\x0a\x00\x03\x01\xff", 10));
        QVERIFY(!dhcpReleaseMessage({}, {}, "not a mac", 0));
    }

    void missingFileIsNoLease()
    {
        auto none = loadDnsmasqLeases("/nonexistent/berth/leases");
        QVERIFY(none && none->empty());
    }
};

QTEST_APPLESS_MAIN(TestDnsmasqLeases)
#include "test_dnsmasq_leases.moc"
