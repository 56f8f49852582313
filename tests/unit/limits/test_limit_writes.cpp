// The v1 and v2 translation tables: the exact writes a Limits value becomes.
#include "cgroup/limit_writes.h"
#include "limits_text.h"

#include <QtTest/QtTest>

using namespace berth;
using namespace berth::cgroup;
using limits_text::describe;

Q_DECLARE_METATYPE(berth::Limits)

namespace {

HostResources host()
{
    HostResources h;
    h.memoryBytes = 8ULL << 30;
    h.onlineCpus = "0-3";
    h.onlineMems = "0";
    h.blockDevices = {{8, 0}, {8, 16}};
    h.v1SwapAccounting = true;
    h.v2Swap = true;
    return h;
}

Limits everything()
{
    Limits l;
    l.memoryMax = 256ULL << 20;
    l.memorySoft = 128ULL << 20;
    l.swapMax = 64ULL << 20;
    l.cpuWeight = 100;
    l.cpuQuota = CpuQuota{1.5, 100000};
    l.cpus = "0-1";
    l.mems = "0";
    l.pidsMax = 200;
    l.ioWeight = 100;
    l.ioDevices = {IoDeviceLimit{8, 0, 1048576, kUnlimited, kUnlimited, 50}};
    return l;
}

Limits unlimited()
{
    Limits l;
    l.memoryMax = kUnlimited;
    l.memorySoft = kUnlimited;
    l.swapMax = kUnlimited;
    l.cpuQuota = CpuQuota{0, 50000};
    l.pidsMax = kUnlimited;
    return l;
}

} // namespace

class TestLimitWrites : public QObject {
    Q_OBJECT
private slots:
    void writes_data();
    void writes();
    void refused_data();
    void refused();
    void emptyLimits();
};

void TestLimitWrites::writes_data()
{
    QTest::addColumn<Limits>("limits");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("expected");

    QTest::newRow("v2 everything")
        << everything() << int(Mode::Unified)
        << "cpuset/cpuset.cpus=0-1 | cpuset/cpuset.mems=0 | memory/memory.max=268435456 | "
           "memory/memory.high=134217728 | memory/memory.swap.max=67108864 | cpu/cpu.weight=100 | "
           "cpu/cpu.max=150000 100000 | pids/pids.max=200 | io/io.weight=default 100 | "
           "io/io.max=8:0 rbps=1048576 wbps=max riops=max wiops=50";
    QTest::newRow("v1 everything")
        << everything() << int(Mode::Legacy)
        << "cpuset/cpuset.cpus=0-1 | cpuset/cpuset.mems=0 | memory/memory.limit_in_bytes=268435456 | "
           "memory/memory.soft_limit_in_bytes=134217728 | memory/memory.memsw.limit_in_bytes=335544320 | "
           "cpu/cpu.shares=2598 | cpu/cpu.cfs_period_us=100000 | cpu/cpu.cfs_quota_us=150000 | "
           "pids/pids.max=200 | blkio/blkio.weight=20 | "
           "blkio/blkio.throttle.read_bps_device=8:0 1048576 | blkio/blkio.throttle.write_bps_device=8:0 0 | "
           "blkio/blkio.throttle.read_iops_device=8:0 0 | blkio/blkio.throttle.write_iops_device=8:0 50";
    QTest::newRow("hybrid is v1")
        << everything() << int(Mode::Hybrid)
        << "cpuset/cpuset.cpus=0-1 | cpuset/cpuset.mems=0 | memory/memory.limit_in_bytes=268435456 | "
           "memory/memory.soft_limit_in_bytes=134217728 | memory/memory.memsw.limit_in_bytes=335544320 | "
           "cpu/cpu.shares=2598 | cpu/cpu.cfs_period_us=100000 | cpu/cpu.cfs_quota_us=150000 | "
           "pids/pids.max=200 | blkio/blkio.weight=20 | "
           "blkio/blkio.throttle.read_bps_device=8:0 1048576 | blkio/blkio.throttle.write_bps_device=8:0 0 | "
           "blkio/blkio.throttle.read_iops_device=8:0 0 | blkio/blkio.throttle.write_iops_device=8:0 50";
    QTest::newRow("v2 unlimited") << unlimited() << int(Mode::Unified)
                                  << "memory/memory.max=max | memory/memory.high=max | memory/memory.swap.max=max | "
                                     "cpu/cpu.max=max 50000 | pids/pids.max=max";
    QTest::newRow("v1 unlimited")
        << unlimited() << int(Mode::Legacy)
        << "memory/memory.limit_in_bytes=-1 | memory/memory.soft_limit_in_bytes=-1 | "
           "memory/memory.memsw.limit_in_bytes=-1 | cpu/cpu.cfs_period_us=50000 | cpu/cpu.cfs_quota_us=-1 | "
           "pids/pids.max=max";

    Limits quota;
    quota.cpuQuota = CpuQuota{0.2, 100000};
    QTest::newRow("v2 fifth of a core") << quota << int(Mode::Unified) << "cpu/cpu.max=20000 100000";
    QTest::newRow("v1 fifth of a core") << quota << int(Mode::Legacy)
                                        << "cpu/cpu.cfs_period_us=100000 | cpu/cpu.cfs_quota_us=20000";

    Limits memoryOnly;
    memoryOnly.memoryMax = 4ULL << 20;
    QTest::newRow("v1 memory alone leaves memsw")
        << memoryOnly << int(Mode::Legacy) << "memory/memory.limit_in_bytes=4194304";

    // A v1 value reaches a v1 kernel as given (512 used to become 501 by
    // way of cpu.weight 20); on v2 it is converted.
    Limits v1Weights;
    v1Weights.cpuShares = 512;
    v1Weights.blkioWeight = 500;
    QTest::newRow("v1 shares and blkio weight exact")
        << v1Weights << int(Mode::Legacy) << "cpu/cpu.shares=512 | blkio/blkio.weight=500";
    QTest::newRow("v1 weights on v2 converted")
        << v1Weights << int(Mode::Unified) << "cpu/cpu.weight=20 | io/io.weight=default 4950";
    Limits v2Weights;
    v2Weights.cpuWeight = 20;
    v2Weights.ioWeight = 4950;
    QTest::newRow("v2 weights on v1 converted")
        << v2Weights << int(Mode::Legacy) << "cpu/cpu.shares=501 | blkio/blkio.weight=500";
}

