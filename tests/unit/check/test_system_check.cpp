// The system check against fake host trees: exact statuses and details per
// item, the text table's completeness, and the small readers it uses.
#include "berth/system_check.h"
#include "check/check_text.h"
#include "fs/host_files.h"
#include "fixture_hosts.h"

#include <QtTest/QtTest>

#include <fstream>
#include <map>
#include <set>

using berth::CheckItem;
using berth::CheckStatus;
using berth::test::FixtureHost;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(FixtureHost)
Q_DECLARE_METATYPE(CheckStatus)

namespace {

// A host tree in a temporary directory, checked without kernel probes
// (those need root and are the integration test's business).
class CheckedHost {
public:
    explicit CheckedHost(std::optional<FixtureHost> host)
    {
        if (host)
            berth::test::writeFixtureHost(*host, root());
    }
    [[nodiscard]] fs::path root() const { return m_dir.path().toStdString(); }
    [[nodiscard]] std::vector<berth::CheckGroup> run() const
    {
        return berth::runSystemCheck({.root = root(), .probeKernel = false});
    }

private:
    QTemporaryDir m_dir;
};

std::optional<CheckItem> findItem(const std::vector<berth::CheckGroup>& groups, std::string_view id)
{
    for (const berth::CheckGroup& group : groups)
        for (const CheckItem& item : group.items)
            if (item.id == id)
                return item;
    return std::nullopt;
}

void writeText(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

} // namespace

class TestSystemCheck : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void items_data();
    void items();
    void everyItemComplete_data();
    void everyItemComplete();
    void controllerOnlyOnCgroup2OfHybridHost();
    void unifiedSwapUnknown_data();
    void unifiedSwapUnknown();
    void userNamespacesDisabled();
    void berthRange();
    void unifiedDevicesNeedCgroupBpf();
    void noDeviceControlOnHybridWithoutV1Devices();
    void systemdAsInitDelegatesScopes_data();
    void systemdAsInitDelegatesScopes();
    void readHostNumber_data();
    void readHostNumber();
    void statusField();
    void statusNames();

private:
    // Each fixture host is written and checked once, for all of items()' rows.
    std::map<FixtureHost, std::vector<berth::CheckGroup>> m_results;
};

// Berth's range from etc/subuid and etc/subgid, its free blocks counted
// from the containers' configs; without it, the fix is named.
void TestSystemCheck::berthRange()
{
    const CheckedHost checked(FixtureHost::Hybrid);
    std::optional<CheckItem> range = findItem(checked.run(), "userns.range");
    QVERIFY(range);
    QCOMPARE(range->status, CheckStatus::Missing);
    QVERIFY2(range->detail.starts_with("no entry for _berth in /etc/subuid and /etc/subgid: run "
                                       "/usr/libexec/berth/berth-id-range"),
             range->detail.c_str());
    writeText(checked.root() / "etc/subuid", "_berth:1000000000:1000000000\n");
    writeText(checked.root() / "etc/subgid", "_berth:1000000000:1000000000\n");
    writeText(checked.root() / "var/lib/berth/containers/a/config",
              "lxc.idmap = u 0 1000065536 65536\nlxc.idmap = g 0 1000065536 65536\n");
    fs::create_directories(checked.root() / "var/lib/berth/containers/a/rootfs");
    range = findItem(checked.run(), "userns.range");
    QVERIFY(range);
    QCOMPARE(range->status, CheckStatus::Ok);
    QCOMPARE(range->detail, std::string("1000000000-1999999999 (15258 blocks of 65536, 15257 free)"));
}

void TestSystemCheck::initTestCase()
{
    for (FixtureHost host : {FixtureHost::Hybrid, FixtureHost::Unified, FixtureHost::Bare})
        m_results[host] = CheckedHost(host).run();
}

