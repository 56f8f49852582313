// Berth deletes only links it made (issue #14, item 5): a host end named
// like a link of the host is refused before anything is made, and a link
// that took over the name of one of Berth's (a host's bridge, a veth
// standing for a VPN link) survives the container's stop and the network's
// deletion. Inside the test's own network namespace, standing for the host.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <cstdio>
#include <charconv>
#include <fstream>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;

namespace {

int run(const std::string& command)
{
    return std::system(command.c_str());
}

// `ip -o link show LINK`: "12: LINK: <...> ... \    alias berth:x"; "" when
// the link is gone. (/sys/class/net shows the namespace that mounted /sys,
// not the test's own.)
std::string ipLink(const std::string& link)
{
    std::string out;
    if (FILE* pipe = ::popen(("ip -o link show dev " + link + " 2>/dev/null").c_str(), "r")) {
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, pipe))
            out += buffer;
        ::pclose(pipe);
    }
    return out;
}

// 0 when the link is gone.
int ifindexOf(const std::string& link)
{
    const std::string line = ipLink(link);
    int index = 0;
    std::from_chars(line.data(), line.data() + line.size(), index);
    return index;
}

std::string aliasOf(const std::string& link)
{
    const std::string line = ipLink(link);
    const std::size_t at = line.find("alias ");
    if (at == std::string::npos)
        return {};
    const std::string rest = line.substr(at + 6);
    return rest.substr(0, rest.find_first_of(" \\\n"));
}

} // namespace

class TestHostLinks : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    void createOn(const std::string& name, const std::string& network, const std::string& extraConfig)
    {
        auto created = m_engine.create(
            {.name = name, .kind = ContainerKind::Application, .command = {"sleep", "1000"}, .network = network});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        std::ofstream(m_engine.settings().paths.configFile(name), std::ios::app) << extraConfig;
    }

private slots:
    void initTestCase()
    {
        auto created = m_engine.createNetwork({.name = "tbr5", .address = "10.0.55.1/24"});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        // The host's own links: a veth standing for a VPN link (this kernel
        // has no dummy links), and a bridge.
        QCOMPARE(run("ip link add hostvpn0 type veth peer name hostvpn0p && ip link add hostlan0 type bridge"), 0);
    }

    void cleanupTestCase()
    {
        for (const char* name : {"pairvpn", "pairlan", "plain", "swap", "onforeign"})
            (void)m_engine.destroy(name, true);
        if (auto networks = m_engine.networks())
            for (const auto& network : *networks)
                (void)m_engine.deleteNetwork(network.settings.name, true);
        for (const char* link : {"hostvpn0", "hostlan0", "vbswap0", "vbmoved0", "tbr6"})
            run(std::string("ip link del ") + link + " 2>/dev/null");
    }

    void hostEndNamingAHostLinkIsRefused_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("link");
        QTest::newRow("a VPN link") << "pairvpn"
                                    << "hostvpn0";
        QTest::newRow("a host bridge") << "pairlan"
                                       << "hostlan0";
        QTest::newRow("Berth's own bridge") << "pairvpn"
                                            << "tbr5";
    }
    void hostEndNamingAHostLinkIsRefused()
    {
        QFETCH(QString, container);
        QFETCH(QString, link);
        const std::string name = container.toStdString();
        const std::string host = link.toStdString();
        const int index = ifindexOf(host);
        QVERIFY(index > 0);
        createOn(name, "tbr5", "lxc.net.0.veth.pair = " + host + "\n");
        const auto linksBefore = currentLinks();
        auto started = m_engine.start(name);
        QVERIFY(!started);
        QCOMPARE(started.error().code, EEXIST);
        const std::string why = started.error().describe();
        QVERIFY2(why.find("lxc.net.0.veth.pair") != std::string::npos &&
                     why.find("'" + host + "'") != std::string::npos,
                 why.c_str());
        // The host's link is there, the same link, and nothing else changed.
        QCOMPARE(ifindexOf(host), index);
        QCOMPARE(currentLinks(), linksBefore);
        QVERIFY(m_engine.destroy(name));
    }

    void berthsOwnHostEndIsMarkedAndGoesAtStop()
    {
        createOn("plain", "tbr5", "");
        const auto linksBefore = currentLinks();
        auto started = m_engine.start("plain");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        std::string hostEnd;
        for (const std::string& link : currentLinks())
            if (!linksBefore.contains(link))
                hostEnd = link;
        QVERIFY(!hostEnd.empty());
        QCOMPARE(QString::fromStdString(aliasOf(hostEnd)), QStringLiteral("berth:plain"));
        QVERIFY(m_engine.stop("plain", 5s));
        QCOMPARE(currentLinks(), linksBefore);
        QVERIFY(m_engine.destroy("plain"));
    }

    // While the container runs, its host end is renamed away and a link of
    // the host's takes the name: the stop deletes only what Berth made.
    void aForeignLinkThatTookTheNameSurvivesTheStop()
    {
        createOn("swap", "tbr5", "lxc.net.0.veth.pair = vbswap0\n");
        auto started = m_engine.start("swap");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        QCOMPARE(
            run("ip link set vbswap0 down && ip link set vbswap0 name vbmoved0 && ip link add vbswap0 type bridge"), 0);
        const int foreign = ifindexOf("vbswap0");
        QVERIFY(foreign > 0);
        QVERIFY(m_engine.stop("swap", 5s));
        QCOMPARE(ifindexOf("vbswap0"), foreign);
        QCOMPARE(ifindexOf("vbmoved0"), 0); // Berth's own went, under its new name
        QCOMPARE(run("ip link del vbswap0"), 0);
        QVERIFY(m_engine.destroy("swap"));
    }

    // One of Berth's bridges replaced by a host's bridge of the same name:
    // never taken over by a start, never deleted with the network.
    void aForeignBridgeWithABerthNetworksNameIsLeftAlone()
    {
        QVERIFY(m_engine.createNetwork({.name = "tbr6", .address = "10.0.56.1/24"}));
        QCOMPARE(QString::fromStdString(aliasOf("tbr6")), QStringLiteral("berth:bridge"));
        QCOMPARE(run("ip link del tbr6 && ip link add tbr6 type bridge"), 0);
        const int foreign = ifindexOf("tbr6");
        createOn("onforeign", "tbr6", "");
        auto started = m_engine.start("onforeign");
        QVERIFY(!started);
        QVERIFY2(started.error().describe().find("Berth did not make it") != std::string::npos,
                 started.error().describe().c_str());
        QVERIFY(m_engine.destroy("onforeign"));
        auto stopped = m_engine.stopNetworks();
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        QCOMPARE(ifindexOf("tbr6"), foreign);
        auto deleted = m_engine.deleteNetwork("tbr6");
        QVERIFY2(deleted, deleted ? "" : deleted.error().describe().c_str());
        QCOMPARE(ifindexOf("tbr6"), foreign);
        QCOMPARE(run("ip link del tbr6"), 0);
        // A new network may not take the name of a link the host has.
        auto refused = m_engine.createNetwork({.name = "hostlan0", .address = "10.0.57.1/24"});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EEXIST);
        QVERIFY(ifindexOf("hostlan0") > 0);
    }
};

BERTH_INTEGRATION_MAIN(TestHostLinks)
#include "test_host_links.moc"
