// Containers on Berth's networks, all inside the test's own network
// namespace (standing in for the host) and a second one standing for "the
// outside": ping by address and by name, DHCP from the real dnsmasq, NAT,
// port forwards, macvlan, a veth on a host bridge that is not Berth's, and
// nothing left after stop and network deletion.
#include "integration_env.h"
#include "lifecycle_fixture.h"
#include "netns_child.h"

#include "net/nft_apply.h"

#include <QtTest/QtTest>

#include <net/if.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include <csignal>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <sys/wait.h>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;

namespace {

int run(const std::string& command)
{
    return std::system(command.c_str());
}

bool dnsmasqRunsFor(const std::string& stateRoot)
{
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        std::ifstream cmdline(entry.path() / "cmdline");
        std::string text((std::istreambuf_iterator<char>(cmdline)), {});
        if (text.find("dnsmasq") != std::string::npos && text.find(stateRoot) != std::string::npos)
            return true;
    }
    return false;
}

} // namespace

class TestNetwork : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();
    NetnsChild m_outside;

    void startApp(const std::string& name, const std::string& script, const std::string& extraConfig = {})
    {
        auto created = m_engine.create({.name = name,
                                        .kind = ContainerKind::Application,
                                        .command = {"/bin/sh", "-c", script},
                                        .network = "tbr0"});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        if (!extraConfig.empty())
            std::ofstream(m_engine.settings().paths.configFile(name), std::ios::app) << extraConfig;
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
    }

    std::string macOf(const std::string& name)
    {
        const RunResult link = execCaptured(m_engine, name, {"cat", "/sys/class/net/eth0/address"});
        return link.output.substr(0, link.output.find('\n'));
    }

    RunResult runApp(const std::string& name, const std::string& script)
    {
        RunResult result;
        startApp(name, script);
        auto stopped = m_engine.waitStopped(name, 30s);
        if (stopped && stopped->lastExit)
            result.exit = *stopped->lastExit;
        result.output = readConsoleLog(m_engine, name);
        (void)m_engine.destroy(name, true);
        return result;
    }