void TestSystemCheck::items_data()
{
    QTest::addColumn<FixtureHost>("host");
    QTest::addColumn<QString>("id");
    QTest::addColumn<CheckStatus>("status");
    QTest::addColumn<QString>("detail");

    const auto row = [](const char* name, FixtureHost host, const char* id, CheckStatus status, const char* detail) {
        QTest::newRow(name) << host << QString(id) << status << QString(detail);
    };
    constexpr auto H = FixtureHost::Hybrid;
    constexpr auto U = FixtureHost::Unified;
    constexpr auto B = FixtureHost::Bare;
    constexpr auto Ok = CheckStatus::Ok;
    constexpr auto Missing = CheckStatus::Missing;
    constexpr auto Limited = CheckStatus::Limited;

    row("hybrid ns.pid", H, "ns.pid", Ok, "/proc/self/ns/pid");
    row("hybrid ns.mount", H, "ns.mount", Ok, "/proc/self/ns/mnt");
    row("hybrid ns.uts", H, "ns.uts", Ok, "/proc/self/ns/uts");
    row("hybrid ns.ipc", H, "ns.ipc", Ok, "/proc/self/ns/ipc");
    row("hybrid ns.net", H, "ns.net", Ok, "/proc/self/ns/net");
    row("hybrid ns.cgroup", H, "ns.cgroup", Ok, "/proc/self/ns/cgroup");
    row("hybrid ns.user", H, "ns.user", Ok, "max 96365");
    row("hybrid userns.rootfs", H, "userns.rootfs", Ok, "not probed (making an idmapped mount needs root)");
    row("hybrid cgroup.mode", H, "cgroup.mode", Ok, "hybrid: v1 controllers, cgroup2 at /sys/fs/cgroup/unified");
    row("hybrid cgroup.cpu", H, "cgroup.cpu", Ok, "/sys/fs/cgroup/cpu");
    row("hybrid cgroup.cpuacct", H, "cgroup.cpuacct", Ok, "/sys/fs/cgroup/cpuacct");
    row("hybrid cgroup.cpuset", H, "cgroup.cpuset", Ok, "/sys/fs/cgroup/cpuset");
    row("hybrid cgroup.memory", H, "cgroup.memory", Ok, "/sys/fs/cgroup/memory");
    row("hybrid cgroup.pids", H, "cgroup.pids", Ok, "/sys/fs/cgroup/pids");
    // Issue #16: no blkio.weight (no CFQ) is said, as the start would fail to write one.
    row("hybrid cgroup.io, no blkio.weight", H, "cgroup.io", Limited,
        "/sys/fs/cgroup/blkio; blkio.weight: not available (no CFQ/BFQ weight: the kernel has no blkio.weight "
        "file), bandwidth limits work");
    row("hybrid cgroup.freezer", H, "cgroup.freezer", Ok, "/sys/fs/cgroup/freezer");
    row("hybrid cgroup.devices", H, "cgroup.devices", Ok, "/sys/fs/cgroup/devices");
    row("hybrid cgroup.swap", H, "cgroup.swap", Ok, "/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes");
    row("hybrid cgroup.device_control", H, "cgroup.device_control", Ok,
        "devices controller (cgroup v1): devices.deny and devices.allow of each container's cgroup under "
        "/sys/fs/cgroup/devices");
    row("hybrid cgroup.delegation", H, "cgroup.delegation", Ok,
        "Berth's own parent /sys/fs/cgroup/*/berth in each v1 hierarchy; an unprivileged container's root owns its "
        "cgroup's tasks, cgroup.procs, cgroup.clone_children, notify_on_release (cgroup v1)");
    row("hybrid net.veth", H, "net.veth", Ok, "module 'veth' loaded");
    row("hybrid net.bridge", H, "net.bridge", Ok, "built into the kernel");
    row("hybrid net.macvlan", H, "net.macvlan", Ok, "module 'macvlan' can be loaded");
    row("hybrid net.vlan", H, "net.vlan", Ok, "module '8021q' can be loaded");
    row("hybrid fs.overlay", H, "fs.overlay", Ok, "listed in /proc/filesystems");
    row("hybrid fs.tmpfs", H, "fs.tmpfs", Ok, "listed in /proc/filesystems");
    row("hybrid fs.devpts", H, "fs.devpts", Ok, "listed in /proc/filesystems");
    row("hybrid sec.seccomp", H, "sec.seccomp", Ok,
        "actions: kill_process kill_thread trap errno user_notif trace log allow");
    row("hybrid sec.no_new_privs", H, "sec.no_new_privs", Ok, "NoNewPrivs in /proc/self/status");
    row("hybrid sec.capabilities", H, "sec.capabilities", Ok, "41 capabilities (last is 40)");
    row("hybrid tool.nftables", H, "tool.nftables", Ok, "/usr/lib/x86_64-linux-gnu/libnftables.so.1, /usr/sbin/nft");
    row("hybrid tool.dnsmasq", H, "tool.dnsmasq", Ok, "/usr/sbin/dnsmasq");
    row("hybrid tool.debootstrap", H, "tool.debootstrap", Ok, "/usr/sbin/debootstrap");
    row("hybrid tool.busybox", H, "tool.busybox", Ok, "/bin/busybox");

    row("v2 ns.user", U, "ns.user", Limited,
        "max 63431; only root may create them (kernel.unprivileged_userns_clone = 0)");
    row("v2 cgroup.mode", U, "cgroup.mode", Ok, "unified: cgroup2 at /sys/fs/cgroup");
    row("v2 cgroup.cpu", U, "cgroup.cpu", Ok, "/sys/fs/cgroup (cgroup2)");
    row("v2 cgroup.cpuacct", U, "cgroup.cpuacct", Ok, "/sys/fs/cgroup (cgroup2, part of the cpu controller)");
    row("v2 cgroup.memory", U, "cgroup.memory", Ok, "/sys/fs/cgroup (cgroup2)");
    row("v2 cgroup.io, with io.cost", U, "cgroup.io", Ok, "/sys/fs/cgroup (cgroup2)");
    row("v2 cgroup.freezer", U, "cgroup.freezer", Ok, "/sys/fs/cgroup (cgroup2, built in (cgroup.freeze))");
    row("v2 cgroup.devices", U, "cgroup.devices", Ok,
        "/sys/fs/cgroup (cgroup2, BPF device programs: built into the kernel (CONFIG_CGROUP_BPF=y))");
    row("v2 cgroup.swap", U, "cgroup.swap", Ok, "/sys/fs/cgroup/system.slice/memory.swap.max");
    row("v2 cgroup.device_control", U, "cgroup.device_control", Ok,
        "BPF device program (cgroup v2, BPF_CGROUP_DEVICE) on each container's cgroup");
    row("v2 cgroup.delegation", U, "cgroup.delegation", Ok,
        "Berth's own parent /sys/fs/cgroup/berth; an unprivileged container's root owns its cgroup's cgroup.procs, "
        "cgroup.threads, cgroup.subtree_control (cgroup v2)");
    row("v2 net.veth, config =m", U, "net.veth", Ok, "available as a module (CONFIG_VETH=m)");
    row("v2 net.bridge, config =y", U, "net.bridge", Ok, "built into the kernel (CONFIG_BRIDGE=y)");
    row("v2 net.macvlan, config not set", U, "net.macvlan", Missing,
        "no module 'macvlan' loaded, built in or installed, nor CONFIG_MACVLAN in the kernel config");
    row("v2 net.vlan, only a similar symbol", U, "net.vlan", Missing,
        "no module '8021q' loaded, built in or installed, nor CONFIG_VLAN_8021Q in the kernel config");
    row("v2 fs.overlay, module not loaded yet", U, "fs.overlay", Ok,
        "available as a module (CONFIG_OVERLAY_FS=m) (registers on first mount)");
    row("bare net.veth, nothing known", B, "net.veth", Missing,
        "no module 'veth' loaded, built in or installed, nor CONFIG_VETH in the kernel config");
    row("v2 sec.seccomp", U, "sec.seccomp", Ok, "actions: kill_process kill_thread trap errno trace log allow");
    row("v2 tool.nftables, program only", U, "tool.nftables", Ok, "/usr/sbin/nft");
    row("v2 tool.dnsmasq, not executable", U, "tool.dnsmasq", Missing,
        "dnsmasq not found in /usr/sbin, /usr/bin, /sbin or /bin");
    // Issue #14: builds are verified; a missing keyring is said.
    row("v2 tool.debootstrap, no ubuntu keyring", U, "tool.debootstrap", Limited,
        "/usr/sbin/debootstrap; /usr/share/keyrings/ubuntu-archive-keyring.gpg is missing (install ubuntu-keyring): "
        "the ubuntu template refuses to build");
    row("v2 tool.busybox, dynamic", U, "tool.busybox", Limited,
        "/bin/busybox is dynamically linked: install busybox-static");

    row("bare ns.pid", B, "ns.pid", Ok, "/proc/self/ns/pid");
    row("bare ns.cgroup", B, "ns.cgroup", Missing, "no /proc/self/ns/cgroup");
    row("bare ns.user", B, "ns.user", Missing, "no /proc/self/ns/user");
    row("bare cgroup.mode", B, "cgroup.mode", Ok, "legacy: v1 controllers only");
    row("bare cgroup.cpu, co-mounted", B, "cgroup.cpu", Ok, "/sys/fs/cgroup/cpu,cpuacct");
    row("bare cgroup.cpuacct, co-mounted", B, "cgroup.cpuacct", Ok, "/sys/fs/cgroup/cpu,cpuacct");
    row("bare cgroup.pids", B, "cgroup.pids", Missing, "no hierarchy has the pids controller");
    row("bare cgroup.io", B, "cgroup.io", Missing, "no hierarchy has the blkio controller");
    row("bare cgroup.delegation", B, "cgroup.delegation", Ok,
        "Berth's own parent /sys/fs/cgroup/*/berth in each v1 hierarchy; an unprivileged container's root owns its "
        "cgroup's tasks, cgroup.procs, cgroup.clone_children, notify_on_release (cgroup v1)");
    row("bare cgroup.swap", B, "cgroup.swap", Limited,
        "no memory.memsw.* files: swap accounting is off (boot with swapaccount=1)");
    row("bare fs.overlay", B, "fs.overlay", Missing, "not in /proc/filesystems and no module");
    row("bare fs.tmpfs", B, "fs.tmpfs", Ok, "listed in /proc/filesystems");
    row("bare sec.seccomp", B, "sec.seccomp", Missing,
        "kernel built without seccomp (no Seccomp in /proc/self/status)");
    row("bare sec.no_new_privs", B, "sec.no_new_privs", Limited, "cannot confirm: no NoNewPrivs in /proc/self/status");
    row("bare sec.capabilities", B, "sec.capabilities", Ok, "38 capabilities (last is 37)");
    row("bare tool.nftables", B, "tool.nftables", Missing, "neither libnftables.so.1 nor nft found");
    row("bare tool.debootstrap", B, "tool.debootstrap", Missing,
        "debootstrap not found in /usr/sbin, /usr/bin, /sbin or /bin");
    row("bare tool.busybox, a script", B, "tool.busybox", Missing, "/bin/busybox: not an ELF executable");
}

