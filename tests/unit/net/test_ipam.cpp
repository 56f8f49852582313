// Static address allocation and the lease file.
#include "net/ipam.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace berth::net;

namespace {

BridgeConfig bridge(const char* gateway, const char* range)
{
    BridgeConfig b;
    b.name = "br0";
    b.gateway = *Ipv4Cidr::parse(gateway);
    b.dhcpRange = *Ipv4Range::parse(range);
    return b;
}

QString allocated(LeaseTable& table, const char* container, const BridgeConfig& b)
{
    const auto address = table.allocate(container, b);
    return address ? QString::fromStdString(address->toString())
                   : QString::fromStdString("error: " + address.error().message);
}

std::string readFile(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

class TestIpam : public QObject {
    Q_OBJECT
private slots:
    void lowestFreeOutsideDhcp()
    {
        const BridgeConfig b = bridge("10.0.3.1/24", "10.0.3.2-10.0.3.199");
        LeaseTable table;
        QCOMPARE(allocated(table, "web", b), QStringLiteral("10.0.3.200"));
        QCOMPARE(allocated(table, "db", b), QStringLiteral("10.0.3.201"));
        // The same container gets its lease back.
        QCOMPARE(allocated(table, "web", b), QStringLiteral("10.0.3.200"));
        table.release("web");
        QCOMPARE(allocated(table, "cache", b), QStringLiteral("10.0.3.200"));
        QCOMPARE(table.leases().size(), 2u);
    }

    void skipsGatewayAndNetwork()
    {
        // Gateway at the top, DHCP in the middle: the first free ones are below.
        const BridgeConfig b = bridge("10.0.3.254/24", "10.0.3.10-10.0.3.249");
        LeaseTable table;
        QCOMPARE(allocated(table, "a", b), QStringLiteral("10.0.3.1"));
        for (const char* name : {"b", "c", "d", "e", "f", "g", "h", "i"})
            QVERIFY(table.allocate(name, b));
        // .1-.9 used; .10-.249 DHCP; next .250.
        QCOMPARE(allocated(table, "j", b), QStringLiteral("10.0.3.250"));
        for (const char* name : {"k", "l", "m"})
            QVERIFY(table.allocate(name, b)); // .251-.253; .254 is the gateway, .255 broadcast
        // Outside the range all taken: the lowest inside it (issue #16).
        QCOMPARE(allocated(table, "n", b), QStringLiteral("10.0.3.10"));
    }

    void exhaustion()
    {
        // /29: .0 network, .1 gateway, .2-.5 DHCP, .6 static, .7 broadcast.
        const BridgeConfig b = bridge("10.0.3.1/29", "10.0.3.2-10.0.3.5");
        LeaseTable table;
        QCOMPARE(allocated(table, "only", b), QStringLiteral("10.0.3.6"));
        for (const char* name : {"r2", "r3", "r4", "r5"})
            QVERIFY(table.allocate(name, b)); // inside the range
        const auto full = table.allocate("more", b);
        QVERIFY(!full);
        QCOMPARE(full.error().code, ENOSPC);
        QVERIFY(!table.find("more"));
        table.release("only");
        QCOMPARE(allocated(table, "more", b), QStringLiteral("10.0.3.6"));
    }

    // Issue #16: lxcbr0's layout, DHCP over .2-.254, has no address outside
    // the range: reservations go inside it, around what dnsmasq leased.
    void classicLayoutReservesInsideTheRange()
    {
        const BridgeConfig b = bridge("10.0.3.1/24", "10.0.3.2-10.0.3.254");
        LeaseTable table;
        QCOMPARE(allocated(table, "web", b), QStringLiteral("10.0.3.2"));
        const std::vector<Ipv4Address> dynamic{*Ipv4Address::parse("10.0.3.3"), *Ipv4Address::parse("10.0.3.4")};
        auto db = table.allocate("db", b, {}, dynamic);
        QVERIFY(db);
        QCOMPARE(db->toString(), std::string("10.0.3.5"));
        // A reservation a DHCP client took meanwhile moves.
        auto moved = table.allocate("web", b, {}, {*Ipv4Address::parse("10.0.3.2")});
        QVERIFY(moved);
        QCOMPARE(moved->toString(), std::string("10.0.3.3"));
    }

    void staleLeaseMoves()
    {
        LeaseTable table;
        QVERIFY(table.allocate("web", bridge("10.0.3.1/24", "10.0.3.2-10.0.3.199")));
        // The bridge moved to another subnet: the old lease does not fit any more.
        QCOMPARE(allocated(table, "web", bridge("10.0.8.1/24", "10.0.8.2-10.0.8.199")), QStringLiteral("10.0.8.200"));
        QCOMPARE(table.leases().size(), 1u);
        // No room on the new bridge: the old lease stays as it was.
        const auto full =
            table.allocate("web", bridge("10.0.9.1/30", "10.0.9.2-10.0.9.2"), {}, {*Ipv4Address::parse("10.0.9.2")});
        QVERIFY(!full);
        QCOMPARE(full.error().code, ENOSPC);
        QCOMPARE(QString::fromStdString(table.find("web")->address.toString()), QStringLiteral("10.0.8.200"));
    }

    void reserve()
    {
        const BridgeConfig b = bridge("10.0.3.1/24", "10.0.3.2-10.0.3.199");
        LeaseTable table;
        QVERIFY(table.reserve("web", *Ipv4Address::parse("10.0.3.200")));
        // Reserving again for the same container is fine.
        QVERIFY(table.reserve("web", *Ipv4Address::parse("10.0.3.200")));
        const berth::Status taken = table.reserve("api", *Ipv4Address::parse("10.0.3.200"));
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, EEXIST);
        QCOMPARE(QString::fromStdString(taken.error().message),
                 QStringLiteral("address 10.0.3.200 is already used by container 'web'"));
        // Allocation steps around the reservation.
        QCOMPARE(allocated(table, "db", b), QStringLiteral("10.0.3.201"));
        // A new reservation replaces the container's old lease.
        QVERIFY(table.reserve("web", *Ipv4Address::parse("10.0.3.250")));
        QCOMPARE(QString::fromStdString(table.find("web")->address.toString()), QStringLiteral("10.0.3.250"));
        QCOMPARE(allocated(table, "api", b), QStringLiteral("10.0.3.200"));
    }

    void badArguments()
    {
        const BridgeConfig b = bridge("10.0.3.1/24", "10.0.3.2-10.0.3.199");
        LeaseTable table;
        QCOMPARE(table.allocate("Bad Name", b).error().code, EINVAL);
        QCOMPARE(table.allocate("web", b, "01:00:5e:00:00:01").error().code, EINVAL);
        QCOMPARE(table.reserve("", *Ipv4Address::parse("10.0.3.200")).error().code, EINVAL);
        QVERIFY(table.leases().empty());
    }

    void persistence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path file = dir.filePath("br0.leases").toStdString();
        const BridgeConfig b = bridge("10.0.3.1/24", "10.0.3.2-10.0.3.199");

        auto empty = LeaseTable::load(file); // missing file: empty table
        QVERIFY(empty);
        QVERIFY(empty->leases().empty());

        LeaseTable table;
        QVERIFY(table.allocate("web", b, "00:16:3E:AA:BB:CC"));
        QVERIFY(table.allocate("db", b));
        QVERIFY(table.reserve("api", *Ipv4Address::parse("10.0.3.250"), "00:16:3e:00:00:01"));
        QVERIFY(table.save(file));
        QCOMPARE(QString::fromStdString(readFile(file)), QStringLiteral("web 10.0.3.200 00:16:3e:aa:bb:cc\n"
                                                                        "db 10.0.3.201 -\n"
                                                                        "api 10.0.3.250 00:16:3e:00:00:01\n"));
        auto loaded = LeaseTable::load(file);
        QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
        QVERIFY(loaded->leases() == table.leases());
        QCOMPARE(allocated(*loaded, "db", b), QStringLiteral("10.0.3.201"));
        QCOMPARE(allocated(*loaded, "new", b), QStringLiteral("10.0.3.202"));
    }

