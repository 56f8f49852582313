// Statistics parsers on fixture texts, and the v1/v2 readers on fixture
// directories holding files copied from real kernels (v1 from this host,
// v2 from user-mode-linux), some values changed to tell fields apart.
#include "cgroup/stats_parse.h"
#include "cgroup/stats_read.h"

#include <QtTest/QtTest>

#include <fstream>

using namespace berth;
using namespace berth::cgroup;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(std::string)

class TestCgroupStats : public QObject {
    Q_OBJECT
private slots:
    void counters_data();
    void counters();
    void limits_data();
    void limits();
    void keyed_data();
    void keyed();
    void cpuMax_data();
    void cpuMax();
    void cfsQuota_data();
    void cfsQuota();
    void ioStat_data();
    void ioStat();
    void blkio_data();
    void blkio();
    void readsV2Directory();
    void readsV1Hierarchies();
    void missingControllersLeaveDefaults();
    void malformedFileNamesIt();
};

void TestCgroupStats::counters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("value");
    QTest::newRow("newline") << "4542464\n" << true << quint64(4542464);
    QTest::newRow("bare") << "0" << true << quint64(0);
    QTest::newRow("u64 max") << "18446744073709551615\n" << true << quint64(18446744073709551615ULL);
    QTest::newRow("overflow") << "18446744073709551616\n" << false << quint64(0);
    QTest::newRow("negative") << "-1\n" << false << quint64(0);
    QTest::newRow("trailing junk") << "12k\n" << false << quint64(0);
    QTest::newRow("empty") << "" << false << quint64(0);
    QTest::newRow("two lines") << "1\n2\n" << false << quint64(0);
}

void TestCgroupStats::counters()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(quint64, value);
    const Result<std::uint64_t> parsed = parseCounter(text.toStdString(), "x/memory.current");
    QCOMPARE(parsed.has_value(), ok);
    if (ok)
        QCOMPARE(quint64(*parsed), value);
    else
        QVERIFY(parsed.error().message.find("x/memory.current") != std::string::npos);
}

void TestCgroupStats::limits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("value");
    QTest::newRow("v2 max") << "max\n" << quint64(kUnlimited);
    QTest::newRow("number") << "268435456\n" << quint64(268435456);
    QTest::newRow("v1 unlimited") << "9223372036854771712\n" << quint64(kUnlimited);
    QTest::newRow("just below 2^62") << "4611686018427387903\n" << quint64(4611686018427387903ULL);
}

void TestCgroupStats::limits()
{
    QFETCH(QString, text);
    QFETCH(quint64, value);
    const Result<std::uint64_t> parsed = parseLimit(text.toStdString(), "memory.max");
    QVERIFY(parsed);
    QCOMPARE(quint64(*parsed), value);
}

void TestCgroupStats::keyed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("outcome"); // 0 absent, 1 found, -1 error
    QTest::addColumn<quint64>("value");
    const QString events = "low 0\nhigh 0\nmax 5\noom 2\noom_kill 2\noom_group_kill 0\n";
    QTest::newRow("oom_kill not oom_group_kill") << events << "oom_kill" << 1 << quint64(2);
    QTest::newRow("oom not oom_kill") << events << "oom" << 1 << quint64(2);
    QTest::newRow("prefix is no match") << events << "oom_k" << 0 << quint64(0);
    QTest::newRow("last line without newline") << "a 1\nb 7"
                                               << "b" << 1 << quint64(7);
    QTest::newRow("bad value of the key") << "a x\nb 1\n"
                                          << "a" << -1 << quint64(0);
    QTest::newRow("bad value elsewhere ignored") << "a x\nb 1\n"
                                                 << "b" << 1 << quint64(1);
    QTest::newRow("empty file") << ""
                                << "a" << 0 << quint64(0);
}

void TestCgroupStats::keyed()
{
    QFETCH(QString, text);
    QFETCH(QString, key);
    QFETCH(int, outcome);
    QFETCH(quint64, value);
    const Result<std::optional<std::uint64_t>> parsed = keyedValue(text.toStdString(), key.toStdString(), "f");
    QCOMPARE(parsed.has_value(), outcome >= 0);
    if (outcome < 0)
        return;
    QCOMPARE(parsed->has_value(), outcome == 1);
    if (outcome == 1)
        QCOMPARE(quint64(**parsed), value);
}

void TestCgroupStats::cpuMax_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("outcome"); // 0 no quota, 1 quota, -1 error
    QTest::addColumn<double>("cores");
    QTest::addColumn<quint64>("period");
    QTest::newRow("no quota") << "max 100000\n" << 0 << 0.0 << quint64(0);
    QTest::newRow("0.2 cores") << "20000 100000\n" << 1 << 0.2 << quint64(100000);
    QTest::newRow("1.5 cores") << "75000 50000\n" << 1 << 1.5 << quint64(50000);
    QTest::newRow("one word") << "max\n" << -1 << 0.0 << quint64(0);
    QTest::newRow("zero period") << "1000 0\n" << -1 << 0.0 << quint64(0);
    QTest::newRow("junk quota") << "lots 100000\n" << -1 << 0.0 << quint64(0);
}