void TestSystemCheck::items()
{
    QFETCH(FixtureHost, host);
    QFETCH(QString, id);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detail);

    const std::optional<CheckItem> item = findItem(m_results.at(host), id.toStdString());
    QVERIFY2(item, qPrintable("no item " + id));
    QCOMPARE(QString::fromStdString(item->detail), detail);
    QCOMPARE(item->status, status);
}

void TestSystemCheck::everyItemComplete_data()
{
    QTest::addColumn<std::optional<FixtureHost>>("host");
    QTest::newRow("hybrid") << std::optional(FixtureHost::Hybrid);
    QTest::newRow("v2") << std::optional(FixtureHost::Unified);
    QTest::newRow("bare") << std::optional(FixtureHost::Bare);
    QTest::newRow("empty root: nothing readable") << std::optional<FixtureHost>();
}

// Whatever the host, the same ids in the same order, each with words for people.
void TestSystemCheck::everyItemComplete()
{
    QFETCH(std::optional<FixtureHost>, host);
    const CheckedHost checked(host);
    std::vector<std::string> ids;
    std::set<std::string> unique;
    for (const berth::CheckGroup& group : checked.run()) {
        QVERIFY(!group.title.empty());
        QVERIFY(!group.items.empty());
        for (const CheckItem& item : group.items) {
            QVERIFY2(!item.title.empty(), item.id.c_str());
            QVERIFY2(!item.explanation.empty(), item.id.c_str());
            QVERIFY2(!item.detail.empty(), item.id.c_str());
            QVERIFY2(unique.insert(item.id).second, ("duplicate id " + item.id).c_str());
            ids.push_back(item.id);
        }
    }
    std::vector<std::string> table;
    for (const berth::check::CheckText& text : berth::check::allCheckTexts())
        table.emplace_back(text.id);
    QCOMPARE(ids, table);
}

