// A system container's networkd files (issue #16): the text per interface,
// and the directory as each start leaves it: Berth's files follow the
// config, the user's files are never touched.
#include "runtime/guest_network.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <fcntl.h>

using namespace berth;
using namespace berth::runtime;
namespace fsys = std::filesystem;

namespace {

const std::string kHeader(kGuestNetworkHeader);

runtime::InterfacePlan dhcp(const std::string& name)
{
    return {.name = name};
}

runtime::InterfacePlan fixed(const std::string& name, const char* cidr, const char* gateway)
{
    runtime::InterfacePlan iface{.name = name};
    iface.address = *net::Ipv4Cidr::parse(cidr);
    if (gateway)
        iface.gateway = *net::Ipv4Address::parse(gateway);
    return iface;
}

std::string readText(const fsys::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeText(const fsys::path& file, const std::string& text)
{
    std::ofstream(file) << text;
}

} // namespace

class TestGuestNetwork : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fsys::path m_root;
    fsys::path m_network;
    UniqueFd m_rootFd;

    Status apply(std::vector<InterfacePlan> interfaces)
    {
        NetworkPlan plan;
        plan.interfaces = std::move(interfaces);
        return writeGuestNetwork(m_rootFd.get(), plan);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_root = fsys::path(m_dir.path().toStdString()) / "root";
        m_network = m_root / "etc/systemd/network";
        fsys::create_directories(m_network);
        m_rootFd.reset(::open(m_root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        QVERIFY(m_rootFd);
    }

    void cleanup()
    {
        fsys::remove_all(m_root);
        fsys::remove_all(m_root.parent_path() / "outside");
    }

    void unitText()
    {
        QCOMPARE(guestNetworkFileName("eth0"), std::string("10-berth-eth0.network"));
        QCOMPARE(guestNetworkUnit(dhcp("eth0")),
                 kHeader + "\n[Match]\nName=eth0\n\n[Network]\nDHCP=ipv4\n\n[DHCPv4]\nClientIdentifier=mac\n");
        QCOMPARE(guestNetworkUnit(fixed("lan", "10.0.3.50/24", "10.0.3.1")),
                 kHeader + "\n[Match]\nName=lan\n\n[Network]\nAddress=10.0.3.50/24\nGateway=10.0.3.1\n");
        QCOMPARE(guestNetworkUnit(fixed("eth1", "192.168.1.9/16", nullptr)),
                 kHeader + "\n[Match]\nName=eth1\n\n[Network]\nAddress=192.168.1.9/16\n");
    }

    // Every start: the files of the interfaces as configured now; Berth's
    // files of interfaces gone are removed, the user's stay as they are.
    void followsTheConfigAndSparesTheUsersFiles()
    {
        writeText(m_network / "20-wired.network", "[Match]\nName=eth*\n");
        writeText(m_network / "10-berth-eth1.network", kHeader + "\n[Match]\nName=eth1\n");
        writeText(m_network / "10-berth-eth2.network", "[Match]\nName=eth2\n# mine now\n");
        InterfacePlan down = dhcp("eth3");
        down.up = false;
        QVERIFY(apply({dhcp("eth0"), fixed("eth2", "10.0.3.9/24", "10.0.3.1"), down}));
        QCOMPARE(readText(m_network / "10-berth-eth0.network"), guestNetworkUnit(dhcp("eth0")));
        QVERIFY(!fsys::exists(m_network / "10-berth-eth1.network"));
        QCOMPARE(readText(m_network / "10-berth-eth2.network"), std::string("[Match]\nName=eth2\n# mine now\n"));
        QVERIFY(!fsys::exists(m_network / "10-berth-eth3.network"));
        QCOMPARE(readText(m_network / "20-wired.network"), std::string("[Match]\nName=eth*\n"));

        // config edit: eth0 gets a static address
        QVERIFY(apply({fixed("eth0", "10.0.3.7/24", "10.0.3.1")}));
        QCOMPARE(readText(m_network / "10-berth-eth0.network"),
                 guestNetworkUnit(fixed("eth0", "10.0.3.7/24", "10.0.3.1")));
        // config edit: no network (type none, empty): Berth's file goes
        QVERIFY(apply({}));
        QVERIFY(!fsys::exists(m_network / "10-berth-eth0.network"));
        QCOMPARE(readText(m_network / "10-berth-eth2.network"), std::string("[Match]\nName=eth2\n# mine now\n"));
        QCOMPARE(readText(m_network / "20-wired.network"), std::string("[Match]\nName=eth*\n"));
        QCOMPARE(std::distance(fsys::directory_iterator(m_network), fsys::directory_iterator()), 2);
    }

    // Busybox and other rootfs without networkd: nothing is written.
    void withoutNetworkdNothingIsWritten()
    {
        fsys::remove_all(m_root / "etc/systemd");
        QVERIFY(apply({dhcp("eth0")}));
        QVERIFY(!fsys::exists(m_root / "etc/systemd"));
        fsys::remove_all(m_root / "etc");
        QVERIFY(apply({dhcp("eth0")}));
        QVERIFY(!fsys::exists(m_root / "etc"));
    }

    // A symlink named as Berth's file is the user's: never followed, never replaced.
    void aSymlinkIsLeftAlone()
    {
        writeText(m_root / "target", "outside\n");
        fsys::create_symlink("/target", m_network / "10-berth-eth0.network");
        fsys::create_symlink("/target", m_network / "10-berth-eth1.network");
        QVERIFY(apply({dhcp("eth0")}));
        QVERIFY(fsys::is_symlink(m_network / "10-berth-eth1.network"));
        QVERIFY(fsys::is_symlink(m_network / "10-berth-eth0.network"));
        QCOMPARE(readText(m_root / "target"), std::string("outside\n"));
    }

    // The container's root made the directory a symlink that climbs out:
    // it is resolved inside the rootfs, and a directory of the host with
    // a file that looks like Berth's is neither written to nor cleaned.
    void aClimbingDirectoryStaysInside()
    {
        const fsys::path outside = m_root.parent_path() / "outside";
        fsys::create_directories(outside);
        writeText(outside / "10-berth-eth1.network", kHeader + "\n[Match]\nName=eth1\n");
        fsys::remove_all(m_network);
        fsys::create_symlink("../../../outside", m_network);
        QVERIFY(apply({dhcp("eth0")}));
        fsys::remove(m_network);
        fsys::create_symlink(outside, m_network);
        QVERIFY(apply({dhcp("eth0")}));
        QCOMPARE(std::distance(fsys::directory_iterator(outside), fsys::directory_iterator()), 1);
        QVERIFY(fsys::exists(outside / "10-berth-eth1.network"));
    }
};

QTEST_GUILESS_MAIN(TestGuestNetwork)
#include "test_guest_network.moc"