void TestCgroupStats::cpuMax()
{
    QFETCH(QString, text);
    QFETCH(int, outcome);
    QFETCH(double, cores);
    QFETCH(quint64, period);
    const Result<std::optional<CpuQuota>> parsed = parseCpuMax(text.toStdString(), "cpu.max");
    QCOMPARE(parsed.has_value(), outcome >= 0);
    if (outcome < 0)
        return;
    QCOMPARE(parsed->has_value(), outcome == 1);
    if (outcome == 1) {
        QCOMPARE((*parsed)->cores, cores);
        QCOMPARE(quint64((*parsed)->periodUs), period);
    }
}

void TestCgroupStats::cfsQuota_data()
{
    QTest::addColumn<QString>("quota");
    QTest::addColumn<QString>("period");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<double>("cores");
    QTest::newRow("no quota") << "-1\n"
                              << "100000\n"
                              << 0 << 0.0;
    QTest::newRow("0.2 cores") << "20000\n"
                               << "100000\n"
                               << 1 << 0.2;
    QTest::newRow("two cores") << "200000\n"
                               << "100000\n"
                               << 1 << 2.0;
    QTest::newRow("other negative") << "-2\n"
                                    << "100000\n"
                                    << -1 << 0.0;
    QTest::newRow("bad period") << "20000\n"
                                << "x\n"
                                << -1 << 0.0;
}

void TestCgroupStats::cfsQuota()
{
    QFETCH(QString, quota);
    QFETCH(QString, period);
    QFETCH(int, outcome);
    QFETCH(double, cores);
    const Result<std::optional<CpuQuota>> parsed = parseCfsQuota(quota.toStdString(), period.toStdString(), "q");
    QCOMPARE(parsed.has_value(), outcome >= 0);
    if (outcome < 0)
        return;
    QCOMPARE(parsed->has_value(), outcome == 1);
    if (outcome == 1)
        QCOMPARE((*parsed)->cores, cores);
}

void TestCgroupStats::ioStat_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QList<quint64>>("totals"); // rbytes wbytes rios wios
    QTest::newRow("empty") << "" << true << QList<quint64>{0, 0, 0, 0};
    QTest::newRow("one device") << "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n"
                                << true << QList<quint64>{4096, 8192, 1, 2};
    QTest::newRow("summed over devices") << "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n"
                                            "254:0 rbytes=100 wbytes=0 rios=3 wios=0 dbytes=0 dios=0\n"
                                         << true << QList<quint64>{4196, 8192, 4, 2};
    QTest::newRow("unknown keys ignored") << "8:0 rbytes=1 cost.usage=7\n" << true << QList<quint64>{1, 0, 0, 0};
    QTest::newRow("no fields") << "8:0\n" << false << QList<quint64>{};
    QTest::newRow("bad number") << "8:0 rbytes=x\n" << false << QList<quint64>{};
    QTest::newRow("no equals") << "8:0 rbytes\n" << false << QList<quint64>{};
}

void TestCgroupStats::ioStat()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QList<quint64>, totals);
    const Result<IoTotals> parsed = parseIoStat(text.toStdString(), "io.stat");
    QCOMPARE(parsed.has_value(), ok);
    if (ok)
        QCOMPARE((QList<quint64>{parsed->readBytes, parsed->writeBytes, parsed->readOps, parsed->writeOps}), totals);
}

void TestCgroupStats::blkio_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("read");
    QTest::addColumn<quint64>("write");
    QTest::newRow("only total") << "Total 0\n" << true << quint64(0) << quint64(0);
    QTest::newRow("two devices")
        << "8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 12288\n8:0 Async 0\n8:0 Discard 0\n8:0 Total 12288\n"
           "8:16 Read 1000\n8:16 Write 0\n8:16 Total 1000\nTotal 13288\n"
        << true << quint64(5096) << quint64(8192);
    QTest::newRow("bad count") << "8:0 Read x\n" << false << quint64(0) << quint64(0);
    QTest::newRow("one word") << "8:0\n" << false << quint64(0) << quint64(0);
}

void TestCgroupStats::blkio()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(quint64, read);
    QFETCH(quint64, write);
    const Result<ReadWrite> parsed = parseBlkioTotals(text.toStdString(), "blkio");
    QCOMPARE(parsed.has_value(), ok);
    if (ok) {
        QCOMPARE(quint64(parsed->read), read);
        QCOMPARE(quint64(parsed->write), write);
    }
}

