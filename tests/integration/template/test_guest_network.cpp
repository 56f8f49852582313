// Issue #16 item 2: a system container on one of Berth's bridges comes up
// with its network, as seen from inside: a Debian 12 container (systemd-
// networkd) by DHCP and one with a static address, and a busybox one
// (udhcpc): the address, the default route via the bridge, resolv.conf
// naming the bridge, /etc/hostname and /etc/hosts naming the container.
// All in the test's own network namespace; the Debian tree comes from the
// cache the integration_debian_template_cache fixture builds.
#include "debian_cache.h"
#include "integration_env.h"
#include "lifecycle_fixture.h"
#include "template/debootstrap_cache.h"
#include "template/debootstrap_template.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;
namespace fsys = std::filesystem;

namespace {

constexpr const char* kBridge = "gnbr0";

} // namespace

class TestGuestNetwork : public QObject {
    Q_OBJECT

    Engine m_engine = [] {
        EngineSettings settings = IntegrationEnvironment::instance().engineSettings();
        settings.templateCacheDir = templateCache();
        return Engine(settings);
    }();

    std::string inside(const std::string& name, const std::vector<std::string>& argv)
    {
        return execCaptured(m_engine, name, argv).output;
    }

    // Polls `argv` in the container until its output has `needle` (a
    // minute and a half at most: DHCP, a boot); `output` is the last one.
    bool waitFor(const std::string& name, const std::vector<std::string>& argv, const std::string& needle,
                 std::string& output)
    {
        const auto deadline = std::chrono::steady_clock::now() + 90s;
        while ((output = inside(name, argv)).find(needle) == std::string::npos) {
            if (std::chrono::steady_clock::now() > deadline)
                return false;
            std::this_thread::sleep_for(500ms);
        }
        return true;
    }

    // eth0 has an address from the bridge: `ip -o addr` in addr.
    bool waitForAddress(const std::string& name, std::string& addr)
    {
        return waitFor(name, {"ip", "-4", "-o", "addr", "show", "dev", "eth0"}, " inet 10.0.3.", addr);
    }

    // What a user checks inside: the default route via the bridge,
    // resolv.conf naming it, the container named in hostname and hosts.
    void checkNamesAndRoute(const std::string& name)
    {
        const std::string route = inside(name, {"ip", "-4", "route", "show", "default"});
        QVERIFY2(route.starts_with("default via 10.0.3.1 dev eth0"), route.c_str());
        const std::string resolv = inside(name, {"cat", "/etc/resolv.conf"});
        QVERIFY2(resolv.find("nameserver 10.0.3.1\n") != std::string::npos, resolv.c_str());
        QCOMPARE(inside(name, {"cat", "/etc/hostname"}), name + "\n");
        const std::string hosts = inside(name, {"cat", "/etc/hosts"});
        QVERIFY2(hosts.find("127.0.1.1\t" + name + "\n") != std::string::npos, hosts.c_str());
        QCOMPARE(inside(name, {"hostname"}), name + "\n");
    }

    // DHCP handed out the address Berth reserved for the container. Waited
    // for with its prefix: busybox's udhcpc script sets the address with
    // ifconfig, first with the class's netmask (/8), then the lease's.
    void checkReservedAddress(const std::string& name, std::string& addr, const std::string& interface = "eth0")
    {
        auto leased = m_engine.leasedAddresses(name);
        QVERIFY2(leased && leased->size() == 1, name.c_str());
        QVERIFY2(
            waitFor(name, {"ip", "-4", "-o", "addr", "show", "dev", interface}, " inet " + leased->front() + " ", addr),
            (addr + " reserved: " + leased->front()).c_str());
    }

    void createDebian(const std::string& name, const std::string& extraConfig = {}, bool snapshot = false)
    {
        TemplateOptions options = kBookworm;
        if (snapshot)
            options["snapshot"] = "true";
        CreateRequest request{.name = name, .templateName = "debian", .options = options, .network = kBridge};
        auto created = m_engine.create(request);
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        if (!extraConfig.empty())
            std::ofstream(m_engine.settings().paths.configFile(name), std::ios::app) << extraConfig;
        // systemctl enable systemd-networkd, done by the template (in a
        // snapshot's own layer).
        const fsys::path units = (snapshot ? m_engine.settings().paths.containerDir(name) / "delta"
                                           : m_engine.settings().paths.rootfsDir(name)) /
                                 "etc/systemd/system";
        std::error_code ec;
        QCOMPARE(fsys::read_symlink(units / "multi-user.target.wants/systemd-networkd.service", ec).string(),
                 std::string("/lib/systemd/system/systemd-networkd.service"));
        QCOMPARE(fsys::read_symlink(units / "sockets.target.wants/systemd-networkd.socket", ec).string(),
                 std::string("/lib/systemd/system/systemd-networkd.socket"));
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
    }