void TestLimitWrites::writes()
{
    QFETCH(Limits, limits);
    QFETCH(int, mode);
    QFETCH(QString, expected);
    auto writes = limitWrites(limits, Mode(mode), host());
    QVERIFY2(writes, writes ? "" : writes.error().message.c_str());
    QCOMPARE(describe(*writes), expected);
}

void TestLimitWrites::refused_data()
{
    QTest::addColumn<Limits>("limits");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("swapAccounting");
    QTest::addColumn<QString>("message");

    Limits swap;
    swap.memoryMax = 64ULL << 20;
    swap.swapMax = 64ULL << 20;
    QTest::newRow("v1 swap without accounting")
        << swap << int(Mode::Legacy) << false << "swap limits need swap accounting (swapaccount=1)";
    QTest::newRow("v2 swap without accounting")
        << swap << int(Mode::Unified) << false << "swap limits need swap accounting (memory.swap.max is missing)";
    Limits swapAlone;
    swapAlone.swapMax = 64ULL << 20;
    QTest::newRow("v1 swap without memory limit")
        << swapAlone << int(Mode::Legacy) << true
        << "a swap limit on cgroup v1 needs a memory limit as well (memsw = memory + swap)";
}

void TestLimitWrites::refused()
{
    QFETCH(Limits, limits);
    QFETCH(int, mode);
    QFETCH(bool, swapAccounting);
    QFETCH(QString, message);
    HostResources h = host();
    h.v1SwapAccounting = h.v2Swap = swapAccounting;
    auto writes = limitWrites(limits, Mode(mode), h);
    QVERIFY(!writes);
    QCOMPARE(QString::fromStdString(writes.error().message), message);
    QCOMPARE(writes.error().code, EINVAL);
}

void TestLimitWrites::emptyLimits()
{
    QVERIFY(Limits{}.empty());
    QVERIFY(!everything().empty());
    Limits devicesOnly;
    devicesOnly.ioDevices.push_back({});
    QVERIFY(!devicesOnly.empty());
    for (Mode mode : {Mode::Unified, Mode::Legacy}) {
        auto writes = limitWrites(Limits{}, mode, host());
        QVERIFY(writes && writes->empty());
    }
}

QTEST_GUILESS_MAIN(TestLimitWrites)
#include "test_limit_writes.moc"