// A hybrid host limits through v1: without its devices controller nothing
// keeps a container from host devices, whatever cgroup2 could do.
void TestSystemCheck::noDeviceControlOnHybridWithoutV1Devices()
{
    const CheckedHost checked(FixtureHost::Hybrid);
    const fs::path mountinfo = checked.root() / "proc/self/mountinfo";
    std::ifstream in(mountinfo);
    std::string kept, line;
    while (std::getline(in, line))
        if (line.find("/sys/fs/cgroup/devices") == std::string::npos)
            kept += line + "\n";
    writeText(mountinfo, kept);
    const std::optional<CheckItem> item = findItem(checked.run(), "cgroup.device_control");
    QVERIFY(item);
    QCOMPARE(item->status, CheckStatus::Missing);
    QCOMPARE(item->detail, std::string("none: no v1 hierarchy has the devices controller on this hybrid host, so "
                                       "containers cannot start"));
}

// systemd as init (/run/systemd/system): a delegated scope in machine.slice
// per container, unless the helper was given a cgroup parent of its own.
void TestSystemCheck::systemdAsInitDelegatesScopes_data()
{
    QTest::addColumn<FixtureHost>("host");
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("detail");
    const QString scope =
        "systemd is init: a transient scope berth-NAME.scope with Delegate=yes in machine.slice for "
        "each container, from systemd over D-Bus; an unprivileged container's root owns its cgroup's ";
    QTest::newRow("v2") << FixtureHost::Unified << ""
                        << scope + "cgroup.procs, cgroup.threads, cgroup.subtree_control (cgroup v2)";
    QTest::newRow("v2, the default named")
        << FixtureHost::Unified << "berth"
        << scope + "cgroup.procs, cgroup.threads, cgroup.subtree_control (cgroup v2)";
    QTest::newRow("hybrid") << FixtureHost::Hybrid << ""
                            << scope + "tasks, cgroup.procs, cgroup.clone_children, notify_on_release (cgroup v1)";
    QTest::newRow("v2, a parent of its own")
        << FixtureHost::Unified << "test/x"
        << "Berth's own parent /sys/fs/cgroup/test/x; an unprivileged container's root owns its cgroup's "
           "cgroup.procs, cgroup.threads, cgroup.subtree_control (cgroup v2)";
}

