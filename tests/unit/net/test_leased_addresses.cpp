// A container's leases read back from the bridges' files under a
// temporary root (no root privileges, no kernel state).
#include "net/bridge_host.h"
#include "net/ipam.h"
#include "net/leased_addresses.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace berth;
using namespace berth::net;

namespace {

BridgeConfig bridge(const char* name, const char* gateway, const char* range)
{
    BridgeConfig b;
    b.name = name;
    b.gateway = *Ipv4Cidr::parse(gateway);
    b.dhcpRange = *Ipv4Range::parse(range);
    return b;
}

// "veth:tbr0", "veth:" (the default bridge), "veth:tbr0=10.0.50.210/24"
// (a configured address), "macvlan:eth9".
NetInterfaceSpec interfaceOf(const QString& text, unsigned index)
{
    NetInterfaceSpec iface;
    iface.index = index;
    const QString kind = text.section(QLatin1Char(':'), 0, 0);
    const QString rest = text.section(QLatin1Char(':'), 1);
    iface.type = kind == QLatin1String("macvlan") ? NetInterfaceSpec::Type::Macvlan : NetInterfaceSpec::Type::Veth;
    iface.link = rest.section(QLatin1Char('='), 0, 0).toStdString();
    if (rest.contains(QLatin1Char('=')))
        iface.ipv4 = *Ipv4Cidr::parse(rest.section(QLatin1Char('='), 1).toStdString());
    return iface;
}

QStringList addressesOf(const Result<std::vector<Ipv4Cidr>>& leased)
{
    QStringList out;
    for (const Ipv4Cidr& address : *leased)
        out << QString::fromStdString(address.toString());
    return out;
}

} // namespace

class TestLeasedAddresses : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_root;
    Paths m_paths{m_root.path().toStdString()};

    void writeLeases(const char* bridgeName, const char* text)
    {
        auto table = LeaseTable::parse(text);
        QVERIFY(table);
        QVERIFY(table->save(m_paths.networkStaticLeases(bridgeName)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(saveBridge(m_paths, bridge("tbr0", "10.0.50.1/24", "10.0.50.2-10.0.50.199")));
        QVERIFY(saveBridge(m_paths, bridge(kDefaultBridge, "10.0.3.1/24", "10.0.3.2-10.0.3.199")));
        QVERIFY(saveBridge(m_paths, bridge("tbr2", "10.0.70.1/25", "10.0.70.2-10.0.70.99")));
        // "stale" holds an address from before tbr0 moved to 10.0.50.0/24.
        writeLeases("tbr0", "web 10.0.50.200 -\nother 10.0.50.201 -\nstale 10.0.60.200 -\n");
        writeLeases(kDefaultBridge, "web 10.0.3.200 00:16:3e:00:00:01\n");
        // tbr2 has no lease file; "ghost" is on a bridge that is not defined.
        writeLeases("gone", "web 10.0.80.200 -\n");
    }

    void leases_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QStringList>("interfaces");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        QTest::newRow("on a named bridge") << "web" << QStringList{"veth:tbr0"} << QStringList{"10.0.50.200/24"};
        QTest::newRow("on the default bridge") << "web" << QStringList{"veth:"} << QStringList{"10.0.3.200/24"};
        QTest::newRow("default bridge by name")
            << "web" << QStringList{"veth:berthbr0"} << QStringList{"10.0.3.200/24"};
        QTest::newRow("two bridges, in interface order")
            << "web" << QStringList{"veth:tbr0", "veth:"} << QStringList{"10.0.50.200/24", "10.0.3.200/24"};
        QTest::newRow("one bridge twice")
            << "web" << QStringList{"veth:tbr0", "veth:tbr0"} << QStringList{"10.0.50.200/24"};
        QTest::newRow("another container's lease")
            << "other" << QStringList{"veth:tbr0"} << QStringList{"10.0.50.201/24"};
        QTest::newRow("configured address: not from the lease")
            << "web" << QStringList{"veth:tbr0=10.0.50.210/24"} << none;
        QTest::newRow("never ran") << "newbie" << QStringList{"veth:tbr0"} << none;
        QTest::newRow("lease outside the bridge's subnet") << "stale" << QStringList{"veth:tbr0"} << none;
        QTest::newRow("bridge without a lease file") << "web" << QStringList{"veth:tbr2"} << none;
        QTest::newRow("bridge not defined") << "web" << QStringList{"veth:gone"} << none;
        QTest::newRow("macvlan") << "web" << QStringList{"macvlan:tbr0"} << none;
        QTest::newRow("no interfaces") << "web" << QStringList{} << none;
    }

    void leases()
    {
        QFETCH(QString, container);
        QFETCH(QStringList, interfaces);
        QFETCH(QStringList, expected);
        std::vector<NetInterfaceSpec> specs;
        for (const QString& text : interfaces)
            specs.push_back(interfaceOf(text, unsigned(specs.size())));
        const auto leased = leasedAddresses(m_paths, container.toStdString(), specs);
        QVERIFY2(leased, leased ? "" : leased.error().describe().c_str());
        QCOMPARE(addressesOf(leased), expected);
    }

    void brokenLeaseFileIsAnError()
    {
        QVERIFY(saveBridge(m_paths, bridge("tbr3", "10.0.90.1/24", "10.0.90.2-10.0.90.99")));
        std::ofstream(m_paths.networkStaticLeases("tbr3")) << "web not-an-address -\n";
        const auto leased = leasedAddresses(m_paths, "web", {interfaceOf(QStringLiteral("veth:tbr3"), 0)});
        QVERIFY(!leased);
        QCOMPARE(leased.error().code, EINVAL);
        QVERIFY2(leased.error().describe().find("tbr3") != std::string::npos, leased.error().describe().c_str());
    }
};

QTEST_GUILESS_MAIN(TestLeasedAddresses)
#include "test_leased_addresses.moc"
