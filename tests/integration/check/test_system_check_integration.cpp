// The system check on this machine, with real kernel probes: veth, bridge
// and macvlan can be made here, each probe agrees with iproute2 run in a
// namespace of its own, the cgroup layout is hybrid, and the probe leaves no
// link and no child process behind.
#include "berth/system_check.h"
#include "integration_env.h"

#include <QtTest/QtTest>

#include <cerrno>

#include <sys/wait.h>
#include <unistd.h>

using berth::CheckItem;
using berth::CheckStatus;

namespace {

std::optional<CheckItem> findItem(const std::vector<berth::CheckGroup>& groups, std::string_view id)
{
    for (const berth::CheckGroup& group : groups)
        for (const CheckItem& item : group.items)
            if (item.id == id)
                return item;
    return std::nullopt;
}

// iproute2's verdict on one link kind, in a network namespace of its own,
// as an oracle independent of libnl.
bool iprouteCanCreate(const QString& kind)
{
    const QString lower = "ip link add bp0 type veth peer name bp1";
    const QString commands = kind == "veth"      ? lower
                             : kind == "bridge"  ? "ip link add bp2 type bridge"
                             : kind == "macvlan" ? lower + " && ip link add link bp0 name bp3 type macvlan"
                                                 : lower + " && ip link add link bp0 name bp4 type vlan id 10";
    QProcess process;
    process.start("unshare", {"--net", "sh", "-c", commands});
    return process.waitForFinished(-1) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// In a child that gave up root: the probe cannot unshare, so the check must
// fall back to the modules and say why. Exit 0 when it did.
[[noreturn]] void unprivilegedCheck()
{
    constexpr uid_t kNobody = 65534;
    if (::setresgid(kNobody, kNobody, kNobody) != 0 || ::setresuid(kNobody, kNobody, kNobody) != 0)
        ::_exit(2);
    const std::optional<CheckItem> veth = findItem(berth::runSystemCheck(), "net.veth");
    const bool fellBack =
        veth && veth->detail.find("(not probed: new network namespace for link probe") != std::string::npos;
    ::_exit(fellBack ? 0 : 1);
}

} // namespace

class TestSystemCheckIntegration : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void item_data();
    void item();
    void probeAgreesWithIproute_data();
    void probeAgreesWithIproute();
    void probeLeavesNothingBehind();
    void unprivilegedFallsBackToModules();

private:
    std::vector<berth::CheckGroup> m_groups;
};

void TestSystemCheckIntegration::initTestCase()
{
    m_groups = berth::runSystemCheck();
    QVERIFY(!m_groups.empty());
}