    void loadErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("blank lines ok") << "\nweb 10.0.3.200 -\n\n"
                                        << "";
        QTest::newRow("two words") << "web 10.0.3.200\n"
                                   << "leases:1: expected '<container> <address> <mac>': 'web 10.0.3.200'";
        QTest::newRow("bad address") << "web 10.0.3.300 -\n"
                                     << "leases:1: '10.0.3.300' is not an IPv4 address";
        QTest::newRow("bad mac") << "web 10.0.3.200 00:16\n"
                                 << "leases:1: '00:16' is not a MAC address";
        QTest::newRow("bad name") << "-web 10.0.3.200 -\n"
                                  << "leases:1: ";
        QTest::newRow("second lease") << "web 10.0.3.200 -\nweb 10.0.3.201 -\n"
                                      << "leases:2: container 'web' has a second lease";
        QTest::newRow("address twice") << "web 10.0.3.200 -\ndb 10.0.3.200 -\n"
                                       << "leases:2: address 10.0.3.200 is leased twice";
    }
    void loadErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto parsed = LeaseTable::parse(text.toStdString());
        QCOMPARE(parsed.has_value(), message.isEmpty());
        if (!parsed) {
            QCOMPARE(parsed.error().code, EINVAL);
            QVERIFY2(QString::fromStdString(parsed.error().message).startsWith(message),
                     parsed.error().message.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestIpam)
#include "test_ipam.moc"
