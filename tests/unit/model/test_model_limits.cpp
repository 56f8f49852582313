// model/limits.h: every key of the table at its range edges, SetLimits'
// arguments to Limits and back, and the v1 <-> v2 weight conversions.
// The rows of tests/unit/helper/test_helper_limits.cpp moved here with their
// assertions (parseLimitArgs moved from the helper to model/).
#include "berth/model/limits.h"

#include <QtTest>

using namespace berth::model;

using Args = std::map<std::string, std::string>;
Q_DECLARE_METATYPE(Args)
Q_DECLARE_METATYPE(LimitKey)

class TestModelLimits : public QObject {
    Q_OBJECT
private slots:
    void tableIsComplete()
    {
        QCOMPARE(kLimitTable.size(), std::size_t(12));
        for (const LimitRow& row : kLimitTable) {
            QCOMPARE(&limitRow(row.key), &row);
            QCOMPARE(parseLimitKey(row.wireKey), std::optional<LimitKey>(row.key));
            QVERIFY(!row.v1File.empty() || !row.v2File.empty());
        }
        QCOMPARE(parseLimitKey("memory.limit_in_bytes"), std::optional<LimitKey>());
        QCOMPARE(parseLimitKey(""), std::optional<LimitKey>());
    }

    void lxcKeys_data()
    {
        QTest::addColumn<LimitKey>("key");
        QTest::addColumn<QString>("v2");
        QTest::addColumn<QString>("v1");
        QTest::newRow("memory.max") << LimitKey::MemoryMax << "lxc.cgroup2.memory.max"
                                    << "lxc.cgroup.memory.limit_in_bytes";
        QTest::newRow("memory.high") << LimitKey::MemoryHigh << "lxc.cgroup2.memory.high"
                                     << "lxc.cgroup.memory.soft_limit_in_bytes";
        QTest::newRow("cpu.shares") << LimitKey::CpuShares << ""
                                    << "lxc.cgroup.cpu.shares";
        QTest::newRow("cpu.weight") << LimitKey::CpuWeight << "lxc.cgroup2.cpu.weight"
                                    << "";
        QTest::newRow("blkio.weight") << LimitKey::BlkioWeight << ""
                                      << "lxc.cgroup.blkio.weight";
        QTest::newRow("pids.max") << LimitKey::PidsMax << "lxc.cgroup2.pids.max"
                                  << "lxc.cgroup.pids.max";
    }
    void lxcKeys()
    {
        QFETCH(LimitKey, key);
        QFETCH(QString, v2);
        QFETCH(QString, v1);
        QCOMPARE(QString::fromStdString(lxcKey(key, CgroupFamily::V2)), v2);
        QCOMPARE(QString::fromStdString(lxcKey(key, CgroupFamily::V1)), v1);
    }

    // Every numeric key at min, min-1, max, max+1 and "max".
    void edges_data()
    {
        QTest::addColumn<LimitKey>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        for (const LimitRow& row : kLimitTable) {
            const QString name = QString::fromUtf8(row.wireKey.data(), qsizetype(row.wireKey.size()));
            const auto add = [&](const char* what, const QString& text, bool ok) {
                QTest::addRow("%s %s", qPrintable(name), what) << row.key << text << ok;
            };
            add("max", QStringLiteral("max"), row.maxAllowed);
            if (row.unit == LimitUnit::IdList || row.unit == LimitUnit::Cores)
                continue;
            add("min", QString::number(row.min), true);
            if (row.min > 0)
                add("min-1", QString::number(row.min - 1), false);
            add("top", QString::number(row.max), true);
            add("top+1", QString::number(row.max + 1), false);
        }
        QTest::newRow("cpu.max 0 (no quota)") << LimitKey::CpuMax << "0" << true;
        QTest::newRow("cpu.max 4096") << LimitKey::CpuMax << "4096" << true;
        QTest::newRow("cpu.max 4096.5") << LimitKey::CpuMax << "4096.5" << false;
        QTest::newRow("cpu.max 0.25") << LimitKey::CpuMax << "0.25" << true;
        QTest::newRow("cpuset.cpus 0-1,3") << LimitKey::Cpus << "0-1,3" << true;
        QTest::newRow("cpuset.cpus 256 chars") << LimitKey::Cpus << QString(256, '1') << true;
        QTest::newRow("cpuset.cpus 257 chars") << LimitKey::Cpus << QString(257, '1') << false;
        QTest::newRow("cpuset.mems empty") << LimitKey::Mems << "" << false;
        QTest::newRow("memory.max 4M") << LimitKey::MemoryMax << "4M" << true;
        QTest::newRow("memory.max 1M") << LimitKey::MemoryMax << "1M" << false;
    }
    void edges()
    {
        QFETCH(LimitKey, key);
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto value = parseLimitValue(key, text.toStdString());
        QCOMPARE(value.has_value(), ok);
        if (!ok) {
            QCOMPARE(value.error().key, std::string(wireKey(key)));
            QVERIFY2(value.error().message.starts_with("limit " + std::string(wireKey(key)) + " = '"),
                     value.error().message.c_str());
        }
    }

