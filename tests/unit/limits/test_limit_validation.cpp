// validateLimits' error table, and readHostResources from fixture trees
// written by the test (proc/meminfo, sys/devices/system/..., sys/dev/block).
#include "cgroup/limit_writes.h"

#include <QtTest/QtTest>

#include <fstream>

using namespace berth;
using namespace berth::cgroup;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(berth::Limits)

namespace {

HostResources host()
{
    HostResources h;
    h.memoryBytes = 1ULL << 30;
    h.onlineCpus = "0-1";
    h.onlineMems = "0";
    h.blockDevices = {{8, 0}, {253, 0}};
    h.v1SwapAccounting = true;
    h.v2Swap = false;
    h.ioWeight = true;
    return h;
}

template <class F> Limits make(F&& fill)
{
    Limits l;
    fill(l);
    return l;
}

void writeText(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

} // namespace

class TestLimitValidation : public QObject {
    Q_OBJECT
private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void ioWeightNeedsItsFile_data();
    void ioWeightNeedsItsFile();
    void hostResources_data();
    void hostResources();
    void hostResourcesErrors_data();
    void hostResourcesErrors();
};

void TestLimitValidation::accepted_data()
{
    QTest::addColumn<Limits>("limits");
    QTest::addColumn<int>("mode");

    QTest::newRow("nothing") << Limits{} << int(Mode::Legacy);
    QTest::newRow("memory 4 MiB") << make([](Limits& l) { l.memoryMax = 4ULL << 20; }) << int(Mode::Legacy);
    QTest::newRow("memory = host") << make([](Limits& l) { l.memoryMax = 1ULL << 30; }) << int(Mode::Legacy);
    QTest::newRow("memory max") << make([](Limits& l) { l.memoryMax = kUnlimited; }) << int(Mode::Unified);
    QTest::newRow("soft 1 byte") << make([](Limits& l) { l.memorySoft = 1; }) << int(Mode::Legacy);
    QTest::newRow("v1 swap with accounting") << make([](Limits& l) { l.swapMax = 0; }) << int(Mode::Hybrid);
    QTest::newRow("weights at edges") << make([](Limits& l) {
        l.cpuWeight = 1;
        l.ioWeight = 10000;
    }) << int(Mode::Unified);
    QTest::newRow("all cores") << make([](Limits& l) { l.cpuQuota = CpuQuota{2, 1000000}; }) << int(Mode::Legacy);
    QTest::newRow("no quota") << make([](Limits& l) { l.cpuQuota = CpuQuota{0, 1000}; }) << int(Mode::Legacy);
    QTest::newRow("1 ms quota") << make([](Limits& l) { l.cpuQuota = CpuQuota{0.01, 100000}; }) << int(Mode::Legacy);
    QTest::newRow("cpuset") << make([](Limits& l) {
        l.cpus = "0,1";
        l.mems = "0";
    }) << int(Mode::Legacy);
    QTest::newRow("pids") << make([](Limits& l) { l.pidsMax = 1; }) << int(Mode::Legacy);
    QTest::newRow("device") << make([](Limits& l) {
        l.ioDevices = {IoDeviceLimit{253, 0, 1, 1, 1, 1}};
    }) << int(Mode::Legacy);
}

void TestLimitValidation::accepted()
{
    QFETCH(Limits, limits);
    QFETCH(int, mode);
    const Status ok = validateLimits(limits, host(), Mode(mode));
    QVERIFY2(ok, ok ? "" : ok.error().message.c_str());
}

void TestLimitValidation::refused_data()
{
    QTest::addColumn<Limits>("limits");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("message");

    QTest::newRow("memory below 4 MiB") << make([](Limits& l) { l.memoryMax = (4ULL << 20) - 1; }) << int(Mode::Legacy)
                                        << "memory limit 4194303 bytes is below the minimum of 4 MiB";
    QTest::newRow("memory above host") << make([](Limits& l) { l.memoryMax = (1ULL << 30) + 1; }) << int(Mode::Legacy)
                                       << "memory limit 1073741825 bytes exceeds the host's memory (1073741824 bytes)";
    QTest::newRow("soft above host") << make([](Limits& l) {
        l.memorySoft = 2ULL << 30;
    }) << int(Mode::Legacy) << "memory soft limit 2147483648 bytes exceeds the host's memory (1073741824 bytes)";
    QTest::newRow("v2 swap unaccounted") << make([](Limits& l) { l.swapMax = 0; }) << int(Mode::Unified)
                                         << "swap limits need swap accounting (memory.swap.max is missing)";
    QTest::newRow("cpu weight 0") << make([](Limits& l) { l.cpuWeight = 0; }) << int(Mode::Legacy)
                                  << "CPU weight 0 is out of range 1..10000";
    QTest::newRow("cpu weight 10001") << make([](Limits& l) { l.cpuWeight = 10001; }) << int(Mode::Legacy)
                                      << "CPU weight 10001 is out of range 1..10000";
    QTest::newRow("io weight 0") << make([](Limits& l) { l.ioWeight = 0; }) << int(Mode::Unified)
                                 << "IO weight 0 is out of range 1..10000";
    QTest::newRow("cpu shares 1") << make([](Limits& l) { l.cpuShares = 1; }) << int(Mode::Legacy)
                                  << "CPU shares 1 is out of range 2..262144";
    QTest::newRow("blkio weight 1001") << make([](Limits& l) { l.blkioWeight = 1001; }) << int(Mode::Legacy)
                                       << "blkio weight 1001 is out of range 10..1000";
    QTest::newRow("shares and weight") << make([](Limits& l) {
        l.cpuShares = 512;
        l.cpuWeight = 20;
    }) << int(Mode::Legacy) << "cpu.weight and cpu.shares are the same weight: give one";
    QTest::newRow("io and blkio weight") << make([](Limits& l) {
        l.blkioWeight = 500;
        l.ioWeight = 20;
    }) << int(Mode::Unified) << "io.weight and blkio.weight are the same weight: give one";
    QTest::newRow("quota above cpus") << make([](Limits& l) {
        l.cpuQuota = CpuQuota{2.5, 100000};
    }) << int(Mode::Legacy) << "CPU quota of 2.5 cores exceeds the host's 2 online CPUs";
    QTest::newRow("negative quota") << make([](Limits& l) {
        l.cpuQuota = CpuQuota{-1, 100000};
    }) << int(Mode::Legacy) << "CPU quota of -1 cores is not a positive number";
    QTest::newRow("NaN quota") << make([](Limits& l) {
        l.cpuQuota = CpuQuota{std::nan(""), 100000};
    }) << int(Mode::Legacy) << "CPU quota of nan cores is not a positive number";
    QTest::newRow("quota below 1 ms") << make([](Limits& l) {
        l.cpuQuota = CpuQuota{0.001, 100000};
    }) << int(Mode::Legacy) << "CPU quota of 0.001 cores is below 1 ms per 100000 us period";
    QTest::newRow("period too short") << make([](Limits& l) {
        l.cpuQuota = CpuQuota{1, 999};
    }) << int(Mode::Legacy) << "CPU quota period 999 us is out of range 1000..1000000";
    QTest::newRow("period too long") << make([](Limits& l) {
        l.cpuQuota = CpuQuota{1, 1000001};
    }) << int(Mode::Unified) << "CPU quota period 1000001 us is out of range 1000..1000000";
    QTest::newRow("cpuset beyond host") << make([](Limits& l) { l.cpus = "0-7"; }) << int(Mode::Legacy)
                                        << "cpuset '0-7' names CPUs the host does not have (online: 0-1)";
    QTest::newRow("cpuset syntax") << make([](Limits& l) { l.cpus = "0-"; }) << int(Mode::Legacy)
                                   << "cpuset: '0-' is not a CPU list ('' is not a number)";
    QTest::newRow("cpuset backwards") << make([](Limits& l) { l.cpus = "1-0"; }) << int(Mode::Legacy)
                                      << "cpuset: '1-0' is not a CPU list (range '1-0' runs backwards)";
    QTest::newRow("cpuset negative") << make([](Limits& l) { l.cpus = "-1"; }) << int(Mode::Legacy)
                                     << "cpuset: '-1' is not a CPU list ('' is not a number)";
    QTest::newRow("cpuset empty") << make([](Limits& l) { l.cpus = ""; }) << int(Mode::Legacy)
                                  << "cpuset: '' is not a CPU list";
    QTest::newRow("mems beyond host") << make([](Limits& l) { l.mems = "1"; }) << int(Mode::Unified)
                                      << "cpuset mems '1' names memory nodes the host does not have (online: 0)";
    QTest::newRow("pids 0") << make([](Limits& l) { l.pidsMax = 0; }) << int(Mode::Legacy)
                            << "pids limit 0 is out of range 1..4194304";
    QTest::newRow("unknown device") << make([](Limits& l) {
        l.ioDevices = {IoDeviceLimit{8, 16}};
    }) << int(Mode::Legacy) << "io limit for device 8:16: the host has no such block device";
    QTest::newRow("zero rate") << make([](Limits& l) {
        l.ioDevices = {IoDeviceLimit{8, 0, 0}};
    }) << int(Mode::Unified) << "io limit for device 8:0: 0 is not a rate (use max for none)";
}

void TestLimitValidation::refused()
{
    QFETCH(Limits, limits);
    QFETCH(int, mode);
    QFETCH(QString, message);
    const Status ok = validateLimits(limits, host(), Mode(mode));
    QVERIFY(!ok);
    QCOMPARE(QString::fromStdString(ok.error().message), message);
    QCOMPARE(ok.error().code, EINVAL);
}

// A kernel without the weight file (no CFQ on v1, no io.cost on v2) would
// fail the write at start: refused first, naming the key and why.
void TestLimitValidation::ioWeightNeedsItsFile_data()
{
    QTest::addColumn<Limits>("limits");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("message");

    const QString noBlkio = "blkio.weight: not available (no CFQ/BFQ weight: the kernel has no blkio.weight file)";
    QTest::newRow("blkio.weight on v1") << make([](Limits& l) { l.blkioWeight = 500; }) << int(Mode::Legacy) << noBlkio;
    QTest::newRow("io.weight on v1") << make([](Limits& l) { l.ioWeight = 100; }) << int(Mode::Hybrid)
                                     << "io.weight is written as blkio.weight on this host; " + noBlkio;
    QTest::newRow("io.weight on v2") << make([](Limits& l) {
        l.ioWeight = 100;
    }) << int(Mode::Unified) << "io.weight: not available (no io.cost controller: the kernel has no io.weight file)";
}

void TestLimitValidation::ioWeightNeedsItsFile()
{
    QFETCH(Limits, limits);
    QFETCH(int, mode);
    QFETCH(QString, message);
    HostResources without = host();
    without.ioWeight = false;
    const Status ok = validateLimits(limits, without, Mode(mode));
    QVERIFY(!ok);
    QCOMPARE(QString::fromStdString(ok.error().message), message);
    QCOMPARE(ok.error().code, EINVAL);
    QVERIFY(validateLimits(limits, host(), Mode(mode)));
    // Other limits pass without the file.
    QVERIFY(validateLimits(make([](Limits& l) { l.cpuShares = 512; }), without, Mode(mode)));
}

void TestLimitValidation::hostResources_data()
{
    QTest::addColumn<bool>("unified");
    QTest::addColumn<bool>("withNodes");
    QTest::addColumn<bool>("swapFiles"); // memsw in v1 root / swap.max in a v2 child
                                         // and blkio.weight in v1 root / io.cost.qos in v2 root
    QTest::addColumn<QString>("expectedMems");
    QTest::addColumn<bool>("expectedSwap");

    QTest::newRow("v1 with swap accounting") << false << true << true << "0-1" << true;
    QTest::newRow("v1 without swap accounting, no nodes dir") << false << false << false << "0" << false;
    QTest::newRow("v2 child with swap.max") << true << true << true << "0-1" << true;
    QTest::newRow("v2 child without swap.max") << true << false << false << "0" << false;
}

void TestLimitValidation::hostResources()
{
    QFETCH(bool, unified);
    QFETCH(bool, withNodes);
    QFETCH(bool, swapFiles);
    QFETCH(QString, expectedMems);
    QFETCH(bool, expectedSwap);

    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    writeText(root / "proc/meminfo", "MemTotal:       24684084 kB\nMemFree:        21797820 kB\n");
    writeText(root / "sys/devices/system/cpu/online", "0-3,6\n");
    if (withNodes)
        writeText(root / "sys/devices/system/node/online", "0-1\n");
    for (const char* dev : {"8:16", "8:0", "253:0", "README"})
        writeText(root / "sys/dev/block" / dev, "");

    Layout layout;
    const fs::path mount = root / "sys/fs/cgroup" / (unified ? "" : "memory");
    if (unified) {
        layout.mode = Mode::Unified;
        layout.unified = Hierarchy{mount, {"cpu", "memory", "io"}, "", true};
        writeText(mount / "child/memory.max", "max\n");
        if (swapFiles) {
            writeText(mount / "child/memory.swap.max", "max\n");
            writeText(mount / "io.cost.qos", "");
        }
    } else {
        layout.mode = Mode::Legacy;
        layout.legacy.push_back(Hierarchy{root / "sys/fs/cgroup/cpu", {"cpu"}, "", false});
        layout.legacy.push_back(Hierarchy{mount, {"memory"}, "", false});
        layout.legacy.push_back(Hierarchy{root / "sys/fs/cgroup/blkio", {"blkio"}, "", false});
        fs::create_directories(mount);
        writeText(root / "sys/fs/cgroup/blkio/blkio.throttle.read_bps_device", "");
        if (swapFiles) {
            writeText(mount / "memory.memsw.limit_in_bytes", "9223372036854771712\n");
            writeText(root / "sys/fs/cgroup/blkio/blkio.weight", "500\n");
        }
    }

    auto h = readHostResources(layout, root);
    QVERIFY2(h, h ? "" : h.error().message.c_str());
    QCOMPARE(h->memoryBytes, 24684084ULL * 1024);
    QCOMPARE(QString::fromStdString(h->onlineCpus), "0-3,6");
    QCOMPARE(QString::fromStdString(h->onlineMems), expectedMems);
    using Devices = std::vector<std::pair<unsigned, unsigned>>;
    QVERIFY(h->blockDevices == (Devices{{8, 0}, {8, 16}, {253, 0}}));
    QCOMPARE(unified ? h->v2Swap : h->v1SwapAccounting, expectedSwap);
    QCOMPARE(unified ? h->v1SwapAccounting : h->v2Swap, false);
    QCOMPARE(h->ioWeight, swapFiles);
}

void TestLimitValidation::hostResourcesErrors_data()
{
    QTest::addColumn<QString>("meminfo");
    QTest::addColumn<QString>("cpus");
    QTest::addColumn<QString>("message"); // after "read host resources: <root>/"

    QTest::newRow("no MemTotal") << "MemFree: 1 kB\n"
                                 << "0\n"
                                 << "proc/meminfo has no MemTotal line";
    QTest::newRow("MemTotal not a number") << "MemTotal: lots kB\n"
                                           << "0\n"
                                           << "proc/meminfo: MemTotal: 'lots' is not a number";
    QTest::newRow("bad cpu list") << "MemTotal: 1 kB\n"
                                  << "0-x\n"
                                  << "sys/devices/system/cpu/online: '0-x' is not a CPU list ('x' is not a number)";
}

void TestLimitValidation::hostResourcesErrors()
{
    QFETCH(QString, meminfo);
    QFETCH(QString, cpus);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    writeText(root / "proc/meminfo", meminfo.toStdString());
    writeText(root / "sys/devices/system/cpu/online", cpus.toStdString());
    fs::create_directories(root / "sys/dev/block");
    auto h = readHostResources(Layout{}, root);
    QVERIFY(!h);
    QCOMPARE(QString::fromStdString(h.error().message),
             "read host resources: " + QString::fromStdString(root.string()) + "/" + message);
}

QTEST_GUILESS_MAIN(TestLimitValidation)
#include "test_limit_validation.moc"
