// The usage history and the points worked out from it, without widgets:
// the ring keeps exactly the window, CPU cores come from cumulative
// nanoseconds, IO and network rates from byte counters, OOM kills become
// marks, limits become step lines of their history, and the window leaves
// old samples out.
#include "usage_history.h"
#include "usage_series.h"
#include "chart_scale.h"
#include "usage_summary.h"

#include <QtTest>

using berth::client::ContainerStats;
using berth::gui::UsageHistory;
using berth::gui::UsageKind;
using berth::gui::UsageLimits;
using berth::gui::usagePoints;
using berth::gui::UsageSample;
using berth::gui::ValueScale;
using berth::gui::valueScale;
using berth::gui::ValueUnit;

Q_DECLARE_METATYPE(berth::gui::UsageLimits)

namespace {

constexpr qint64 kSecond = 1000000000;

ContainerStats statsAt(qint64 seconds)
{
    ContainerStats stats;
    stats.name = QStringLiteral("web");
    stats.timestampNs = 1000 * kSecond + seconds * kSecond;
    stats.memoryCurrent = quint64(seconds) * 1024 * 1024;
    return stats;
}

UsageSample sampleAt(double seconds)
{
    UsageSample sample;
    sample.timestampNs = qint64(seconds * 1e9);
    return sample;
}

} // namespace