private slots:
    // The name and address a bridge's dnsmasq answers for, from the test's
    // namespace (the host's side of the bridge).
    static std::string lookUp(const std::string& name, const std::string& server)
    {
        const std::string out = "/tmp/berth-lookup-" + std::to_string(::getpid());
        (void)run("busybox nslookup " + name + " " + server + " >" + out + " 2>&1");
        std::ifstream in(out);
        std::string text((std::istreambuf_iterator<char>(in)), {});
        std::filesystem::remove(out);
        return text;
    }

    // The address a DHCP client with `mac` gets on the bridge behind
    // `hostEnd`, asked from a namespace of the test's own (udhcpc, like a
    // system container's).
    std::string dhcpAddress(const std::string& hostEnd, const std::string& bridge, const std::string& mac)
    {
        NetnsChild client;
        if (!client.start())
            return "no namespace";
        const std::string pid = std::to_string(client.pid());
        if (run("ip link add " + hostEnd + " type veth peer name eth0 netns " + pid + " && ip link set " + hostEnd +
                " master " + bridge + " up") != 0)
            return "no veth";
        const std::string leaseFile = "/tmp/berth-udhcpc-" + pid;
        std::ofstream("/tmp/berth-udhcpc-" + pid + ".sh")
            << "#!/bin/sh\n[ \"$1\" = bound ] && echo \"$ip\" > " << leaseFile << "\nexit 0\n";
        std::filesystem::permissions(leaseFile + ".sh", std::filesystem::perms::owner_all);
        (void)client.exec({"/bin/sh", "-c",
                           "ip link set eth0 address " + mac +
                               " && ip link set eth0 up && "
                               "busybox udhcpc -q -n -f -t 5 -T 2 -i eth0 -s " +
                               leaseFile + ".sh >/dev/null 2>&1"});
        std::string address;
        std::ifstream(leaseFile) >> address;
        std::filesystem::remove(leaseFile);
        std::filesystem::remove(leaseFile + ".sh");
        (void)run("ip link del " + hostEnd);
        return address;
    }

    void initTestCase()
    {
        // As on a host: the first container's lock made run/berth 0700
        // before any bridge (dnsmasq runs as nobody and must not need it).
        const auto runDir = m_engine.settings().paths.runDir();
        std::filesystem::create_directories(runDir);
        std::filesystem::permissions(runDir, std::filesystem::perms::owner_all);
        auto created = m_engine.createNetwork({.name = "tbr0", .address = "10.0.50.1/24"});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        // "The outside": another namespace on a veth, 192.168.77.0/24, with
        // no route back to the containers' subnet: only NAT lets them in.
        QVERIFY(m_outside.start());
        const std::string pid = std::to_string(m_outside.pid());
        QCOMPARE(run("ip link add toout type veth peer name eth0 netns " + pid), 0);
        QCOMPARE(run("ip addr add 192.168.77.1/24 dev toout && ip link set toout up"), 0);
        QCOMPARE(m_outside.exec({"/bin/sh", "-c",
                                 "ip addr add 192.168.77.2/24 dev eth0 && ip link set eth0 up && ip link set lo up"}),
                 0);
    }

    void cleanupTestCase()
    {
        run("ip link del toout 2>/dev/null");
        run("ip link del hostbr 2>/dev/null");
        run("ip link del lan9 2>/dev/null");
        // After a failure half way: the network and what it started go too.
        for (const char* name : {"web",    "client",   "sysdhcp", "natter",   "site",     "mv",      "user",   "first",
                                 "second", "firstuse", "dflt",    "watched",  "nine",     "hostnet", "keeper", "onhost",
                                 "late",   "resv",     "fixed",   "classic1", "classic2", "fwd",     "orig",   "copy"})
            (void)m_engine.destroy(name, true);
        if (auto networks = m_engine.networks())
            for (const auto& network : *networks)
                (void)m_engine.deleteNetwork(network.settings.name, true);
    }

    void badNetworksAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("range");
        QTest::newRow("overlaps tbr0") << "tbr1"
                                       << "10.0.50.129/25"
                                       << "";
        QTest::newRow("malformed") << "tbr1"
                                   << "10.0.300.1/24"
                                   << "";
        QTest::newRow("range outside") << "tbr1"
                                       << "10.0.60.1/24"
                                       << "10.0.61.2-10.0.61.9";
        QTest::newRow("range covers gateway") << "tbr1"
                                              << "10.0.60.1/24"
                                              << "10.0.60.1-10.0.60.9";
        QTest::newRow("name too long") << "abcdefghijklmnop"
                                       << "10.0.60.1/24"
                                       << "";
        QTest::newRow("name with slash") << "a/b"
                                         << "10.0.60.1/24"
                                         << "";
        QTest::newRow("not a bridge") << "toout"
                                      << "10.0.60.1/24"
                                      << "";
    }

    void badNetworksAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, address);
        QFETCH(QString, range);
        const auto linksBefore = currentLinks();
        auto created = m_engine.createNetwork(
            {.name = name.toStdString(), .address = address.toStdString(), .dhcpRange = range.toStdString()});
        QVERIFY(!created);
        QVERIFY(created.error().code == EINVAL || created.error().code == EEXIST);
        QCOMPARE(currentLinks(), linksBefore);
        QCOMPARE(m_engine.networks()->size(), size_t(1));
    }

    // The host's own networks (issue #14): a bridge never takes the subnet
    // of a host's link, even the very same subnet; a route the host gains
    // later keeps the bridge down; a forward of a port a host service
    // listens on is refused, at AddForward and at start.
    void hostNetworksAndPortsStayTheHosts()
    {
        QCOMPARE(run("ip link add lan9 type bridge && ip addr add 10.0.59.5/24 dev lan9 && ip link set lan9 up"), 0);
        auto same = m_engine.createNetwork({.name = "tbr7", .address = "10.0.59.1/24"});
        QVERIFY(!same);
        QCOMPARE(same.error().code, EINVAL);
        QVERIFY2(same.error().describe().find("10.0.59.0/24 on 'lan9'") != std::string::npos,
                 same.error().describe().c_str());
        QVERIFY(!currentLinks().contains("tbr7"));

        QVERIFY(m_engine.createNetwork({.name = "tbr8", .address = "10.0.61.1/24"}));
        QCOMPARE(run("ip route add 10.0.61.128/25 dev lan9"), 0);
        QVERIFY(m_engine.create(
            {.name = "late", .kind = ContainerKind::Application, .command = {"true"}, .network = "tbr8"}));
        QVERIFY(m_engine.stopNetworks());
        auto routed = m_engine.start("late");
        QVERIFY(!routed);
        QVERIFY2(routed.error().describe().find("route 10.0.61.128/25 on 'lan9'") != std::string::npos,
                 routed.error().describe().c_str());
        QVERIFY(!currentLinks().contains("tbr8"));
        QCOMPARE(run("ip link del lan9"), 0);
        QVERIFY(m_engine.destroy("late"));
        QVERIFY(m_engine.deleteNetwork("tbr8"));

        // A "host service" on 127.0.0.1:9191 of this namespace.
        QCOMPARE(run("ip link set lo up"), 0);
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(9191);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QVERIFY(listener >= 0 && ::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        QCOMPARE(::listen(listener, 1), 0);
        QVERIFY(m_engine.create(
            {.name = "late", .kind = ContainerKind::Application, .command = {"true"}, .network = "tbr0"}));
        auto taken = m_engine.addForward("late", "tcp:9191:80");
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, EADDRINUSE);
        QVERIFY2(taken.error().describe().find("tcp port 9191 has a listening socket") != std::string::npos,
                 taken.error().describe().c_str());
        // Written into the config while nothing listened: the start refuses it.
        std::ofstream(m_engine.settings().paths.configFile("late"), std::ios::app)
            << "berth.net.forward = tcp:9191:80\n";
        auto started = m_engine.start("late");
        ::close(listener);
        QVERIFY(!started);
        QVERIFY2(started.error().describe().find("tcp port 9191 has a listening socket") != std::string::npos,
                 started.error().describe().c_str());
        QVERIFY(m_engine.destroy("late"));
    }

    void containersPingEachOtherByAddressAndName()
    {
        startApp("web", "echo ready; sleep 1000");
        const RunResult client = runApp(
            "client",
            "ping -c1 -W3 web && ping -c1 -W3 10.0.50.1 && echo PING-OK; cat /etc/resolv.conf; ip -4 addr show eth0");
        QVERIFY2(client.output.find("PING-OK") != std::string::npos, client.output.c_str());
        QVERIFY2(client.output.find("nameserver 10.0.50.1") != std::string::npos, client.output.c_str());
        QVERIFY2(client.output.find("inet 10.0.50.") != std::string::npos, client.output.c_str());
        // The pings show in web's interface counters, joined to its cgroup figures.
        auto all = m_engine.stats();
        QVERIFY(all && all->size() == 1);
        QVERIFY(all->front().netRxPackets >= 1 && all->front().netTxPackets >= 1);
        QVERIFY(all->front().netRxBytes > 0);
        QVERIFY(m_engine.destroy("web", true));
    }

    void systemContainerGetsItsAddressByDhcp()
    {
        auto created = m_engine.create({.name = "sysdhcp", .kind = ContainerKind::System, .network = "tbr0"});
        QVERIFY(created);
        QVERIFY(m_engine.start("sysdhcp"));
        // udhcpc in the busybox rcS asks the bridge's dnsmasq; Berth reserved the address.
        std::string addr;
        for (int i = 0; i < 100 && addr.find("inet 10.0.50.") == std::string::npos; ++i) {
            std::this_thread::sleep_for(100ms);
            addr = execCaptured(m_engine, "sysdhcp", {"ip", "-4", "addr", "show", "eth0"}).output;
        }
        QVERIFY2(addr.find("inet 10.0.50.") != std::string::npos, addr.c_str());
        // The address Berth reserved and shows, not any of the range's.
        auto reserved = m_engine.leasedAddresses("sysdhcp");
        QVERIFY(reserved && reserved->size() == 1);
        QVERIFY2(addr.find("inet " + reserved->front()) != std::string::npos, addr.c_str());
        const auto leases = m_engine.settings().paths.networkLeases("tbr0");
        std::ifstream in(leases);
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        QVERIFY2(text.find("sysdhcp") != std::string::npos, text.c_str());
        QVERIFY(m_engine.stop("sysdhcp", 20s));
        QVERIFY(m_engine.destroy("sysdhcp"));
        // Destroyed, its lease ends at once (DHCPRELEASE), not when it expires:
        // dnsmasq rewrites its file after it took the release in.
        std::string after = text;
        for (int i = 0; i < 100 && after.find("sysdhcp") != std::string::npos; ++i) {
            std::this_thread::sleep_for(100ms);
            std::ifstream again(leases);
            after.assign(std::istreambuf_iterator<char>(again), {});
        }
        QVERIFY2(after.find("sysdhcp") == std::string::npos, after.c_str());
    }

    // Issue #16 item 1: dnsmasq (as nobody) reads Berth's names and
    // reservations: a container's name resolves to its reserved address,
    // a static one's to its configured address, and a DHCP client with the
    // container's MAC gets the reserved address, not one from the range.
    void reservationsAndNamesReachDnsmasq()
    {
        startApp("resv", "sleep 1000");
        startApp("fixed", "sleep 1000", "lxc.net.0.ipv4.address = 10.0.50.77/24\n");
        auto leased = m_engine.leasedAddresses("resv");
        QVERIFY(leased && leased->size() == 1);
        const std::string reserved = leased->front().substr(0, leased->front().find('/'));
        const std::string mac = macOf("resv");
        QVERIFY2(lookUp("resv", "10.0.50.1").find("Address: " + reserved) != std::string::npos,
                 lookUp("resv", "10.0.50.1").c_str());
        QVERIFY2(lookUp("fixed", "10.0.50.1").find("Address: 10.0.50.77") != std::string::npos,
                 lookUp("fixed", "10.0.50.1").c_str());
        const std::string fixedMac = macOf("fixed");
        // Stopped, a container keeps its reservation (its MAC asks again at the next start).
        QVERIFY(m_engine.stop("resv", 1s));
        QVERIFY(m_engine.stop("fixed", 1s));
        QCOMPARE(dhcpAddress("vresv", "tbr0", mac), reserved);
        QCOMPARE(dhcpAddress("vfixed", "tbr0", fixedMac), std::string("10.0.50.77"));
        QVERIFY(m_engine.destroy("resv", true));
        QVERIFY(m_engine.destroy("fixed", true));
    }

    // Issue #16 item 4: lxcbr0's layout, DHCP over .2-.254, leaves no
    // address outside the range: reservations are taken inside it, and
    // dnsmasq leases them to the container's MAC only.
    void classicLayoutReservesInsideTheRange()
    {
        auto created =
            m_engine.createNetwork({.name = "tlxc0", .address = "10.0.51.1/24", .dhcpRange = "10.0.51.2-10.0.51.254"});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        for (const char* name : {"classic1", "classic2"}) {
            auto made = m_engine.create({.name = name,
                                         .kind = ContainerKind::Application,
                                         .command = {"/bin/sh", "-c", "sleep 1000"},
                                         .network = "tlxc0"});
            QVERIFY(made);
            auto started = m_engine.start(name);
            QVERIFY2(started, started ? "" : started.error().describe().c_str());
        }
        const auto first = m_engine.leasedAddresses("classic1");
        const auto second = m_engine.leasedAddresses("classic2");
        QVERIFY(first && second && first->size() == 1 && second->size() == 1);
        QVERIFY(first->front().starts_with("10.0.51.") && second->front().starts_with("10.0.51."));
        QVERIFY(first->front() != second->front());
        const std::string reserved = first->front().substr(0, first->front().find('/'));
        const std::string mac = macOf("classic1");
        QVERIFY(m_engine.stop("classic1", 1s));
        // Another client gets an address of the range, never a reservation.
        const std::string other = dhcpAddress("vother", "tlxc0", "02:00:00:00:51:09");
        QVERIFY2(other.starts_with("10.0.51.") && other != reserved &&
                     other != second->front().substr(0, second->front().find('/')),
                 other.c_str());
        QCOMPARE(dhcpAddress("vclassic", "tlxc0", mac), reserved);
        QVERIFY(m_engine.destroy("classic1", true));
        QVERIFY(m_engine.destroy("classic2", true));
        QVERIFY(m_engine.deleteNetwork("tlxc0"));
    }

    void natLetsContainersOut()
    {
        // Served in the outside namespace, which has no route to 10.0.50.0/24.
        QCOMPARE(m_outside.exec({"/bin/sh", "-c",
                                 "mkdir -p /tmp/berth-nat-www && echo outside-ok > /tmp/berth-nat-www/index.html"}),
                 0);
        // The server records its own pid (exec keeps it), which is ours to end.
        std::ofstream("/tmp/berth-nat-httpd.sh")
            << "echo $$ > /tmp/berth-nat.pid\n"
               "exec /bin/busybox httpd -f -p 192.168.77.2:9000 -h /tmp/berth-nat-www\n";
        QCOMPARE(m_outside.exec({"/bin/sh", "-c", "/bin/sh /tmp/berth-nat-httpd.sh >/dev/null 2>&1 &"}), 0);
        std::this_thread::sleep_for(300ms);
        // (busybox 1.35's wget crashes on a refused connection when given -T: timeout instead.)
        const RunResult result = runApp("natter", "timeout 10 wget -q -O - http://192.168.77.2:9000/ && echo NAT-OK");
        pid_t httpd = 0;
        std::ifstream("/tmp/berth-nat.pid") >> httpd;
        if (httpd > 0)
            ::kill(httpd, SIGTERM);
        std::filesystem::remove_all("/tmp/berth-nat-www");
        std::filesystem::remove("/tmp/berth-nat.pid");
        std::filesystem::remove("/tmp/berth-nat-httpd.sh");
        QVERIFY2(result.output.find("outside-ok") != std::string::npos, result.output.c_str());
    }

    void portForwardReachesTheContainer()
    {
        startApp("site", "mkdir -p /www && echo inside-ok > /www/index.html && exec httpd -f -p 80 -h /www");
        auto added = m_engine.addForward("site", "tcp:8080:80");
        QVERIFY2(added, added ? "" : added.error().describe().c_str());
        QCOMPARE(*m_engine.forwards("site"), std::vector<std::string>{"tcp:8080:80"});
        auto again = m_engine.addForward("site", "tcp:8080:80");
        QVERIFY(!again);
        QCOMPARE(again.error().code, EEXIST);
        QVERIFY(!m_engine.addForward("site", "tcp:0:80"));
        QVERIFY(!m_engine.addForward("site", "tcp:8081:70000"));
        std::this_thread::sleep_for(200ms);
        QCOMPARE(m_outside.exec({"/bin/sh", "-c",
                                 "timeout 10 busybox wget -q -O - http://192.168.77.1:8080/ | grep -q inside-ok"}),
                 0);
        QVERIFY(m_engine.removeForward("site", "tcp:8080:80"));
        QVERIFY(m_outside.exec({"/bin/sh", "-c", "timeout 5 busybox wget -q -O - http://192.168.77.1:8080/"}) != 0);
        QVERIFY(m_engine.destroy("site", true));
    }

    // Issue #16 item 9: a clone of a container with a static address and
    // MAC is a new machine: its own MAC and an address from the bridge, so
    // both run side by side.
    void cloneGetsItsOwnAddress()
    {
        startApp("orig", "sleep 1000",
                 "lxc.net.0.ipv4.address = 10.0.50.88/24\nlxc.net.0.hwaddr = 02:00:00:00:50:88\n"
                 "lxc.net.0.veth.pair = vorig\n");
        QVERIFY(m_engine.stop("orig", 1s));
        auto cloned = m_engine.create({.name = "copy", .templateName = "clone", .options = {{"source", "orig"}}});
        QVERIFY2(cloned, cloned ? "" : cloned.error().describe().c_str());
        for (const char* name : {"orig", "copy"}) {
            auto started = m_engine.start(name);
            QVERIFY2(started, started ? "" : started.error().describe().c_str());
        }
        const std::string copyAddress = execCaptured(m_engine, "copy", {"ip", "-4", "addr", "show", "eth0"}).output;
        QVERIFY2(copyAddress.find("inet 10.0.50.") != std::string::npos &&
                     copyAddress.find("10.0.50.88") == std::string::npos,
                 copyAddress.c_str());
        QCOMPARE(macOf("orig"), std::string("02:00:00:00:50:88"));
        QVERIFY(macOf("copy") != "02:00:00:00:50:88");
        QCOMPARE(lookUp("copy", "10.0.50.1").find("10.0.50.88"), std::string::npos);
        QVERIFY(m_engine.destroy("copy", true));
        QVERIFY(m_engine.destroy("orig", true));
    }

    static std::string firewall()
    {
        const std::string out = "/tmp/berth-nft-" + std::to_string(::getpid());
        (void)run("nft list table inet berth >" + out + " 2>&1");
        std::ifstream in(out);
        std::string text((std::istreambuf_iterator<char>(in)), {});
        std::filesystem::remove(out);
        return text;
    }

    // Issue #16 item 7: a forward added while the container runs leaves the
    // firewall when it stops, and when it is destroyed running.
    void forwardsAddedWhileRunningGoAtStop()
    {
        startApp("fwd", "sleep 1000");
        QVERIFY(m_engine.addForward("fwd", "tcp:8090:80"));
        QVERIFY2(firewall().find("8090") != std::string::npos, firewall().c_str());
        QVERIFY(m_engine.stop("fwd", 1s));
        QVERIFY2(firewall().find("8090") == std::string::npos, firewall().c_str());
        QVERIFY(m_engine.removeForward("fwd", "tcp:8090:80"));
        auto started = m_engine.start("fwd");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        QVERIFY(m_engine.addForward("fwd", "tcp:8091:80"));
        QVERIFY2(firewall().find("8091") != std::string::npos, firewall().c_str());
        QVERIFY(m_engine.destroy("fwd", true));
        QVERIFY2(firewall().find("8090") == std::string::npos && firewall().find("8091") == std::string::npos,
                 firewall().c_str());
    }

    void macvlanOnAParentLink()
    {
        QCOMPARE(run("ip link add mvparent type veth peer name mvpeer && ip link set mvparent up && ip link set mvpeer "
                     "up && "
                     "ip addr add 192.168.88.1/24 dev mvpeer"),
                 0);
        auto created = m_engine.create(
            {.name = "mv",
             .kind = ContainerKind::Application,
             .command = {"/bin/sh", "-c", "ip -4 addr show eth0; ping -c1 -W3 192.168.88.1 && echo MV-OK"}});
        QVERIFY(created);
        std::ofstream(m_engine.settings().paths.configFile("mv"), std::ios::app)
            << "lxc.net.0.type = macvlan\nlxc.net.0.link = mvparent\nlxc.net.0.macvlan.mode = bridge\n"
               "lxc.net.0.ipv4.address = 192.168.88.10/24\nlxc.net.0.flags = up\n";
        // The earlier lxc.net.0.type = empty is overridden by the later line.
        auto started = m_engine.start("mv");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        auto stopped = m_engine.waitStopped("mv", 30s);
        QVERIFY(stopped);
        const std::string out = readConsoleLog(m_engine, "mv");
        QVERIFY2(out.find("inet 192.168.88.10/24") != std::string::npos, out.c_str());
        QVERIFY2(out.find("MV-OK") != std::string::npos, out.c_str());
        QVERIFY(m_engine.destroy("mv"));
        run("ip link del mvparent");
    }

    // lxc.net.0.link naming a bridge of the host that is not one of
    // Berth's: the veth joins it as LXC's does (only the configured address,
    // no IPAM); while that bridge is missing the start fails and names it.
    void vethOnAHostBridge()
    {
        auto created = m_engine.create({.name = "onhost",
                                        .kind = ContainerKind::Application,
                                        .command = {"/bin/sh", "-c", "ping -c1 -W3 192.168.89.1 && echo HB-OK"}});
        QVERIFY(created);
        std::ofstream(m_engine.settings().paths.configFile("onhost"), std::ios::app)
            << "lxc.net.0.type = veth\nlxc.net.0.link = hostbr\nlxc.net.0.ipv4.address = 192.168.89.10/24\n"
               "lxc.net.0.flags = up\n";
        auto missing = m_engine.start("onhost");
        QVERIFY(!missing);
        QVERIFY2(missing.error().describe().find("'hostbr'") != std::string::npos, missing.error().describe().c_str());
        QCOMPARE(
            run("ip link add hostbr type bridge && ip addr add 192.168.89.1/24 dev hostbr && ip link set hostbr up"),
            0);
        auto started = m_engine.start("onhost");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        auto stopped = m_engine.waitStopped("onhost", 30s);
        QVERIFY(stopped);
        const std::string out = readConsoleLog(m_engine, "onhost");
        QVERIFY2(out.find("HB-OK") != std::string::npos, out.c_str());
        // It did not become one of Berth's networks.
        QVERIFY(!std::filesystem::exists(m_engine.settings().paths.networkConfig("hostbr")));
        QVERIFY(m_engine.destroy("onhost"));
        QCOMPARE(run("ip link del hostbr"), 0);
    }

    void aDeadDnsmasqIsStartedAgain()
    {
        startApp("watched", "sleep 1000");
        const auto pidFile = m_engine.settings().paths.networkRunDir("tbr0") / "dnsmasq.pid";
        pid_t old = 0;
        std::ifstream(pidFile) >> old;
        QVERIFY(old > 0);
        QCOMPARE(::kill(old, SIGKILL), 0); // started by the engine for this test
        // The container's monitor looks every few seconds.
        pid_t now = 0;
        for (int i = 0; i < 150 && (now == 0 || now == old); ++i) {
            std::this_thread::sleep_for(100ms);
            now = 0;
            std::ifstream(pidFile) >> now;
        }
        QVERIFY(now > 0 && now != old);
        QCOMPARE(::kill(now, 0), 0);
        QVERIFY(m_engine.destroy("watched", true));
    }

    void duplicateStaticAddressOrPortIsRefused()
    {
        const std::string fixed = "lxc.net.0.ipv4.address = 10.0.50.210/24\n";
        startApp("first", "sleep 1000", fixed);
        QVERIFY(m_engine.addForward("first", "tcp:9090:80"));
        QVERIFY(m_engine.create(
            {.name = "second", .kind = ContainerKind::Application, .command = {"sleep", "1000"}, .network = "tbr0"}));
        std::ofstream(m_engine.settings().paths.configFile("second"), std::ios::app) << fixed;
        const auto linksBefore = currentLinks();
        auto started = m_engine.start("second");
        QVERIFY(!started);
        QCOMPARE(started.error().code, EEXIST);
        QVERIFY2(started.error().describe().find("first") != std::string::npos, started.error().describe().c_str());
        QCOMPARE(currentLinks(), linksBefore);
        // The same MAC as a container already on the bridge: refused too.
        std::ofstream(m_engine.settings().paths.configFile("second"), std::ios::app)
            << "lxc.net.0.ipv4.address = 10.0.50.211/24\nlxc.net.0.hwaddr = " + macOf("first") + "\n";
        auto sameMac = m_engine.start("second");
        QVERIFY(!sameMac);
        QCOMPARE(sameMac.error().code, EEXIST);
        QVERIFY2(sameMac.error().describe().find("MAC") != std::string::npos, sameMac.error().describe().c_str());
        QCOMPARE(currentLinks(), linksBefore);
        auto taken = m_engine.addForward("second", "tcp:9090:81");
        QVERIFY(!taken);
        QCOMPARE(taken.error().code, EEXIST);
        QVERIFY(m_engine.destroy("second"));
        QVERIFY(m_engine.destroy("first", true));
    }

    void defaultNetworkIsMadeOnFirstUse()
    {
        const RunResult result = runApp("firstuse", "ip -4 addr show eth0");
        auto networks = m_engine.networks();
        QVERIFY(networks);
        auto it = std::find_if(networks->begin(), networks->end(),
                               [](const auto& n) { return n.settings.name == "berthbr0"; });
        QVERIFY(it == networks->end()); // runApp used tbr0; now ask for the default one
        QVERIFY(m_engine.create({.name = "dflt",
                                 .kind = ContainerKind::Application,
                                 .command = {"/bin/sh", "-c", "ip -4 addr show eth0"},
                                 .network = "berthbr0"}));
        QVERIFY(m_engine.start("dflt"));
        QVERIFY(m_engine.waitStopped("dflt", 30s));
        networks = m_engine.networks();
        it = std::find_if(networks->begin(), networks->end(),
                          [](const auto& n) { return n.settings.name == "berthbr0"; });
        QVERIFY(it != networks->end());
        QVERIFY(it->up);
        QCOMPARE(it->containers, std::vector<std::string>{"dflt"});
        // A free 10.0.N.0/24 block: not the test's own 10.0.50.0/24.
        const std::string address = it->settings.address;
        QVERIFY2(address.starts_with("10.0.") && !address.starts_with("10.0.50."), address.c_str());
        const std::string out = readConsoleLog(m_engine, "dflt");
        QVERIFY2(out.find("inet " + address.substr(0, address.rfind('.'))) != std::string::npos, out.c_str());
        // Its NAT is in force although nobody created it by hand.
        auto ruleset = net::currentRuleset();
        QVERIFY(ruleset);
        QVERIFY2(ruleset->find("berthbr0") != std::string::npos, ruleset->c_str());
        QVERIFY(m_engine.destroy("dflt"));
        QVERIFY(m_engine.deleteNetwork("berthbr0"));
        Q_UNUSED(result);
    }

    void changingANetwork()
    {
        QVERIFY(m_engine.createNetwork({.name = "tbr9", .address = "10.0.90.1/24"}));
        QVERIFY(m_engine.create(
            {.name = "nine", .kind = ContainerKind::Application, .command = {"sleep", "1000"}, .network = "tbr9"}));
        QVERIFY(m_engine.start("nine"));
        auto busy = m_engine.changeNetwork({.name = "tbr9", .address = "10.0.91.1/24"});
        QVERIFY(!busy);
        QCOMPARE(busy.error().code, EBUSY);
        QVERIFY(m_engine.stop("nine", 5s));
        auto changed = m_engine.changeNetwork({.name = "tbr9", .address = "10.0.91.1/24", .nat = false});
        QVERIFY2(changed, changed ? "" : changed.error().describe().c_str());
        const unsigned before = if_nametoindex("tbr9");
        auto overlapping = m_engine.changeNetwork({.name = "tbr9", .address = "10.0.50.1/24"});
        QVERIFY(!overlapping);
        QCOMPARE(overlapping.error().code, EINVAL);
        // Refused before anything was touched: the same link, not a rebuilt one.
        QVERIFY(before != 0);
        QCOMPARE(if_nametoindex("tbr9"), before);
        // The refused change left the working one in place.
        QVERIFY(m_engine.start("nine"));
        const RunResult probe = execCaptured(m_engine, "nine", {"ip", "-4", "addr", "show", "eth0"});
        QVERIFY2(probe.output.find("inet 10.0.91.") != std::string::npos, probe.output.c_str());
        QVERIFY(m_engine.destroy("nine", true));
        QVERIFY(m_engine.deleteNetwork("tbr9"));
    }

    void hostNetworkSharesTheHostsLinks()
    {
        QVERIFY(m_engine.create({.name = "hostnet",
                                 .kind = ContainerKind::Application,
                                 .command = {"/bin/sh", "-c", "echo links: $(ls /sys/class/net)"}}));
        std::ofstream(m_engine.settings().paths.configFile("hostnet"), std::ios::app) << "lxc.net.0.type = none\n";
        QVERIFY(m_engine.start("hostnet"));
        QVERIFY(m_engine.waitStopped("hostnet", 30s));
        const std::string out = readConsoleLog(m_engine, "hostnet");
        // "The host" here is the test's namespace: its links show inside.
        QVERIFY2(out.find("toout") != std::string::npos && out.find("tbr0") != std::string::npos, out.c_str());
        QVERIFY(m_engine.destroy("hostnet"));
    }

    // What the package's prerm does: links, dnsmasq and the table go, the
    // definition stays, and the next start brings the network back.
    void stopNetworksKeepsDefinitions()
    {
        startApp("keeper", "sleep 1000");
        auto refused = m_engine.stopNetworks();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EBUSY);
        QVERIFY(currentLinks().contains("tbr0"));
        QVERIFY(m_engine.stop("keeper", 5s));

        auto stopped = m_engine.stopNetworks();
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        QVERIFY(!currentLinks().contains("tbr0"));
        QVERIFY(!dnsmasqRunsFor(m_engine.settings().paths.root().string()));
        QVERIFY(!net::currentRuleset());
        auto networks = m_engine.networks();
        QVERIFY(networks && networks->size() == 1);
        QVERIFY(!networks->front().up);
        QVERIFY(m_engine.stopNetworks()); // nothing up: nothing to do

        QVERIFY(m_engine.start("keeper"));
        QVERIFY(currentLinks().contains("tbr0"));
        QVERIFY(m_engine.destroy("keeper", true));
    }

    void deletingTheNetworkLeavesNothing()
    {
        QVERIFY(m_engine.create(
            {.name = "user", .kind = ContainerKind::Application, .command = {"true"}, .network = "tbr0"}));
        auto refused = m_engine.deleteNetwork("tbr0");
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EBUSY);
        QVERIFY(m_engine.destroy("user"));
        auto deleted = m_engine.deleteNetwork("tbr0");
        QVERIFY2(deleted, deleted ? "" : deleted.error().describe().c_str());
        QVERIFY(!currentLinks().contains("tbr0"));
        QVERIFY(!dnsmasqRunsFor(m_engine.settings().paths.root().string()));
        QVERIFY(!net::currentRuleset());
        QVERIFY(!std::filesystem::exists(m_engine.settings().paths.networkConfig("tbr0")));
        QVERIFY(!std::filesystem::exists(m_engine.settings().paths.networkLeases("tbr0")));
    }
};

BERTH_INTEGRATION_MAIN(TestNetwork)
#include "test_network.moc"