void TestCgroupStats::readsV2Directory()
{
    const Result<ContainerStats> stats = readV2Stats(fs::path(BERTH_CGROUP_FIXTURES) / "stats-v2");
    QVERIFY2(stats, stats ? "" : stats.error().message.c_str());
    QCOMPARE(stats->memoryCurrent, 4542464u);
    QCOMPARE(stats->memoryPeak, std::optional<std::uint64_t>(5713920));
    QCOMPARE(stats->memoryLimit, 268435456u);
    QCOMPARE(stats->memorySoftLimit, kUnlimited);
    QCOMPARE(stats->memoryAnon, 98304u);
    QCOMPARE(stats->memoryCache, 4239360u);
    QCOMPARE(stats->oomKills, 2u);
    QCOMPARE(stats->cpuUsageNs, 180000u * 1000);
    QCOMPARE(stats->cpuThrottledNs, 720000u * 1000);
    QVERIFY(stats->cpuQuota);
    QCOMPARE(stats->cpuQuota->cores, 0.2);
    QCOMPARE(stats->pidsCurrent, 2u);
    QCOMPARE(stats->pidsLimit, kUnlimited);
    QCOMPARE(stats->ioReadBytes, 4196u);
    QCOMPARE(stats->ioWriteBytes, 8192u);
    QCOMPARE(stats->ioReadOps, 4u);
    QCOMPARE(stats->ioWriteOps, 2u);
}

namespace {

std::vector<Placement> v1Placements(const fs::path& root)
{
    std::vector<Placement> placements;
    for (const char* controller : {"memory", "cpu", "cpuacct", "pids", "blkio"})
        placements.push_back(Placement{Hierarchy{root / controller, {controller}, {}, false}, root / controller});
    return placements;
}

} // namespace

void TestCgroupStats::readsV1Hierarchies()
{
    const Result<ContainerStats> stats = readV1Stats(v1Placements(fs::path(BERTH_CGROUP_FIXTURES) / "stats-v1"));
    QVERIFY2(stats, stats ? "" : stats.error().message.c_str());
    QCOMPARE(stats->memoryCurrent, 16773120u);
    QCOMPARE(stats->memoryPeak, std::optional<std::uint64_t>(16777216));
    QCOMPARE(stats->memoryLimit, 16777216u);
    QCOMPARE(stats->memorySoftLimit, kUnlimited);
    // total_* (the hierarchy's), not the cgroup's own cache/rss lines.
    QCOMPARE(stats->memoryCache, 2573139968u);
    QCOMPARE(stats->memoryAnon, 75456512u);
    QCOMPARE(stats->oomKills, 3u);
    QCOMPARE(stats->cpuUsageNs, 123456789012u);
    QCOMPARE(stats->cpuThrottledNs, 812345678u);
    QVERIFY(stats->cpuQuota);
    QCOMPARE(stats->cpuQuota->cores, 0.2);
    QCOMPARE(stats->pidsCurrent, 7u);
    QCOMPARE(stats->pidsLimit, 64u);
    // Bytes from the recursive file, operations from the plain fallback.
    QCOMPARE(stats->ioReadBytes, 5096u);
    QCOMPARE(stats->ioWriteBytes, 8192u);
    QCOMPARE(stats->ioReadOps, 1u);
    QCOMPARE(stats->ioWriteOps, 2u);
}

void TestCgroupStats::missingControllersLeaveDefaults()
{
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    fs::create_directories(root / "memory");
    std::ofstream(root / "memory" / "memory.usage_in_bytes") << "4096\n";
    const std::vector<Placement> onlyMemory{
        Placement{Hierarchy{root / "memory", {"memory"}, {}, false}, root / "memory"}};
    const Result<ContainerStats> v1 = readV1Stats(onlyMemory);
    QVERIFY(v1);
    QCOMPARE(v1->memoryCurrent, 4096u);
    QCOMPARE(v1->memoryLimit, kUnlimited);
    QVERIFY(!v1->memoryPeak);
    QCOMPARE(v1->cpuUsageNs, 0u);
    QVERIFY(!v1->cpuQuota);
    const Result<ContainerStats> v2 = readV2Stats(root / "memory");
    QVERIFY(v2);
    QCOMPARE(v2->pidsLimit, kUnlimited);
    QVERIFY(!v2->memoryPeak);
}

void TestCgroupStats::malformedFileNamesIt()
{
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    std::ofstream(root / "memory.current") << "lots\n";
    const Result<ContainerStats> stats = readV2Stats(root);
    QVERIFY(!stats);
    QCOMPARE(stats.error().code, EINVAL);
    QVERIFY2(stats.error().message.find((root / "memory.current").string()) != std::string::npos,
             stats.error().message.c_str());
    QVERIFY(!readV2Stats(root / "missing"));
}

QTEST_GUILESS_MAIN(TestCgroupStats)
#include "test_cgroup_stats.moc"
