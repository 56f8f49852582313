// Engine::leasedAddresses on the real kernel, in the test's own network
// namespace: the address a bridged container reports is the one its
// interface really has (read from outside with nsenter), lies in the
// bridge's subnet, and stays reported while the container is stopped; and
// Engine::liveAddresses, the addresses its interfaces really have.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include "net/ipam.h"
#include "net/ipv4.h"

#include <QProcess>
#include <QtTest/QtTest>

#include <fstream>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;

namespace {

// "10.0.51.200/24" of eth0 in the network namespace of `pid`, or empty.
QString interfaceAddress(pid_t pid)
{
    QProcess ip;
    ip.start(QStringLiteral("nsenter"),
             {QStringLiteral("--target"), QString::number(pid), QStringLiteral("--net"), QStringLiteral("ip"),
              QStringLiteral("-4"), QStringLiteral("-o"), QStringLiteral("addr"), QStringLiteral("show"),
              QStringLiteral("dev"), QStringLiteral("eth0")});
    if (!ip.waitForFinished(10000) || ip.exitCode() != 0)
        return {};
    const QStringList words = QString::fromUtf8(ip.readAllStandardOutput()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const qsizetype inet = words.indexOf(QStringLiteral("inet"));
    return inet >= 0 && inet + 1 < words.size() ? words.at(inet + 1) : QString();
}

QStringList leasedOf(const Engine& engine, const std::string& name)
{
    auto leased = engine.leasedAddresses(name);
    if (!leased)
        return {QStringLiteral("error: ") + QString::fromStdString(leased.error().describe())};
    QStringList out;
    for (const std::string& address : *leased)
        out << QString::fromStdString(address);
    return out;
}

// "eth0 10.0.51.220/24" for each address Engine::liveAddresses reports.
QStringList liveOf(const Engine& engine, const std::string& name)
{
    auto live = engine.liveAddresses(name);
    if (!live)
        return {QStringLiteral("error: ") + QString::fromStdString(live.error().describe())};
    QStringList out;
    for (const LiveAddress& address : *live)
        out << QString::fromStdString(address.interface + " " + address.address);
    return out;
}

// `ip ARGS` run in the network namespace of `pid`.
bool inContainerNet(pid_t pid, const QStringList& args)
{
    QProcess ip;
    ip.start(QStringLiteral("nsenter"), QStringList{QStringLiteral("--target"), QString::number(pid),
                                                    QStringLiteral("--net"), QStringLiteral("ip")} +
                                            args);
    return ip.waitForFinished(10000) && ip.exitStatus() == QProcess::NormalExit && ip.exitCode() == 0;
}

bool inBridgeSubnet(const QString& cidr)
{
    auto parsed = net::Ipv4Cidr::parse(cidr.toStdString());
    return parsed && parsed->prefix == 24 && net::Ipv4Cidr::parse("10.0.51.0/24")->contains(parsed->address) &&
           cidr != QLatin1String("10.0.51.1/24");
}

} // namespace

class TestLeasedAddresses : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    void create(const std::string& name, ContainerKind kind, const std::string& extraConfig = {})
    {
        CreateRequest request{.name = name, .kind = kind, .network = "tlb0"};
        if (kind == ContainerKind::Application)
            request.command = {"sleep", "1000"};
        auto created = m_engine.create(request);
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        if (!extraConfig.empty())
            std::ofstream(m_engine.settings().paths.configFile(name), std::ios::app) << extraConfig;
    }

    pid_t start(const std::string& name)
    {
        auto started = m_engine.start(name);
        if (!started)
            QTest::qFail(started.error().describe().c_str(), __FILE__, __LINE__);
        auto state = m_engine.state(name);
        return state ? state->initPid : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto created = m_engine.createNetwork({.name = "tlb0", .address = "10.0.51.1/24"});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
    }

    void cleanupTestCase()
    {
        for (const char* name : {"app", "sys", "fixed", "real"})
            (void)m_engine.destroy(name, true);
        (void)m_engine.deleteNetwork("tlb0", true);
    }

    void applicationContainerReportsItsLease()
    {
        create("app", ContainerKind::Application);
        QCOMPARE(leasedOf(m_engine, "app"), QStringList{}); // nothing leased before the first start
        const pid_t pid = start("app");
        QVERIFY(pid > 0);
        const QStringList leased = leasedOf(m_engine, "app");
        QCOMPARE(leased.size(), 1);
        QVERIFY2(inBridgeSubnet(leased.front()), qPrintable(leased.front()));
        QCOMPARE(interfaceAddress(pid), leased.front());
        // Stopped, the address stays reserved, and reported.
        QVERIFY(m_engine.stop("app", 5s));
        QCOMPARE(leasedOf(m_engine, "app"), leased);
        QVERIFY(m_engine.destroy("app"));
        auto gone = m_engine.leasedAddresses("app");
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ENOENT);
        auto table = net::LeaseTable::load(m_engine.settings().paths.networkStaticLeases("tlb0"));
        QVERIFY(table && !table->find("app"));
    }

    void systemContainerGetsTheSameAddressByDhcp()
    {
        create("sys", ContainerKind::System);
        const pid_t pid = start("sys");
        QVERIFY(pid > 0);
        const QStringList leased = leasedOf(m_engine, "sys");
        QCOMPARE(leased.size(), 1);
        QVERIFY2(inBridgeSubnet(leased.front()), qPrintable(leased.front()));
        // udhcpc in busybox's rcS asks the bridge's dnsmasq, which hands out the lease.
        QTRY_COMPARE_WITH_TIMEOUT(interfaceAddress(pid), leased.front(), 30000);
        QVERIFY(m_engine.stop("sys", 20s));
        QCOMPARE(leasedOf(m_engine, "sys"), leased);
        QVERIFY(m_engine.destroy("sys"));
    }

    void configuredAddressIsNotReportedAsLeased()
    {
        create("fixed", ContainerKind::Application, "lxc.net.0.ipv4.address = 10.0.51.210/24\n");
        const pid_t pid = start("fixed");
        QVERIFY(pid > 0);
        QCOMPARE(interfaceAddress(pid), QStringLiteral("10.0.51.210/24"));
        // The config names it (GetContainer lists it from there): not twice.
        QCOMPARE(leasedOf(m_engine, "fixed"), QStringList{});
        QVERIFY(m_engine.destroy("fixed", true));
    }

    // Engine::liveAddresses: what the interface really has, not what the
    // config says; nothing once stopped.
    void liveAddressesAreTheInterfacesOwn()
    {
        create("real", ContainerKind::Application, "lxc.net.0.ipv4.address = 10.0.51.220/24\n");
        QCOMPARE(liveOf(m_engine, "real"), QStringList{});
        const pid_t pid = start("real");
        QVERIFY(pid > 0);
        QCOMPARE(liveOf(m_engine, "real"), QStringList{QStringLiteral("eth0 10.0.51.220/24")});
        QVERIFY(inContainerNet(pid, {"addr", "flush", "dev", "eth0"}));
        QVERIFY(inContainerNet(pid, {"addr", "add", "10.0.51.230/24", "dev", "eth0"}));
        QCOMPARE(liveOf(m_engine, "real"), QStringList{QStringLiteral("eth0 10.0.51.230/24")});
        QVERIFY(m_engine.stop("real", 5s));
        QCOMPARE(liveOf(m_engine, "real"), QStringList{});
        QVERIFY(m_engine.destroy("real", true));
    }
};

BERTH_INTEGRATION_MAIN(TestLeasedAddresses)
#include "test_leased_addresses.moc"