class TestUsageSeries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void historyHoldsTheWindow_data()
    {
        QTest::addColumn<int>("intervalMs");
        QTest::addColumn<int>("capacity");
        QTest::newRow("1 s") << 1000 << 901;
        QTest::newRow("2 s") << 2000 << 451;
        QTest::newRow("5 s") << 5000 << 181;
        QTest::newRow("7 s (rounded up)") << 7000 << 130;
    }
    void historyHoldsTheWindow()
    {
        QFETCH(int, intervalMs);
        QFETCH(int, capacity);
        UsageHistory history;
        history.setSamplingInterval(intervalMs);
        QCOMPARE(history.capacity(), capacity);
        const int extra = 10;
        for (int i = 0; i < capacity + extra; ++i)
            QVERIFY(history.record(statsAt(i)));
        const QList<UsageSample> kept = history.samples(QStringLiteral("web"));
        QCOMPARE(kept.size(), capacity);
        QCOMPARE(kept.first().timestampNs, statsAt(extra).timestampNs); // the oldest ones fell out
        QCOMPARE(kept.last().timestampNs, statsAt(capacity + extra - 1).timestampNs);
    }

    void historyShrinksToTheNewest()
    {
        UsageHistory history(10);
        for (int i = 0; i < 10; ++i)
            history.record(statsAt(i));
        history.setCapacity(3);
        const QList<UsageSample> kept = history.samples(QStringLiteral("web"));
        QCOMPARE(kept.size(), 3);
        QCOMPARE(kept.first().timestampNs, statsAt(7).timestampNs);
        QVERIFY(history.record(statsAt(10)));
        QCOMPARE(history.samples(QStringLiteral("web")).first().timestampNs, statsAt(8).timestampNs);
    }

    void historyIgnoresTheSameSampleTwice()
    {
        UsageHistory history;
        QVERIFY(history.record(statsAt(1)));
        QVERIFY(!history.record(statsAt(1)));
        QVERIFY(!history.record(statsAt(0)));
        QCOMPARE(history.samples(QStringLiteral("web")).size(), 1);
        history.forget(QStringLiteral("web"));
        QVERIFY(history.samples(QStringLiteral("web")).isEmpty());
    }

    void cpuCoresFromCumulativeNs_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<qulonglong>("beforeNs");
        QTest::addColumn<qulonglong>("afterNs");
        QTest::addColumn<double>("cores"); // -1: no point
        QTest::newRow("one core over 2 s") << 2.0 << 5000000000ULL << 7000000000ULL << 1.0;
        QTest::newRow("half a core") << 1.0 << 0ULL << 500000000ULL << 0.5;
        QTest::newRow("four cores") << 0.5 << 1000000000ULL << 3000000000ULL << 4.0;
        QTest::newRow("idle") << 2.0 << 9000000000ULL << 9000000000ULL << 0.0;
        QTest::newRow("restarted: counter went back") << 2.0 << 9000000000ULL << 1000ULL << -1.0;
    }
    void cpuCoresFromCumulativeNs()
    {
        QFETCH(double, seconds);
        QFETCH(qulonglong, beforeNs);
        QFETCH(qulonglong, afterNs);
        QFETCH(double, cores);
        UsageSample before = sampleAt(100);
        UsageSample after = sampleAt(100 + seconds);
        before.cpuUsageNs = beforeNs;
        after.cpuUsageNs = afterNs;
        const QList<QPointF> points = usagePoints({before, after}, 60, {}).value(UsageKind::CpuUsed);
        if (cores < 0) {
            QVERIFY(points.isEmpty());
            return;
        }
        QCOMPARE(points, (QList<QPointF>{QPointF(0, cores)}));
    }

    void ioAndNetworkRates_data()
    {
        QTest::addColumn<UsageKind>("kind");
        QTest::addColumn<qulonglong>("bytes"); // over 2 s
        QTest::addColumn<double>("kibPerSecond");
        QTest::newRow("read") << UsageKind::IoRead << 2048ULL << 1.0;
        QTest::newRow("written") << UsageKind::IoWrite << 4ULL * 1024 * 1024 << 2048.0;
        QTest::newRow("received") << UsageKind::NetRx << 1024ULL << 0.5;
        QTest::newRow("sent") << UsageKind::NetTx << 20480ULL << 10.0;
    }
    void ioAndNetworkRates()
    {
        QFETCH(UsageKind, kind);
        QFETCH(qulonglong, bytes);
        QFETCH(double, kibPerSecond);
        const QList<UsageKind> counters{UsageKind::IoRead, UsageKind::IoWrite, UsageKind::NetRx, UsageKind::NetTx};
        QList<UsageSample> samples{sampleAt(10), sampleAt(12)};
        // Every counter starts at a different value; only `kind` moves.
        samples[0].ioReadBytes = samples[1].ioReadBytes = 100;
        samples[0].ioWriteBytes = samples[1].ioWriteBytes = 200;
        samples[0].netRxBytes = samples[1].netRxBytes = 300;
        samples[0].netTxBytes = samples[1].netTxBytes = 400;
        quint64* moved[] = {&samples[1].ioReadBytes, &samples[1].ioWriteBytes, &samples[1].netRxBytes,
                            &samples[1].netTxBytes};
        *moved[counters.indexOf(kind)] += bytes;
        const auto points = usagePoints(samples, 60, {});
        for (UsageKind other : counters) {
            const double expected = other == kind ? kibPerSecond : 0.0;
            QCOMPARE(points.value(other), (QList<QPointF>{QPointF(0, expected)}));
        }
    }

    void oomKillsAreMarked()
    {
        const QList<quint64> kills{0, 0, 1, 1, 3};
        QList<UsageSample> samples;
        for (int i = 0; i < kills.size(); ++i) {
            UsageSample sample = sampleAt(i);
            sample.oomKills = kills.at(i);
            sample.memoryBytes = quint64(i + 1) * 1024 * 1024;
            samples << sample;
        }
        const QList<QPointF> marks = usagePoints(samples, 60, {}).value(UsageKind::OomKills);
        QCOMPARE(marks, (QList<QPointF>{QPointF(-2, 3), QPointF(0, 5)})); // at the memory used then
    }

    // Issue #19: a limit line is the limit's history, not today's limit
    // drawn over the past; the limit in force now ends it.
    void limitsAreTheirHistory()
    {
        QList<UsageSample> samples;
        for (int i = 0; i <= 6; ++i) {
            UsageSample sample = sampleAt(i * 10);
            sample.limits = {i < 3 ? 256.0 : 512.0, 128.0, i < 5 ? std::optional<double>(1.5) : std::nullopt,
                             i == 1 || i >= 4 ? std::optional<double>(100) : std::nullopt};
            samples << sample;
        }
        const auto points = usagePoints(samples, 300, {512.0, 192.0, 2.0, std::nullopt});
        // Raised from 256 to 512 MiB between the third and fourth sample.
        QCOMPARE(points.value(UsageKind::MemoryLimit),
                 (QList<QPointF>{QPointF(-60, 256), QPointF(-30, 256), QPointF(-30, 512), QPointF(0, 512)}));
        // Moved just now: a step at the newest sample, the past as it was.
        QCOMPARE(points.value(UsageKind::MemorySoftLimit),
                 (QList<QPointF>{QPointF(-60, 128), QPointF(0, 128), QPointF(0, 192)}));
        // Removed, then set again now: only the new line from now on.
        QCOMPARE(points.value(UsageKind::CpuQuota), (QList<QPointF>{QPointF(0, 2)}));
        // Set, removed, set again: the line starts where it was set again.
        QCOMPARE(points.value(UsageKind::PidsLimit), (QList<QPointF>{QPointF(-20, 100), QPointF(0, 100)}));
    }

    void limitsNeverSetDrawNothing()
    {
        const auto none = usagePoints({sampleAt(0), sampleAt(1)}, 300, {});
        for (UsageKind kind :
             {UsageKind::MemoryLimit, UsageKind::MemorySoftLimit, UsageKind::CpuQuota, UsageKind::PidsLimit}) {
            QVERIFY(none.contains(kind));
            QVERIFY(none.value(kind).isEmpty());
        }
        // Without samples the limit in force is still the line's end.
        QCOMPARE(usagePoints({}, 300, {256.0, {}, {}, {}}).value(UsageKind::MemoryLimit),
                 (QList<QPointF>{QPointF(0, 256)}));
    }

    void historyKeepsEachSamplesLimits()
    {
        UsageHistory history;
        QVERIFY(history.record(statsAt(1), {256.0, {}, 1.0, {}}));
        QVERIFY(history.record(statsAt(2), {512.0, {}, {}, 50.0}));
        const QList<UsageSample> kept = history.samples(QStringLiteral("web"));
        QCOMPARE(kept.at(0).limits, (UsageLimits{256.0, {}, 1.0, {}}));
        QCOMPARE(kept.at(1).limits, (UsageLimits{512.0, {}, {}, 50.0}));
        QVERIFY(kept.at(1).wallMs >= kept.at(0).wallMs);
        QVERIFY(kept.at(0).wallMs > 0);
    }

    void limitsOfTheModel()
    {
        berth::model::Limits limits;
        limits.memoryMax = 268435456;
        limits.pidsMax = 100;
        const UsageLimits drawn = berth::gui::usageLimits(limits);
        QCOMPARE(drawn, (UsageLimits{256.0, {}, {}, 100.0}));
    }

    void windowLeavesOldSamplesOut_data()
    {
        QTest::addColumn<double>("window");
        QTest::addColumn<int>("points");
        // Samples every 10 s over 15 minutes: 91 of them.
        QTest::newRow("1 minute") << 60.0 << 7;
        QTest::newRow("5 minutes") << 300.0 << 31;
        QTest::newRow("15 minutes") << 900.0 << 91;
    }
    void windowLeavesOldSamplesOut()
    {
        QFETCH(double, window);
        QFETCH(int, points);
        QList<UsageSample> samples;
        for (int i = 0; i <= 90; ++i) {
            UsageSample sample = sampleAt(i * 10);
            sample.cpuUsageNs = quint64(i) * 10 * kSecond; // one core all along
            samples << sample;
        }
        const auto drawn = usagePoints(samples, window, {});
        QCOMPARE(drawn.value(UsageKind::MemoryUsed).size(), points);
        QCOMPARE(drawn.value(UsageKind::MemoryUsed).first().x(), -(points - 1) * 10.0);
        // The sample just outside still gives the first rate inside.
        QCOMPARE(drawn.value(UsageKind::CpuUsed).size(), window >= 900 ? points - 1 : points);
        QCOMPARE(drawn.value(UsageKind::CpuUsed).first().y(), 1.0);
    }

    void valueScaleFromTheRange_data()
    {
        QTest::addColumn<ValueUnit>("unit");
        QTest::addColumn<double>("top");
        QTest::addColumn<double>("factor");
        QTest::addColumn<QString>("suffix");
        constexpr double kKiB = 1.0 / 1024;
        QTest::newRow("memory idle") << ValueUnit::Mebibytes << 0.0 << 1048576.0 << "B";
        QTest::newRow("memory 512 B") << ValueUnit::Mebibytes << 512 * kKiB * kKiB << 1048576.0 << "B";
        QTest::newRow("memory 300 KiB") << ValueUnit::Mebibytes << 300 * kKiB << 1024.0 << "KiB";
        QTest::newRow("memory 212 MiB") << ValueUnit::Mebibytes << 212.0 << 1.0 << "MiB";
        QTest::newRow("memory 20000 MiB") << ValueUnit::Mebibytes << 20000.0 << 1.0 / 1024 << "GiB";
        QTest::newRow("rate 100 B/s") << ValueUnit::KibPerSecond << 100 * kKiB << 1024.0 << "B/s";
        QTest::newRow("rate 50 KiB/s") << ValueUnit::KibPerSecond << 50.0 << 1.0 << "KiB/s";
        QTest::newRow("rate 3 MiB/s") << ValueUnit::KibPerSecond << 3072.0 << 1.0 / 1024 << "MiB/s";
        QTest::newRow("rate 2 GiB/s") << ValueUnit::KibPerSecond << 2097152.0 << 1.0 / 1048576 << "GiB/s";
        QTest::newRow("cpu in %") << ValueUnit::Cores << 1.5 << 100.0 << "%";
        QTest::newRow("pids: a count") << ValueUnit::Count << 10000.0 << 1.0 << "";
    }
    void valueScaleFromTheRange()
    {
        QFETCH(ValueUnit, unit);
        QFETCH(double, top);
        QFETCH(double, factor);
        QFETCH(QString, suffix);
        const ValueScale scale = valueScale(unit, top);
        QCOMPARE(scale.factor, factor);
        QCOMPARE(scale.suffix, suffix);
    }

    void figuresInTheirUnit_data()
    {
        QTest::addColumn<ValueUnit>("unit");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("212 MiB") << ValueUnit::Mebibytes << 212.0 << "212 MiB";
        QTest::newRow("1.5 GiB") << ValueUnit::Mebibytes << 1536.0 << "1.5 GiB";
        QTest::newRow("10000 processes, no exponent") << ValueUnit::Count << 10000.0 << "10,000";
        QTest::newRow("37 %") << ValueUnit::Cores << 0.37 << "37 %";
        QTest::newRow("2.4 KiB/s") << ValueUnit::KibPerSecond << 2.4 << "2.4 KiB/s";
    }
    void figuresInTheirUnit()
    {
        QFETCH(ValueUnit, unit);
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(berth::gui::scaledText(valueScale(unit, value), value, QLocale(QLocale::English)), text);
    }

    void tickDecimals()
    {
        QCOMPARE(berth::gui::decimalsFor(100), 0);
        QCOMPARE(berth::gui::decimalsFor(1), 0);
        QCOMPARE(berth::gui::decimalsFor(0.5), 1);
        QCOMPARE(berth::gui::decimalsFor(0.25), 2);
        QCOMPARE(berth::gui::decimalsFor(1.0 / 3), 3);
    }

    void clockFormatPerLocale_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("minutes");
        QTest::addColumn<QString>("seconds");
        QTest::newRow("C") << "C"
                           << "HH:mm"
                           << "HH:mm:ss";
        QTest::newRow("English (US)") << "en_US"
                                      << "h:mm AP"
                                      << "h:mm:ss AP";
        QTest::newRow("German") << "de_DE"
                                << "HH:mm"
                                << "HH:mm:ss";
        QTest::newRow("Chinese") << "zh_CN"
                                 << "HH:mm"
                                 << "HH:mm:ss";
        QTest::newRow("Korean: morning word not Latin-1") << "ko_KR"
                                                          << "HH:mm"
                                                          << "HH:mm:ss";
    }
    void clockFormatPerLocale()
    {
        QFETCH(QString, locale);
        QFETCH(QString, minutes);
        QFETCH(QString, seconds);
        QCOMPARE(berth::gui::clockFormat(QLocale(locale), false), minutes);
        QCOMPARE(berth::gui::clockFormat(QLocale(locale), true), seconds);
    }

    void summaryBesideEachChart_data()
    {
        QTest::addColumn<UsageKind>("chart");
        QTest::addColumn<UsageLimits>("now");
        QTest::addColumn<QString>("text");
        const UsageLimits none;
        const UsageLimits limited{256.0, 192.0, 2.0, 100.0};
        QTest::newRow("memory of its limit")
            << UsageKind::MemoryUsed << limited << "212 MiB of 256 MiB (soft limit 192 MiB)";
        QTest::newRow("memory, no limit") << UsageKind::MemoryUsed << none << "212 MiB, no limit";
        QTest::newRow("cpu of its quota") << UsageKind::CpuUsed << limited << "37 %, quota 200 % (2 cores)";
        QTest::newRow("cpu, no quota") << UsageKind::CpuUsed << none << "37 %, no quota";
        QTest::newRow("processes of the limit") << UsageKind::Pids << limited << "12 of 100";
        QTest::newRow("processes, no limit") << UsageKind::Pids << none << "12, no limit";
        QTest::newRow("disk") << UsageKind::IoRead << none << "read 1.5 MiB/s, written 0 B/s";
        QTest::newRow("network") << UsageKind::NetRx << none << "received 512 B/s, sent 20 KiB/s";
    }
    void summaryBesideEachChart()
    {
        QFETCH(UsageKind, chart);
        QFETCH(UsageLimits, now);
        QFETCH(QString, text);
        UsageSample before = sampleAt(0);
        UsageSample after = sampleAt(1);
        after.memoryBytes = 212ULL << 20;
        after.cpuUsageNs = 370000000;
        after.pids = 12;
        after.ioReadBytes = 1536ULL << 10;
        after.netRxBytes = 512;
        after.netTxBytes = 20480;
        QCOMPARE(berth::gui::usageSummary(chart, usagePoints({before, after}, 60, now), now), text);
        QCOMPARE(berth::gui::usageSummary(chart, usagePoints({}, 60, now), now), QStringLiteral("No figures yet"));
    }

    void limitTextInChartUnits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("unit");
        QTest::addColumn<double>("value"); // -1: none
        QTest::newRow("bytes to MiB") << "268435456" << 1048576.0 << 256.0;
        QTest::newRow("cores") << "1.5" << 1.0 << 1.5;
        QTest::newRow("max") << "max" << 1.0 << -1.0;
        QTest::newRow("unset") << "" << 1.0 << -1.0;
        QTest::newRow("zero cores is no quota") << "0" << 1.0 << -1.0;
    }
    void limitTextInChartUnits()
    {
        QFETCH(QString, text);
        QFETCH(double, unit);
        QFETCH(double, value);
        const auto converted = berth::gui::limitInChartUnits(text, unit);
        QCOMPARE(converted.value_or(-1), value);
    }
};

QTEST_MAIN(TestUsageSeries)
#include "test_usage_series.moc"
