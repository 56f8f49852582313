// The netlink layer on the real kernel, inside the private network namespace
// the integration environment gives this test, plus a second namespace held
// by a forked child standing in for a container: bridges, a veth pair whose
// peer is born in the child's namespace, macvlan, addresses, routes,
// counters, and clean errors that leave nothing behind.
#include "integration_env.h"
#include "netns_child.h"

#include "net/netlink_address.h"
#include "net/netlink_counters.h"
#include "net/netlink_link.h"
#include "net/netlink_socket.h"
#include "net/netlink_veth.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

using namespace berth;
using namespace berth::net;
using berth::test::NetnsChild;

namespace {

constexpr Ipv4Address kBridgeAddress{0x0ac80001}; // 10.200.0.1
constexpr Ipv4Address kChildAddress{0x0ac80002};  // 10.200.0.2
constexpr const char* kPeerMac = "00:16:3e:0a:0b:0c";

#define REQUIRE_OK(expr)                                                                                               \
    do {                                                                                                               \
        auto&& _r = (expr);                                                                                            \
        QVERIFY2(_r.has_value(), _r.has_value() ? "" : _r.error().describe().c_str());                                 \
    } while (0)

NetlinkSocket openSocket()
{
    Result<NetlinkSocket> sock = NetlinkSocket::open();
    if (!sock)
        qFatal("netlink socket: %s", sock.error().describe().c_str());
    return std::move(*sock);
}

bool hasLinkHere(const char* name)
{
    return ::if_nametoindex(name) != 0;
}

// Checks made by plain ioctls inside the child, independent of libnl.
Status checkInterface(const char* name, const char* mac, int mtu)
{
    if (::if_nametoindex(name) == 0)
        return failWith(ENODEV, std::string("no '") + name + "' inside the namespace");
    UniqueFd fd(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    ifreq request{};
    std::strncpy(request.ifr_name, name, IFNAMSIZ - 1);
    if (!fd || ::ioctl(fd.get(), SIOCGIFHWADDR, &request) != 0)
        return failErrno(errno, "SIOCGIFHWADDR");
    char text[18];
    const auto* b = reinterpret_cast<const unsigned char*>(request.ifr_hwaddr.sa_data);
    std::snprintf(text, sizeof text, "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
    if (mac && std::strcmp(text, mac) != 0)
        return failWith(EINVAL, std::string("MAC is ") + text);
    if (mtu > 0 && (::ioctl(fd.get(), SIOCGIFMTU, &request) != 0 || request.ifr_mtu != mtu))
        return failWith(EINVAL, "MTU is " + std::to_string(request.ifr_mtu));
    return {};
}

Status expectMissing(const char* name)
{
    if (::if_nametoindex(name) != 0)
        return failWith(EEXIST, std::string("'") + name + "' is still there");
    return {};
}

bool containsNetwork(const std::vector<Ipv4Cidr>& list, Ipv4Cidr cidr)
{
    return std::ranges::find(list, cidr) != list.end();
}

} // namespace

class TestNetlink : public QObject {
    Q_OBJECT

private slots:
    void bridgeLifecycle();
    void vethPeerInNamespace();
    void macvlanInNamespace();
    void networksInUseListsAddressesAndRoutes();
    void errors_data();
    void errors();
    void vethPeerNameTakenLeavesNothing();
};

void TestNetlink::bridgeLifecycle()
{
    NetlinkSocket sock = openSocket();
    REQUIRE_OK(createBridge(sock, "tbr0", 1400));
    QCOMPARE(linkExists(sock, "tbr0").value_or(false), true);
    QCOMPARE(linkKind(sock, "tbr0").value_or("?"), std::string("bridge"));
    QCOMPARE(linkKind(sock, "lo").value_or("?"), std::string());
    QCOMPARE(linkIndex(sock, "tbr0").value_or(-1), static_cast<int>(::if_nametoindex("tbr0")));
    REQUIRE_OK(addAddress(sock, "tbr0", Ipv4Cidr{kBridgeAddress, 24}));
    REQUIRE_OK(setLinkUp(sock, "tbr0", true));
    QVERIFY(checkInterface("tbr0", nullptr, 1400).has_value());
    REQUIRE_OK(setLinkUp(sock, "tbr0", false));
    REQUIRE_OK(deleteLink(sock, "tbr0"));
    QCOMPARE(linkExists(sock, "tbr0").value_or(true), false);
    QVERIFY(!hasLinkHere("tbr0"));
}

void TestNetlink::vethPeerInNamespace()
{
    NetlinkSocket sock = openSocket();
    NetnsChild child;
    REQUIRE_OK(child.start());
    REQUIRE_OK(createBridge(sock, "tbr1", 0));
    REQUIRE_OK(addAddress(sock, "tbr1", Ipv4Cidr{kBridgeAddress, 24}));
    REQUIRE_OK(setLinkUp(sock, "tbr1", true));
    REQUIRE_OK(createVethPair(sock, "tvh1", "eth0", child.pid(), kPeerMac, 1400));
    // The peer was born in the child's namespace: never here.
    QVERIFY(hasLinkHere("tvh1"));
    QVERIFY(!hasLinkHere("eth0"));
    QCOMPARE(linkKind(sock, "tvh1").value_or("?"), std::string("veth"));
    REQUIRE_OK(child.run([] { return checkInterface("eth0", kPeerMac, 1400); }));
    REQUIRE_OK(setMaster(sock, "tvh1", "tbr1"));
    REQUIRE_OK(setLinkUp(sock, "tvh1", true));
    REQUIRE_OK(child.run([] {
        Result<NetlinkSocket> inner = NetlinkSocket::open();
        if (!inner)
            return Status(fail(inner.error()));
        return configureInterface(*inner, "eth0", Ipv4Cidr{kChildAddress, 24}, kBridgeAddress, true);
    }));
    // The default route is there: a second one is refused.
    REQUIRE_OK(child.run([] {
        Result<NetlinkSocket> inner = NetlinkSocket::open();
        Status again = inner ? addDefaultRoute(*inner, "eth0", kBridgeAddress) : Status(fail(inner.error()));
        if (again || again.error().code != EEXIST)
            return Status(failWith(EINVAL, "second default route: " + (again ? "accepted" : again.error().describe())));
        return Status();
    }));
    Result<LinkCounters> before = linkCounters(sock, "tvh1");
    REQUIRE_OK(before);
    QCOMPARE(child.exec({"/bin/busybox", "ping", "-c1", "-W1", "10.200.0.1"}), 0);
    Result<LinkCounters> after = linkCounters(sock, "tvh1");
    REQUIRE_OK(after);
    QVERIFY(after->rxPackets > before->rxPackets);
    QVERIFY(after->rxBytes > before->rxBytes);
    QVERIFY(after->txPackets > before->txPackets);
    QVERIFY(after->txBytes > before->txBytes);
    REQUIRE_OK(deleteLink(sock, "tvh1"));
    REQUIRE_OK(child.run([] { return expectMissing("eth0"); }));
    REQUIRE_OK(deleteLink(sock, "tbr1"));
}

void TestNetlink::macvlanInNamespace()
{
    NetlinkSocket sock = openSocket();
    NetnsChild child;
    REQUIRE_OK(child.start());
    // No dummy driver on every kernel: a veth end (its peer here too) is the parent.
    REQUIRE_OK(createVethPair(sock, "tmp0", "tmp1", ::getpid(), "", 0));
    QVERIFY(hasLinkHere("tmp1"));
    Status badMode = createMacvlan(sock, "tmp0", "mv0", "sideways", child.pid(), "", 0);
    QVERIFY(!badMode);
    QCOMPARE(badMode.error().code, EINVAL);
    REQUIRE_OK(createMacvlan(sock, "tmp0", "mv0", "bridge", child.pid(), "00:16:3e:00:00:42", 1400));
    QVERIFY(!hasLinkHere("mv0"));
    REQUIRE_OK(child.run([] { return checkInterface("mv0", "00:16:3e:00:00:42", 1400); }));
    REQUIRE_OK(child.run([] {
        Result<NetlinkSocket> inner = NetlinkSocket::open();
        if (!inner)
            return Status(fail(inner.error()));
        Result<std::string> kind = linkKind(*inner, "mv0");
        if (!kind || *kind != "macvlan")
            return Status(failWith(EINVAL, "kind of mv0: " + (kind ? *kind : kind.error().describe())));
        return Status();
    }));
    // The macvlan goes with its parent, even across namespaces.
    REQUIRE_OK(deleteLink(sock, "tmp0"));
    QVERIFY(!hasLinkHere("tmp1"));
    REQUIRE_OK(child.run([] { return expectMissing("mv0"); }));
}

void TestNetlink::networksInUseListsAddressesAndRoutes()
{
    NetlinkSocket sock = openSocket();
    Result<std::vector<Ipv4Cidr>> initial = networksInUse(sock);
    REQUIRE_OK(initial);
    QVERIFY(!containsNetwork(*initial, Ipv4Cidr{Ipv4Address{0x0ac90000}, 24}));
    REQUIRE_OK(createBridge(sock, "tbr2", 0));
    REQUIRE_OK(configureInterface(sock, "tbr2", Ipv4Cidr{Ipv4Address{0x0ac90001}, 24}, Ipv4Address{0x0ac900fe}, true));
    REQUIRE_OK(addAddress(sock, "tbr2", Ipv4Cidr{Ipv4Address{0x0aca0304}, 16}));
    Result<std::vector<Ipv4Cidr>> networks = networksInUse(sock);
    REQUIRE_OK(networks);
    QVERIFY(containsNetwork(*networks, Ipv4Cidr{Ipv4Address{0x0ac90000}, 24})); // 10.201.0.0/24
    QVERIFY(containsNetwork(*networks, Ipv4Cidr{Ipv4Address{0x0aca0000}, 16})); // 10.202.0.0/16
    QVERIFY(containsNetwork(*networks, Ipv4Cidr{Ipv4Address{0x7f000000}, 8}));  // lo
    // The default route just added says nothing about subnets in use.
    QVERIFY(std::ranges::none_of(*networks, [](const Ipv4Cidr& c) { return c.prefix == 0; }));
    QVERIFY(
        std::ranges::is_sorted(*networks, {}, [](const Ipv4Cidr& c) { return std::pair(c.address.value, c.prefix); }));
    QCOMPARE(std::ranges::adjacent_find(*networks), networks->end());
    REQUIRE_OK(deleteLink(sock, "tbr2"));
    Result<std::vector<Ipv4Cidr>> after = networksInUse(sock);
    REQUIRE_OK(after);
    QCOMPARE(*after, *initial);
}

void TestNetlink::errors_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("existing name") << "bridge-twice" << EEXIST << "create bridge 'tbr3': File exists";
    QTest::newRow("16-byte bridge") << "bridge-long" << EINVAL << "'abcdefghijklmnop' is longer than 15 bytes";
    QTest::newRow("slash in name") << "bridge-slash" << EINVAL << "create bridge 'a/b'";
    QTest::newRow("16-byte veth peer") << "veth-long-peer" << EINVAL << "create veth 'tvh3'";
    QTest::newRow("delete missing") << "delete-missing" << ENODEV << "delete link 'nosuch0': No such device";
    QTest::newRow("master missing") << "master-missing" << ENODEV << "to bridge 'nosuchbr'";
    QTest::newRow("address on missing") << "address-missing" << ENODEV << "add address 10.200.0.1/24 to 'nosuch0'";
    QTest::newRow("bad MAC") << "veth-bad-mac" << EINVAL << "MAC address '00:16:3e:zz:00:01'";
    QTest::newRow("no such process") << "veth-no-process" << EINVAL << "create veth 'tvh3'";
    QTest::newRow("gateway while down") << "gateway-down" << EINVAL << "a gateway needs the link up";
}

void TestNetlink::errors()
{
    QFETCH(QString, operation);
    QFETCH(int, code);
    QFETCH(QString, message);
    NetlinkSocket sock = openSocket();
    const std::set<std::string> linksBefore = berth::test::currentLinks();
    const bool twice = operation == "bridge-twice";
    if (twice)
        REQUIRE_OK(createBridge(sock, "tbr3", 0));
    Status result =
        twice                            ? createBridge(sock, "tbr3", 0)
        : operation == "bridge-long"     ? createBridge(sock, "abcdefghijklmnop", 0)
        : operation == "bridge-slash"    ? createBridge(sock, "a/b", 0)
        : operation == "veth-long-peer"  ? createVethPair(sock, "tvh3", "abcdefghijklmnop", ::getpid(), "", 0)
        : operation == "delete-missing"  ? deleteLink(sock, "nosuch0")
        : operation == "master-missing"  ? setMaster(sock, "lo", "nosuchbr")
        : operation == "address-missing" ? addAddress(sock, "nosuch0", Ipv4Cidr{kBridgeAddress, 24})
        : operation == "veth-bad-mac"    ? createVethPair(sock, "tvh3", "tvp3", ::getpid(), "00:16:3e:zz:00:01", 0)
        : operation == "veth-no-process" ? createVethPair(sock, "tvh3", "tvp3", 0, "", 0)
                                         : configureInterface(sock, "lo", std::nullopt, kBridgeAddress, false);
    if (twice)
        REQUIRE_OK(deleteLink(sock, "tbr3"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, code);
    QVERIFY2(QString::fromStdString(result.error().message).contains(message), result.error().message.c_str());
    QCOMPARE(berth::test::currentLinks(), linksBefore);
}

void TestNetlink::vethPeerNameTakenLeavesNothing()
{
    NetlinkSocket sock = openSocket();
    NetnsChild child;
    REQUIRE_OK(child.start());
    REQUIRE_OK(createVethPair(sock, "tvh4", "eth0", child.pid(), "", 0));
    const std::set<std::string> linksBefore = berth::test::currentLinks();
    // eth0 is taken inside the child: the whole pair is refused, no host end stays.
    Status second = createVethPair(sock, "tvh5", "eth0", child.pid(), "", 0);
    QVERIFY(!second);
    QCOMPARE(second.error().code, EEXIST);
    QVERIFY2(second.error().message.starts_with("create veth 'tvh5'"), second.error().message.c_str());
    QCOMPARE(berth::test::currentLinks(), linksBefore);
    // The host name taken here: refused as well.
    Status third = createVethPair(sock, "tvh4", "eth1", child.pid(), "", 0);
    QVERIFY(!third);
    QCOMPARE(third.error().code, EEXIST);
    REQUIRE_OK(child.run([] { return expectMissing("eth1"); }));
    REQUIRE_OK(deleteLink(sock, "tvh4"));
}

BERTH_INTEGRATION_MAIN(TestNetlink)
#include "test_netlink.moc"