    // networkd is up and the boot finished: nothing comes later to change
    // what the checks see.
    void waitForBoot(const std::string& name, const std::string& networkd = "active\n")
    {
        std::string socket;
        QVERIFY2(waitFor(name, {"sh", "-c", "test -S /run/systemd/private && echo up"}, "up", socket), socket.c_str());
        const RunResult state =
            execCaptured(m_engine, name, {"timeout", "120", "systemctl", "is-system-running", "--wait"});
        QVERIFY2(state.output == "running\n", (state.output + inside(name, {"systemctl", "--failed"})).c_str());
        QCOMPARE(inside(name, {"systemctl", "is-active", "systemd-networkd"}), networkd);
    }

    // Berth's .network file, owned by the container's root inside.
    std::string networkFile(const std::string& name)
    {
        const std::string file = "/etc/systemd/network/10-berth-eth0.network";
        const std::string owner = inside(name, {"stat", "-c", "%u:%g", file});
        if (owner != "0:0\n")
            return "owned by " + owner;
        return inside(name, {"cat", file});
    }

    void stopAndDestroy(const std::string& name)
    {
        auto stopped = m_engine.stop(name, 30s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        QVERIFY(m_engine.destroy(name));
    }

private slots:
    void initTestCase()
    {
        auto request = templates::normalizedRequest(templates::debootstrapRequestOf("debian", kBookworm));
        QVERIFY(request);
        QVERIFY2(fsys::is_directory(templateCache() / templates::cacheKey(*request) / "rootfs/etc"),
                 "run the integration_debian_template_cache fixture first");
        auto created = m_engine.createNetwork({.name = kBridge, .address = "10.0.3.1/24"});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
    }

    void cleanupTestCase()
    {
        for (const char* name : {"deb-dhcp", "deb-static", "bb-dhcp", "deb-host"})
            (void)m_engine.destroy(name, true);
        (void)m_engine.deleteNetwork(kBridge, true);
    }

    // busybox: udhcpc in its rcS, no networkd files.
    void busyboxGetsItsAddressByDhcp()
    {
        auto created = m_engine.create({.name = "bb-dhcp", .kind = ContainerKind::System, .network = kBridge});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        auto started = m_engine.start("bb-dhcp");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        std::string addr;
        QVERIFY2(waitForAddress("bb-dhcp", addr), addr.c_str());
        checkReservedAddress("bb-dhcp", addr);
        checkNamesAndRoute("bb-dhcp");
        QVERIFY(!fsys::exists(m_engine.settings().paths.rootfsDir("bb-dhcp") / "etc/systemd"));
        // Left running, as the next ones: three at once, as in the LXC walk-through.
    }

    // systemd-networkd asks the bridge's dnsmasq (by MAC: the lease Berth
    // reserved); the container's root owns the file Berth wrote for it.
    void debianGetsItsAddressByDhcp()
    {
        createDebian("deb-dhcp");
        if (QTest::currentTestFailed())
            return;
        waitForBoot("deb-dhcp");
        if (QTest::currentTestFailed())
            return;
        std::string addr;
        QVERIFY2(waitForAddress("deb-dhcp", addr), addr.c_str());
        QVERIFY2(addr.find("/24 ") != std::string::npos && addr.find(" dynamic ") != std::string::npos, addr.c_str());
        checkReservedAddress("deb-dhcp", addr);
        checkNamesAndRoute("deb-dhcp");
        const std::string file = networkFile("deb-dhcp");
        QVERIFY2(file.find("\nDHCP=ipv4\n") != std::string::npos, file.c_str());
    }

    // lxc.net.0.ipv4.address and .gateway: set before the init runs, and
    // networkd keeps them. An overlay snapshot of the cached tree.
    void debianKeepsItsStaticAddress()
    {
        createDebian("deb-static", "lxc.net.0.ipv4.address = 10.0.3.250/24\nlxc.net.0.ipv4.gateway = 10.0.3.1\n", true);
        if (QTest::currentTestFailed())
            return;
        waitForBoot("deb-static");
        if (QTest::currentTestFailed())
            return;
        std::string addr;
        QVERIFY2(waitForAddress("deb-static", addr), addr.c_str());
        QVERIFY2(addr.find(" inet 10.0.3.250/24 ") != std::string::npos, addr.c_str());
        QVERIFY2(addr.find(" dynamic ") == std::string::npos, addr.c_str());
        checkNamesAndRoute("deb-static");
        const std::string file = networkFile("deb-static");
        QVERIFY2(file.find("\nAddress=10.0.3.250/24\nGateway=10.0.3.1\n") != std::string::npos, file.c_str());
    }

    // A privileged container on the host's network (lxc.net.0.type =
    // none) has networkd's capability there: enabled as in every Debian
    // container, it must not run, as no .network file is written for it.
    void hostNetworkLeavesNetworkdOff()
    {
        CreateRequest request{.name = "deb-host", .templateName = "debian", .options = kBookworm, .privileged = true};
        auto created = m_engine.create(request);
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        std::ofstream(m_engine.settings().paths.configFile("deb-host"), std::ios::app) << "lxc.net.0.type = none\n";
        auto started = m_engine.start("deb-host");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        waitForBoot("deb-host", "inactive\n");
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(inside("deb-host", {"systemctl", "is-enabled", "systemd-networkd"}), std::string("enabled\n"));
        QCOMPARE(inside("deb-host", {"ls", "/etc/systemd/network"}), std::string());
        const std::string why = inside("deb-host", {"systemctl", "show", "-p", "ConditionResult", "systemd-networkd"});
        QCOMPARE(why, std::string("ConditionResult=no\n"));
        stopAndDestroy("deb-host");
    }

    // They reach each other by name, through the bridge's DNS; then stop.
    void reachEachOtherByName()
    {
        const std::pair<const char*, const char*> pings[] = {
            {"deb-static", "deb-dhcp"}, {"deb-dhcp", "deb-static"}, {"deb-dhcp", "bb-dhcp"}, {"bb-dhcp", "deb-static"}};
        for (const auto& [from, to] : pings) {
            const RunResult ping = execCaptured(m_engine, from, {"ping", "-c1", "-W5", to});
            QVERIFY2(ping.exit.code == 0, (std::string(from) + " -> " + to + ": " + ping.output).c_str());
        }
        for (const char* name : {"deb-dhcp", "bb-dhcp"})
            stopAndDestroy(name);
    }

    // The config edited after create: the next start follows it (DHCP
    // now, of the address Berth keeps reserved for the container until
    // destroy; eth0 renamed lan0, Berth's eth0 file gone).
    void restartFollowsTheConfig()
    {
        const std::string name = "deb-static";
        auto stopped = m_engine.stop(name, 30s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        std::string edited;
        std::ifstream lines(m_engine.settings().paths.configFile(name));
        for (std::string line; std::getline(lines, line);)
            if (!line.starts_with("lxc.net.0.ipv4."))
                edited += line + "\n";
        edited += "lxc.net.0.name = lan0\n";
        auto set = m_engine.setConfig(name, edited);
        QVERIFY2(set, set ? "" : set.error().describe().c_str());
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        waitForBoot(name);
        if (QTest::currentTestFailed())
            return;
        std::string addr;
        QVERIFY2(waitFor(name, {"ip", "-4", "-o", "addr", "show", "dev", "lan0"}, " dynamic ", addr), addr.c_str());
        checkReservedAddress(name, addr, "lan0");
        QCOMPARE(inside(name, {"ls", "/etc/systemd/network"}), std::string("10-berth-lan0.network\n"));
        const std::string route = inside(name, {"ip", "-4", "route", "show", "default"});
        QVERIFY2(route.starts_with("default via 10.0.3.1 dev lan0"), route.c_str());
        stopAndDestroy(name);
    }
};

BERTH_INTEGRATION_MAIN(TestGuestNetwork)
#include "test_guest_network.moc"