void TestSystemCheck::systemdAsInitDelegatesScopes()
{
    QFETCH(FixtureHost, host);
    QFETCH(QString, parent);
    QFETCH(QString, detail);
    const CheckedHost checked(host);
    fs::create_directories(checked.root() / "run/systemd/system");
    const auto groups =
        berth::runSystemCheck({.root = checked.root(), .probeKernel = false, .cgroupParent = parent.toStdString()});
    const std::optional<CheckItem> item = findItem(groups, "cgroup.delegation");
    QVERIFY(item);
    QCOMPARE(item->status, CheckStatus::Ok);
    QCOMPARE(QString::fromStdString(item->detail), detail);
}

// Hybrid hosts set limits through v1 only: pids in cgroup2 alone is no help.
void TestSystemCheck::controllerOnlyOnCgroup2OfHybridHost()
{
    const CheckedHost checked(FixtureHost::Hybrid);
    std::ifstream in(checked.root() / "proc/self/mountinfo");
    std::string line, kept;
    while (std::getline(in, line))
        if (line.find("/sys/fs/cgroup/pids") == std::string::npos)
            kept += line + "\n";
    in.close();
    writeText(checked.root() / "proc/self/mountinfo", kept);
    writeText(checked.root() / "sys/fs/cgroup/unified/cgroup.controllers", "pids\n");

    const std::optional<CheckItem> pids = findItem(checked.run(), "cgroup.pids");
    QVERIFY(pids);
    QCOMPARE(pids->status, CheckStatus::Limited);
    QCOMPARE(QString::fromStdString(pids->detail),
             "only on /sys/fs/cgroup/unified (cgroup2), which holds no limits on a hybrid host");
}

void TestSystemCheck::unifiedSwapUnknown_data()
{
    QTest::addColumn<bool>("memoryChild");
    QTest::addColumn<QString>("detail");
    QTest::newRow("memory.max without memory.swap.max")
        << true << "no memory.swap.max: swap accounting is off (boot with swapaccount=1)";
    QTest::newRow("no child with the memory controller")
        << false << "cannot tell: no child cgroup has the memory controller enabled";
}