void TestSystemCheckIntegration::item_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<CheckStatus>("status");
    QTest::addColumn<QString>("detailStart");

    // This kernel has no 8021q: vlan is left to probeAgreesWithIproute.
    const QString probed = "created one in a test namespace";
    QTest::newRow("veth") << "net.veth" << CheckStatus::Ok << probed;
    QTest::newRow("bridge") << "net.bridge" << CheckStatus::Ok << probed;
    QTest::newRow("macvlan") << "net.macvlan" << CheckStatus::Ok << probed;
    QTest::newRow("cgroup mode") << "cgroup.mode" << CheckStatus::Ok
                                 << "hybrid: v1 controllers, cgroup2 at /sys/fs/cgroup/unified";
    QTest::newRow("memory controller") << "cgroup.memory" << CheckStatus::Ok << "/sys/fs/cgroup/memory";
    // This kernel has no CFQ, so no blkio.weight: a weight would fail the start (issue #16).
    QTest::newRow("io controller") << "cgroup.io" << CheckStatus::Limited
                                   << "/sys/fs/cgroup/blkio; blkio.weight: not available (no CFQ/BFQ weight";
    QTest::newRow("pids controller") << "cgroup.pids" << CheckStatus::Ok << "/sys/fs/cgroup/pids";
    QTest::newRow("swap accounting") << "cgroup.swap" << CheckStatus::Ok
                                     << "/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes";
    // Issue #17: how the cgroups are used, on this v1 host without systemd.
    QTest::newRow("device control") << "cgroup.device_control" << CheckStatus::Ok
                                    << "devices controller (cgroup v1): devices.deny and devices.allow of each "
                                       "container's cgroup under /sys/fs/cgroup/devices";
    QTest::newRow("delegation") << "cgroup.delegation" << CheckStatus::Ok
                                << "Berth's own parent /sys/fs/cgroup/*/berth in each v1 hierarchy; an unprivileged "
                                   "container's root owns its cgroup's tasks, cgroup.procs, cgroup.clone_children, "
                                   "notify_on_release (cgroup v1)";
    QTest::newRow("pid namespace") << "ns.pid" << CheckStatus::Ok << "/proc/self/ns/pid";
    QTest::newRow("cgroup namespace") << "ns.cgroup" << CheckStatus::Ok << "/proc/self/ns/cgroup";
    QTest::newRow("user namespace") << "ns.user" << CheckStatus::Ok << "max ";
    // scripts/berth-id-range.sh gave this machine Berth's range; /var/lib is ext4.
    QTest::newRow("Berth's range") << "userns.range" << CheckStatus::Ok
                                   << "1000000000-1999999999 (15258 blocks of 65536, ";
    // The containers' directory, or its nearest existing parent on a machine
    // where Berth never ran (/var/lib).
    QTest::newRow("rootfs owners") << "userns.rootfs" << CheckStatus::Ok << "idmapped mounts on ext4 (/var/lib";
    QTest::newRow("mapped user namespace") << "userns.mapped" << CheckStatus::Ok << "made one mapping 0-65535";
    QTest::newRow("overlay") << "fs.overlay" << CheckStatus::Ok << "listed in /proc/filesystems";
    QTest::newRow("seccomp") << "sec.seccomp" << CheckStatus::Ok << "actions: ";
    QTest::newRow("busybox") << "tool.busybox" << CheckStatus::Ok << "/bin/busybox";
    QTest::newRow("dnsmasq") << "tool.dnsmasq" << CheckStatus::Ok << "/usr/sbin/dnsmasq";
}

void TestSystemCheckIntegration::item()
{
    QFETCH(QString, id);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detailStart);
    const std::optional<CheckItem> found = findItem(m_groups, id.toStdString());
    QVERIFY2(found, qPrintable("no item " + id));
    const QString detail = QString::fromStdString(found->detail);
    QVERIFY2(detail.startsWith(detailStart), qPrintable(detail));
    QCOMPARE(found->status, status);
}

void TestSystemCheckIntegration::probeAgreesWithIproute_data()
{
    QTest::addColumn<QString>("kind");
    for (const char* kind : {"veth", "bridge", "macvlan", "vlan"})
        QTest::newRow(kind) << QString(kind);
}

void TestSystemCheckIntegration::probeAgreesWithIproute()
{
    QFETCH(QString, kind);
    const std::optional<CheckItem> found = findItem(m_groups, "net." + kind.toStdString());
    QVERIFY(found);
    const bool expected = iprouteCanCreate(kind);
    QCOMPARE(found->status, expected ? CheckStatus::Ok : CheckStatus::Missing);
    const QString detail = QString::fromStdString(found->detail);
    QVERIFY2(detail.startsWith(expected ? "created one in a test namespace" : "cannot create one: "),
             qPrintable(detail));
}

// The environment checks this netns for leftover links after the test; here
// the probe's child must also be reaped, not left as a zombie.
void TestSystemCheckIntegration::probeLeavesNothingBehind()
{
    const std::set<std::string> before = berth::test::currentLinks();
    const std::optional<CheckItem> veth = findItem(berth::runSystemCheck(), "net.veth");
    QVERIFY(veth);
    QCOMPARE(veth->status, CheckStatus::Ok);
    QCOMPARE(berth::test::currentLinks(), before);
    errno = 0;
    QCOMPARE(::waitpid(-1, nullptr, WNOHANG), -1);
    QCOMPARE(errno, ECHILD);
}

void TestSystemCheckIntegration::unprivilegedFallsBackToModules()
{
    const pid_t pid = ::fork();
    QVERIFY(pid >= 0);
    if (pid == 0)
        unprivilegedCheck();
    int status = 0;
    QCOMPARE(::waitpid(pid, &status, 0), pid);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
}

BERTH_INTEGRATION_MAIN(TestSystemCheckIntegration)
#include "test_system_check_integration.moc"