    void messages()
    {
        QCOMPARE(parseLimitValue(LimitKey::CpuWeight, "0").error().message,
                 std::string("limit cpu.weight = '0': not within 1..10000"));
        QCOMPARE(parseLimitValue(LimitKey::PidsMax, "0").error().message,
                 std::string("limit pids.max = '0': not within 1..4194304 or 'max'"));
        QCOMPARE(parseLimitValue(LimitKey::MemoryMax, "1").error().message,
                 std::string("limit memory.max = '1': below the minimum of 4 MiB"));
        QCOMPARE(parseLimitArgs({{"x", "1"}}).error().message, std::string("unknown limit 'x'"));
    }

    // From tests/unit/helper/test_helper_limits.cpp.
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
        QVERIFY(!limits.error().message.empty());
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
        // Every key at once, each at an edge of its range.
        QTest::newRow("every key low") << Args{
            {"memory.max", "4194304"}, {"memory.high", "0"},   {"memory.swap.max", "0"}, {"cpu.weight", "1"},
            {"cpu.max", "max"},        {"cpu.period", "1000"}, {"cpuset.cpus", "0"},     {"cpuset.mems", "0"},
            {"pids.max", "1"},         {"io.weight", "1"}};
        QTest::newRow("every key high") << Args{
            {"memory.max", "max"},   {"memory.high", "max"},    {"memory.swap.max", "max"}, {"cpu.shares", "262144"},
            {"cpu.max", "4096"},     {"cpu.period", "1000000"}, {"cpuset.cpus", "0-1,3"},   {"cpuset.mems", "0-3"},
            {"pids.max", "4194304"}, {"blkio.weight", "1000"}};
        for (const char* shares : {"2", "512", "1024", "262144"})
            QTest::addRow("cpu.shares %s", shares) << Args{{"cpu.shares", shares}};
        for (const char* weight : {"10", "500", "1000"})
            QTest::addRow("blkio.weight %s", weight) << Args{{"blkio.weight", weight}};
    }
    void roundTrip()
    {
        QFETCH(Args, args);
        auto limits = parseLimitArgs(args);
        QVERIFY2(limits, limits ? "" : limits.error().message.c_str());
        QCOMPARE(limitArgsText(*limits), args);
        // And Limits -> args -> Limits.
        QCOMPARE(parseLimitArgs(limitArgsText(*limits)), limits);
    }

    void emptyLimitsHaveNoText() { QVERIFY(limitArgsText(Limits{}).empty()); }

    // v1 -> v2 values as the kernel documentation and crun map them.
    void conversions_data()
    {
        QTest::addColumn<quint64>("shares");
        QTest::addColumn<uint>("weight");
        QTest::newRow("2") << quint64(2) << 1u;
        QTest::newRow("512") << quint64(512) << 20u;
        QTest::newRow("1024") << quint64(1024) << 39u;
        QTest::newRow("262144") << quint64(262144) << 10000u;
    }
    void conversions()
    {
        QFETCH(quint64, shares);
        QFETCH(uint, weight);
        QCOMPARE(sharesToWeight(shares), weight);
        // weight -> shares -> weight is exact.
        QCOMPARE(sharesToWeight(weightToShares(weight)), weight);
    }

    void blkioConversions_data()
    {
        QTest::addColumn<uint>("blkio");
        QTest::addColumn<uint>("io");
        QTest::newRow("10") << 10u << 1u;
        QTest::newRow("500") << 500u << 4950u;
        QTest::newRow("1000") << 1000u << 10000u;
    }
    void blkioConversions()
    {
        QFETCH(uint, blkio);
        QFETCH(uint, io);
        QCOMPARE(blkioWeightToIoWeight(blkio), io);
        QCOMPARE(ioWeightToBlkioWeight(io), blkio);
    }

    // Every value of the one-way exact trips.
    void exactTrips()
    {
        for (std::uint32_t w = 1; w <= 10000; ++w)
            QCOMPARE(sharesToWeight(weightToShares(w)), w);
        for (std::uint32_t b = 10; b <= 1000; ++b)
            QCOMPARE(ioWeightToBlkioWeight(blkioWeightToIoWeight(b)), b);
    }

    void emptiness()
    {
        QVERIFY(Limits{}.empty());
        Limits l;
        l.ioDevices.push_back({});
        QVERIFY(!l.empty());
        QVERIFY(!parseLimitArgs({{"cpu.shares", "512"}})->empty());
    }
};

QTEST_APPLESS_MAIN(TestModelLimits)
#include "test_model_limits.moc"
