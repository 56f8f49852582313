// SetLimits' arguments: parsing, ranges, and the round trip through the
// text GetContainer reports.
#include "limits_args.h"

#include <QtTest>

using namespace berth;
using namespace berth::helper;

using Args = std::map<std::string, std::string>;
Q_DECLARE_METATYPE(Args)

class TestHelperLimits : public QObject {
    Q_OBJECT
private slots:
    void invalid_data()
    {
        QTest::addColumn<Args>("args");
        QTest::newRow("nothing") << Args{};
        QTest::newRow("unknown key") << Args{{"memory.limit_in_bytes", "1"}};
        QTest::newRow("path as key") << Args{{"../../memory.max", "1"}};
        QTest::newRow("size garbage") << Args{{"memory.max", "lots"}};
        QTest::newRow("negative size") << Args{{"memory.max", "-1"}};
        QTest::newRow("size overflow") << Args{{"memory.max", "99999999999999999999"}};
        QTest::newRow("weight 0") << Args{{"cpu.weight", "0"}};
        QTest::newRow("weight 10001") << Args{{"cpu.weight", "10001"}};
        QTest::newRow("io weight text") << Args{{"io.weight", "max"}};
        QTest::newRow("shares 1") << Args{{"cpu.shares", "1"}};
        QTest::newRow("shares 262145") << Args{{"cpu.shares", "262145"}};
        QTest::newRow("blkio weight 9") << Args{{"blkio.weight", "9"}};
        QTest::newRow("cores negative") << Args{{"cpu.max", "-1"}};
        QTest::newRow("cores nan") << Args{{"cpu.max", "nan"}};
        QTest::newRow("cores inf") << Args{{"cpu.max", "inf"}};
        QTest::newRow("cores huge") << Args{{"cpu.max", "1e300"}};
        QTest::newRow("cores trailing") << Args{{"cpu.max", "1.5x"}};
        QTest::newRow("period alone") << Args{{"cpu.period", "100000"}};
        QTest::newRow("period small") << Args{{"cpu.max", "1"}, {"cpu.period", "999"}};
        QTest::newRow("period big") << Args{{"cpu.max", "1"}, {"cpu.period", "1000001"}};
        QTest::newRow("cpuset letters") << Args{{"cpuset.cpus", "all"}};
        QTest::newRow("cpuset newline") << Args{{"cpuset.cpus", "0\n1"}};
        QTest::newRow("cpuset empty") << Args{{"cpuset.mems", ""}};
        QTest::newRow("pids 0") << Args{{"pids.max", "0"}};
        QTest::newRow("pids beyond kernel") << Args{{"pids.max", "4194305"}};
        QTest::newRow("one bad among good") << Args{{"memory.max", "1G"}, {"pids.max", "x"}};
    }
    void invalid()
    {
        QFETCH(Args, args);
        auto limits = parseLimitArgs(args);
        QVERIFY(!limits);
        QCOMPARE(limits.error().code, EINVAL);
    }

    void values()
    {
        auto limits = parseLimitArgs({{"memory.max", "512M"},
                                      {"memory.high", "max"},
                                      {"cpu.weight", "200"},
                                      {"cpu.max", "1.5"},
                                      {"cpuset.cpus", "0-1,3"},
                                      {"pids.max", "200"}});
        QVERIFY2(limits, limits ? "" : limits.error().message.c_str());
        QCOMPARE(*limits->memoryMax, std::uint64_t(512) << 20);
        QCOMPARE(*limits->memorySoft, kUnlimited);
        QCOMPARE(*limits->cpuWeight, 200u);
        QCOMPARE(limits->cpuQuota->cores, 1.5);
        QCOMPARE(limits->cpuQuota->periodUs, std::uint64_t(100000));
        QCOMPARE(*limits->cpus, std::string("0-1,3"));
        QCOMPARE(*limits->pidsMax, std::uint64_t(200));
        QVERIFY(!limits->swapMax);
        QVERIFY(!limits->ioWeight);
        QVERIFY(!limits->mems);
    }

    void noQuota()
    {
        auto limits = parseLimitArgs({{"cpu.max", "max"}});
        QVERIFY(limits);
        QCOMPARE(limits->cpuQuota->cores, 0.0);
    }

    void roundTrip_data()
    {
        QTest::addColumn<Args>("args");
        QTest::newRow("memory") << Args{{"memory.max", "1073741824"}, {"memory.swap.max", "max"}};
        QTest::newRow("cpu") << Args{{"cpu.max", "0.25"}, {"cpu.period", "50000"}, {"cpu.weight", "1"}};
        QTest::newRow("sets") << Args{{"cpuset.cpus", "0"}, {"cpuset.mems", "0"}, {"io.weight", "10000"}};
        QTest::newRow("pids") << Args{{"pids.max", "max"}};
        // v1 weights are reported as given, not as cpu.weight/io.weight.
        QTest::newRow("v1 weights") << Args{{"cpu.shares", "512"}, {"blkio.weight", "500"}};
        // Found by fuzz_helper_validation: to_chars' shortest form was "1e-08".
        QTest::newRow("tiny quota") << Args{{"cpu.max", "0.00000001"}, {"cpu.period", "100000"}};
    }
    void roundTrip()
    {
        QFETCH(Args, args);
        auto limits = parseLimitArgs(args);
        QVERIFY(limits);
        QCOMPARE(limitArgsText(*limits), args);
    }

    void emptyLimitsHaveNoText() { QVERIFY(limitArgsText(Limits{}).empty()); }
};

QTEST_APPLESS_MAIN(TestHelperLimits)
#include "test_helper_limits.moc"
