// Engine::addInterface, setInterface and removeInterface on real
// containers in the test's own network namespace: the interface's lines
// change and nothing else of the config does; a static address outside the
// bridge's subnet or held by another container, an interface that does not
// exist and a container that does not exist are refused with the config as
// it was.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include "berth/config.h"
#include "net/net_spec.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

using namespace berth;
using namespace berth::test;

namespace {

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

CreateRequest busybox(const std::string& name, CreateSetup setup)
{
    return {.name = name,
            .kind = ContainerKind::Application,
            .command = {"sleep", "1000"},
            .network = "tif0",
            .setup = std::move(setup)};
}

InterfaceChange addresses(std::vector<std::string> ipv4)
{
    InterfaceChange change;
    change.ipv4 = std::move(ipv4);
    return change;
}

} // namespace

class TestInterfaces : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    [[nodiscard]] std::string config() const { return readText(m_engine.settings().paths.configFile("other")); }

    std::vector<net::NetInterfaceSpec> interfaces() const
    {
        auto parsed = Config::parse(config());
        if (!parsed)
            return {};
        auto all = net::netInterfacesFromConfig(*parsed);
        return all ? *all : std::vector<net::NetInterfaceSpec>{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto created = m_engine.createNetwork({.name = "tif0", .address = "10.0.53.1/24"});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        CreateSetup held;
        held.address = "10.0.53.20";
        auto web = m_engine.create(busybox("web", held));
        QVERIFY2(web, web ? "" : web.error().describe().c_str());
        CreateSetup plain;
        plain.environment = {"KEEP=me"};
        auto other = m_engine.create(busybox("other", plain));
        QVERIFY2(other, other ? "" : other.error().describe().c_str());
    }

    void cleanupTestCase()
    {
        for (const char* name : {"web", "other"})
            (void)m_engine.destroy(name, true);
        (void)m_engine.deleteNetwork("tif0", true);
    }

    void addKeepsTheRest()
    {
        const std::string before = config();
        InterfaceChange change;
        change.link = "tif0";
        change.name = "eth1";
        change.mtu = 1400;
        auto index = m_engine.addInterface("other", change);
        QVERIFY2(index, index ? "" : index.error().describe().c_str());
        QCOMPARE(*index, 1u);
        const std::string after = config();
        QVERIFY2(after.starts_with(before), after.c_str());
        QVERIFY(after.contains("lxc.net.1.type = veth\n"));
        QVERIFY(after.contains("lxc.net.1.link = tif0\n"));
        QVERIFY(after.contains("lxc.net.1.mtu = 1400\n"));
        QVERIFY(after.contains("KEEP=me"));
        QCOMPARE(interfaces().size(), 2u);
    }

    void setWritesTheAddressWithThePrefix()
    {
        auto set = m_engine.setInterface("other", 1, addresses({"10.0.53.30"}));
        QVERIFY2(set, set ? "" : set.error().describe().c_str());
        QVERIFY(config().contains("lxc.net.1.ipv4.address = 10.0.53.30/24\n"));
        QVERIFY(config().contains("lxc.net.1.mtu = 1400\n"));
    }

    void refusedLeavesTheConfig_data()
    {
        QTest::addColumn<unsigned>("index");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("code");
        QTest::newRow("outside the subnet") << 1u << "10.0.99.5" << EINVAL;
        QTest::newRow("the bridge's own") << 1u << "10.0.53.1" << EINVAL;
        QTest::newRow("held by another container") << 1u << "10.0.53.20" << EEXIST;
        QTest::newRow("no such interface") << 4u << "10.0.53.40" << EINVAL;
    }

    void refusedLeavesTheConfig()
    {
        QFETCH(unsigned, index);
        QFETCH(QString, address);
        QFETCH(int, code);
        const std::string before = config();
        auto set = m_engine.setInterface("other", index, addresses({address.toStdString()}));
        QVERIFY(!set);
        QCOMPARE(set.error().code, code);
        QCOMPARE(config(), before);
    }

    void addOnTakenAddressRefused()
    {
        const std::string before = config();
        InterfaceChange change = addresses({"10.0.53.20"});
        change.link = "tif0";
        auto added = m_engine.addInterface("other", change);
        QVERIFY(!added);
        QCOMPARE(added.error().code, EEXIST);
        QCOMPARE(config(), before);
    }

    void removeRenumbersNothing()
    {
        auto removed = m_engine.removeInterface("other", 0);
        QVERIFY2(removed, removed ? "" : removed.error().describe().c_str());
        QVERIFY(!config().contains("lxc.net.0."));
        const auto left = interfaces();
        QCOMPARE(left.size(), 1u);
        QCOMPARE(left.front().index, 1u);
        QVERIFY(config().contains("KEEP=me"));
    }

    void missingContainerRefused()
    {
        auto added = m_engine.addInterface("nosuch", {});
        QVERIFY(!added);
        QVERIFY(added.error().noSuchContainer);
        auto removed = m_engine.removeInterface("nosuch", 0);
        QVERIFY(!removed);
        QVERIFY(removed.error().noSuchContainer);
    }
};

BERTH_INTEGRATION_MAIN(TestInterfaces)
#include "test_interfaces.moc"
