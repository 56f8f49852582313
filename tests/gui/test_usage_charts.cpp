// The charts widget: the window selector (1/5/15 minutes) sets the visible
// range and which samples are drawn, limit lines follow the limits given,
// OOM kills show as marks on the memory chart, each kind on its chart.
#include "usage_chart.h"
#include "usage_charts.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QValueAxis>
#include <QXYSeries>
#include <QtTest>

using berth::gui::UsageCharts;
using berth::gui::UsageKind;
using berth::gui::UsageLimits;
using berth::gui::UsageSample;

namespace {

// One sample every 10 s over 15 minutes, 64 MiB used, one OOM kill at 800 s.
QList<UsageSample> quarterHour()
{
    QList<UsageSample> samples;
    for (int i = 0; i <= 90; ++i) {
        UsageSample sample;
        sample.timestampNs = qint64(i) * 10 * 1000000000LL;
        sample.memoryBytes = 64 * 1024 * 1024;
        sample.oomKills = i >= 80 ? 1 : 0;
        samples << sample;
    }
    return samples;
}

} // namespace

class TestUsageCharts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void windowSetsTheVisibleRange_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<int>("points");
        QTest::newRow("1 minute") << 1 << 7;
        QTest::newRow("5 minutes") << 5 << 31;
        QTest::newRow("15 minutes") << 15 << 91;
    }
    void windowSetsTheVisibleRange()
    {
        QFETCH(int, minutes);
        QFETCH(int, points);
        UsageCharts charts;
        charts.setSamples(quarterHour());
        // Start from another window, so that the switch is seen.
        charts.setWindowMinutes(minutes == 15 ? 1 : 15);
        QSignalSpy changed(&charts, &UsageCharts::windowMinutesChanged);
        charts.setWindowMinutes(minutes);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toInt(), minutes);
        QCOMPARE(charts.windowMinutes(), minutes);
        QCOMPARE(charts.visibleRange(), std::make_pair(-60.0 * minutes, 0.0));
        QCOMPARE(charts.pointCount(UsageKind::MemoryUsed), points);
        for (UsageKind kind : {UsageKind::CpuUsed, UsageKind::Pids, UsageKind::NetTx})
            QCOMPARE(charts.chart(kind)->timeAxis()->min(), -60.0 * minutes);
    }

    void selectorChoosesTheWindow()
    {
        UsageCharts charts;
        QCOMPARE(charts.windowMinutes(), UsageCharts::kDefaultWindowMinutes);
        QCOMPARE(charts.windowSelector()->count(), 3);
        charts.windowSelector()->setCurrentIndex(2);
        QCOMPARE(charts.windowMinutes(), 15);
        QCOMPARE(charts.visibleRange().first, -900.0);
        charts.setWindowMinutes(7); // not offered: nothing changes
        QCOMPARE(charts.windowMinutes(), 15);
    }

    void limitSeriesFollowLimits()
    {
        UsageCharts charts;
        charts.setWindowMinutes(1);
        QList<UsageSample> samples = quarterHour();
        for (UsageSample& sample : samples)
            sample.limits = UsageLimits{256.0, std::nullopt, 2.0, 100.0};
        charts.setSamples(samples);
        charts.setLimits(UsageLimits{256.0, std::nullopt, 2.0, 100.0});
        QCOMPARE(charts.seriesPoints(UsageKind::MemoryLimit), (QList<QPointF>{QPointF(-60, 256), QPointF(0, 256)}));
        QVERIFY(charts.seriesPoints(UsageKind::MemorySoftLimit).isEmpty());
        QCOMPARE(charts.seriesPoints(UsageKind::CpuQuota).last(), QPointF(0, 2));
        QCOMPARE(charts.seriesPoints(UsageKind::PidsLimit).last(), QPointF(0, 100));
        charts.setLimits(UsageLimits{512.0, 384.0, std::nullopt, std::nullopt});
        QCOMPARE(charts.seriesPoints(UsageKind::MemoryLimit).last(), QPointF(0, 512));
        QCOMPARE(charts.seriesPoints(UsageKind::MemorySoftLimit).last(), QPointF(0, 384));
        // Removed now: the line keeps the past and says nothing of now.
        QCOMPARE(charts.seriesPoints(UsageKind::CpuQuota).last(), QPointF(0, 2));
        QVERIFY(charts.chart(UsageKind::CpuQuota));
        charts.setSamples(quarterHour()); // samples from before any limit was set
        QCOMPARE(charts.seriesPoints(UsageKind::MemoryLimit), (QList<QPointF>{QPointF(0, 512)}));
        QVERIFY(charts.seriesPoints(UsageKind::CpuQuota).isEmpty());
        QVERIFY(charts.seriesPoints(UsageKind::PidsLimit).isEmpty());
        // The axis makes room for the highest line.
        QVERIFY(charts.chart(UsageKind::MemoryLimit)->valueAxis()->max() >= 512);
    }

    void oomKillMarkedOnTheMemoryChart()
    {
        UsageCharts charts;
        charts.setWindowMinutes(15);
        charts.setSamples(quarterHour());
        QCOMPARE(charts.seriesPoints(UsageKind::OomKills), (QList<QPointF>{QPointF(-100, 64)}));
        QCOMPARE(charts.chart(UsageKind::OomKills), charts.chart(UsageKind::MemoryUsed));
        charts.setWindowMinutes(1); // the kill is older than a minute
        QVERIFY(charts.seriesPoints(UsageKind::OomKills).isEmpty());
    }

    void everyKindHasItsChart()
    {
        UsageCharts charts;
        for (UsageKind kind :
             {UsageKind::MemoryUsed, UsageKind::MemoryLimit, UsageKind::MemorySoftLimit, UsageKind::OomKills,
              UsageKind::CpuUsed, UsageKind::CpuQuota, UsageKind::Pids, UsageKind::PidsLimit, UsageKind::IoRead,
              UsageKind::IoWrite, UsageKind::NetRx, UsageKind::NetTx}) {
            QVERIFY(charts.chart(kind));
            QVERIFY(!charts.chart(kind)->series(kind)->name().isEmpty());
        }
        QVERIFY(charts.chart(UsageKind::CpuUsed) != charts.chart(UsageKind::MemoryUsed));
        QCOMPARE(charts.chart(UsageKind::IoRead), charts.chart(UsageKind::IoWrite));
        QCOMPARE(charts.chart(UsageKind::NetRx), charts.chart(UsageKind::NetTx));
    }
};

QTEST_MAIN(TestUsageCharts)
#include "test_usage_charts.moc"