void TestSystemCheck::unifiedSwapUnknown()
{
    QFETCH(bool, memoryChild);
    QFETCH(QString, detail);
    const CheckedHost checked(FixtureHost::Unified);
    fs::remove(checked.root() / "sys/fs/cgroup/system.slice/memory.swap.max");
    if (!memoryChild)
        fs::remove(checked.root() / "sys/fs/cgroup/system.slice/memory.max");

    const std::optional<CheckItem> swap = findItem(checked.run(), "cgroup.swap");
    QVERIFY(swap);
    QCOMPARE(QString::fromStdString(swap->detail), detail);
    QCOMPARE(swap->status, CheckStatus::Limited);
}

void TestSystemCheck::userNamespacesDisabled()
{
    const CheckedHost checked(FixtureHost::Hybrid);
    writeText(checked.root() / "proc/sys/user/max_user_namespaces", "0\n");
    const std::optional<CheckItem> user = findItem(checked.run(), "ns.user");
    QVERIFY(user);
    QCOMPARE(user->status, CheckStatus::Limited);
    QCOMPARE(QString::fromStdString(user->detail),
             "max 0: new user namespaces are disabled (user.max_user_namespaces)");
}

// cgroup2 has no devices controller: without CONFIG_CGROUP_BPF no device
// program can be attached, and a container would reach every host device.
void TestSystemCheck::unifiedDevicesNeedCgroupBpf()
{
    const CheckedHost checked(FixtureHost::Unified);
    writeText(checked.root() / "boot/config-6.12.0-v2", "CONFIG_VETH=m\n# CONFIG_CGROUP_BPF is not set\n");
    const std::optional<CheckItem> devices = findItem(checked.run(), "cgroup.devices");
    QVERIFY(devices.has_value());
    QCOMPARE(devices->status, CheckStatus::Missing);
    QCOMPARE(
        QString::fromStdString(devices->detail),
        QString("no CONFIG_CGROUP_BPF=y in the kernel config, so no BPF device programs: containers cannot start"));
}

void TestSystemCheck::readHostNumber_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qulonglong>("value");
    QTest::newRow("number and newline") << QByteArray("40\n") << true << 40ULL;
    QTest::newRow("surrounding blanks") << QByteArray(" 7 \n") << true << 7ULL;
    QTest::newRow("largest") << QByteArray("18446744073709551615") << true << 18446744073709551615ULL;
    QTest::newRow("too large") << QByteArray("18446744073709551616") << false << 0ULL;
    QTest::newRow("negative") << QByteArray("-1\n") << false << 0ULL;
    QTest::newRow("trailing text") << QByteArray("40x\n") << false << 0ULL;
    QTest::newRow("two numbers") << QByteArray("4 0\n") << false << 0ULL;
    QTest::newRow("empty") << QByteArray("") << false << 0ULL;
}

void TestSystemCheck::readHostNumber()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, valid);
    QFETCH(qulonglong, value);
    QTemporaryDir dir;
    const fs::path file = fs::path(dir.path().toStdString()) / "number";
    writeText(file, content.toStdString());

    const berth::Result<std::uint64_t> number = berth::check::readHostNumber(file);
    QCOMPARE(number.has_value(), valid);
    if (valid)
        QCOMPARE(qulonglong(*number), value);
    else
        QVERIFY(number.error().message.find(file.string()) != std::string::npos);
}

void TestSystemCheck::statusField()
{
    const std::string_view status = "Name:\tx\nSeccompX:\t9\nSeccomp:\t2\nSeccomp_filters:\t1\n";
    QCOMPARE(berth::check::statusField(status, "Seccomp"), std::optional<std::string>("2"));
    QCOMPARE(berth::check::statusField(status, "Name"), std::optional<std::string>("x"));
    QVERIFY(!berth::check::statusField(status, "NoNewPrivs"));
}

void TestSystemCheck::statusNames()
{
    QCOMPARE(berth::checkStatusName(CheckStatus::Ok), "ok");
    QCOMPARE(berth::checkStatusName(CheckStatus::Missing), "missing");
    QCOMPARE(berth::checkStatusName(CheckStatus::Limited), "limited");
}

QTEST_GUILESS_MAIN(TestSystemCheck)
#include "test_system_check.moc"
