// The charts widget: the window selector (1/5/15 minutes) sets the visible
// range and which samples are drawn, limit lines follow the limits given,
// OOM kills show as marks on the memory chart, each kind on its chart; axes
// in clock time and human units, figures and key above each chart, hover
// values, the palette followed.
#include "chart_scale.h"
#include "usage_chart.h"
#include "usage_charts.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QValueAxis>
#include <QXYSeries>
#include <QAccessible>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QTranslator>
#include <QTextDocumentFragment>
#include <QtTest>

#include <algorithm>

using berth::gui::UsageCharts;
using berth::gui::UsageKind;
using berth::gui::UsageLimits;
using berth::gui::UsageSample;

namespace {

// A label's rich text as it reads.
QString plain(const QString& html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

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
            QCOMPARE(charts.chart(kind)->visibleRange().first, -60.0 * minutes);
    }

    // 900 samples are not drawn into a few hundred pixel columns: at most
    // the lowest and highest per column, the peak and both ends kept.
    void shownChartDrawsAtMostTwoPointsAColumn()
    {
        QList<UsageSample> samples;
        for (int i = 0; i <= 900; ++i) {
            UsageSample sample;
            sample.timestampNs = qint64(i) * 1000000000LL;
            sample.memoryBytes = qint64(i == 450 ? 300 : 64 + i % 7) * 1024 * 1024;
            samples << sample;
        }
        UsageCharts charts;
        charts.resize(800, 600);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.setWindowMinutes(15);
        charts.setSamples(samples);
        const QList<QPointF> drawn = charts.seriesPoints(UsageKind::MemoryUsed);
        const int columns = int(charts.chart(UsageKind::MemoryUsed)->chart()->plotArea().width());
        QVERIFY2(columns > 0 && drawn.size() <= 2 * columns + 2, qPrintable(QString::number(drawn.size())));
        QVERIFY(drawn.size() < 901);
        QCOMPARE(drawn.first(), QPointF(-900, 64));
        QCOMPARE(drawn.last(), QPointF(0, 64 + 900 % 7));
        QVERIFY(std::ranges::any_of(drawn, [](const QPointF& point) { return point == QPointF(-450, 300); }));
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
    // Issue #19: clock time, not seconds; seconds only in the 1-minute window.
    void timeAxisReadsClockTime()
    {
        UsageCharts charts;
        QList<UsageSample> samples = quarterHour();
        const qint64 newest = QDateTime(QDate(2026, 12, 7), QTime(14, 30, 0)).toMSecsSinceEpoch();
        for (UsageSample& sample : samples)
            sample.wallMs = newest - (samples.last().timestampNs - sample.timestampNs) / 1000000;
        charts.setSamples(samples);
        const QLocale locale = charts.chart(UsageKind::MemoryUsed)->chart()->locale();
        for (int minutes : {1, 5, 15}) {
            charts.setWindowMinutes(minutes);
            for (UsageKind kind : {UsageKind::MemoryUsed, UsageKind::CpuUsed, UsageKind::NetRx}) {
                const QDateTimeAxis* axis = charts.chart(kind)->timeAxis();
                QCOMPARE(axis->max().toMSecsSinceEpoch(), newest);
                QCOMPARE(axis->min().toMSecsSinceEpoch(), newest - minutes * 60000);
                QCOMPARE(axis->format(), berth::gui::clockFormat(locale, minutes == 1));
            }
        }
        QCOMPARE(charts.seriesPoints(UsageKind::MemoryUsed).last(), QPointF(0, 64));
    }

    // Issue #19: "1e+04" and bare numbers gave way to units chosen from the range.
    void valueAxisInHumanUnits_data()
    {
        QTest::addColumn<UsageKind>("kind");
        QTest::addColumn<quint64>("memoryMiB");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("memory in MiB") << UsageKind::MemoryUsed << quint64(64) << "MiB";
        QTest::newRow("memory in GiB") << UsageKind::MemoryUsed << quint64(20000) << "GiB";
        QTest::newRow("cpu in %") << UsageKind::CpuUsed << quint64(64) << "%";
        QTest::newRow("disk in B/s") << UsageKind::IoRead << quint64(64) << "B/s";
    }
    void valueAxisInHumanUnits()
    {
        QFETCH(UsageKind, kind);
        QFETCH(quint64, memoryMiB);
        QFETCH(QString, suffix);
        UsageCharts charts;
        QList<UsageSample> samples = quarterHour();
        for (int i = 0; i < samples.size(); ++i) {
            samples[i].memoryBytes = memoryMiB << 20;
            samples[i].cpuUsageNs = quint64(i) * 5000000000ULL; // half a core
            samples[i].ioReadBytes = quint64(i) * 1000;         // 100 B/s
        }
        charts.setSamples(samples);
        const QString format = charts.chart(kind)->valueAxis()->labelFormat();
        QVERIFY2(format.endsWith(QLatin1Char(' ') + suffix), qPrintable(format));
        QVERIFY2(format.startsWith(QStringLiteral("%.")) && format.contains(QLatin1Char('f')), qPrintable(format));
        QVERIFY(charts.chart(kind)->chart()->localizeNumbers());
        // What is drawn is scaled; what the series hold reads back unchanged.
        if (kind == UsageKind::MemoryUsed)
            QCOMPARE(charts.seriesPoints(kind).last().y(), double(memoryMiB));
    }

    // Issue #19: the Chinese time axis showed "?": Qt Charts printed the
    // translated "%d 秒" through Latin-1. No label may lose a character.
    void chineseAxesKeepEveryCharacter()
    {
        QTranslator chinese;
        QVERIFY(chinese.load(QStringLiteral(":/i18n/berth_zh_CN.qm")));
        QCoreApplication::installTranslator(&chinese);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        {
            UsageCharts charts;
            charts.resize(700, 520);
            charts.setSamples(quarterHour());
            charts.show();
            QVERIFY(QTest::qWaitForWindowExposed(&charts));
            for (UsageKind kind : {UsageKind::MemoryUsed, UsageKind::CpuUsed, UsageKind::Pids}) {
                int labels = 0;
                for (QGraphicsItem* item : charts.chart(kind)->scene()->items()) {
                    QString text;
                    if (auto* rich = dynamic_cast<QGraphicsTextItem*>(item))
                        text = rich->toPlainText();
                    else if (auto* simple = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                        text = simple->text();
                    if (text.isEmpty())
                        continue;
                    ++labels;
                    QVERIFY2(!text.contains(QLatin1Char('?')), qPrintable(text));
                }
                QVERIFY(labels >= 4); // both axes' labels were looked at
            }
        }
        QLocale::setDefault(QLocale::c());
        QCoreApplication::removeTranslator(&chinese);
    }

    // Issue #19: the current value and the limit as numbers beside each
    // chart, and the same words for screen readers.
    void figuresBesideEachChart()
    {
        UsageCharts charts;
        QList<UsageSample> samples = quarterHour();
        for (UsageSample& sample : samples) {
            sample.memoryBytes = 212ULL << 20;
            sample.limits = UsageLimits{256.0, std::nullopt, 2.0, std::nullopt};
        }
        charts.setSamples(samples);
        charts.setLimits(UsageLimits{256.0, std::nullopt, 2.0, std::nullopt});
        const auto figures = [&](UsageKind kind) { return plain(charts.figures(kind)->text()); };
        QVERIFY2(figures(UsageKind::MemoryUsed).contains(QStringLiteral("212 MiB of 256 MiB")),
                 qPrintable(figures(UsageKind::MemoryUsed)));
        QVERIFY2(figures(UsageKind::CpuUsed).contains(QStringLiteral("0 %, quota 200 % (2 cores)")),
                 qPrintable(figures(UsageKind::CpuUsed)));
        QVERIFY2(figures(UsageKind::Pids).contains(QStringLiteral("0, no limit")),
                 qPrintable(figures(UsageKind::Pids)));
        const QAccessibleInterface* memory = QAccessible::queryAccessibleInterface(charts.chart(UsageKind::MemoryUsed));
        QVERIFY(memory);
        QCOMPARE(memory->text(QAccessible::Name), QStringLiteral("Memory"));
        QCOMPARE(memory->text(QAccessible::Description), QStringLiteral("Memory: 212 MiB of 256 MiB"));
        charts.setLimits(UsageLimits{512.0, std::nullopt, std::nullopt, std::nullopt});
        QVERIFY(figures(UsageKind::MemoryUsed).contains(QStringLiteral("212 MiB of 512 MiB")));
        QVERIFY(figures(UsageKind::CpuUsed).contains(QStringLiteral("no quota")));
    }

    // Issue #19: hovering tells the time and each line's value there.
    void hoverTellsTimeAndValues()
    {
        UsageCharts charts;
        QList<UsageSample> samples = quarterHour();
        const qint64 newest = QDateTime(QDate(2026, 12, 7), QTime(14, 30, 0)).toMSecsSinceEpoch();
        for (UsageSample& sample : samples) {
            sample.wallMs = newest - (samples.last().timestampNs - sample.timestampNs) / 1000000;
            sample.limits.memoryMiB = 256.0;
        }
        charts.setSamples(samples);
        const QString text = charts.chart(UsageKind::MemoryUsed)->hoverText(newest - 25000);
        QCOMPARE(text.split(QLatin1Char('\n')), (QStringList{QStringLiteral("14:29:35"), QStringLiteral("Used: 64 MiB"),
                                                             QStringLiteral("Limit: 256 MiB")}));
    }

    // Issue #19: a dark palette gives a dark chart, labels in the palette's text colour.
    void chartsFollowThePalette_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void chartsFollowThePalette()
    {
        QFETCH(bool, dark);
        UsageCharts charts;
        QPalette palette = charts.palette();
        if (dark) {
            palette.setColor(QPalette::Window, QColor(0x24, 0x24, 0x24));
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
            palette.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
            palette.setColor(QPalette::Highlight, QColor(0x35, 0x84, 0xe4));
        }
        charts.setPalette(palette);
        for (UsageKind kind : {UsageKind::MemoryUsed, UsageKind::CpuUsed, UsageKind::NetRx}) {
            const berth::gui::UsageChart* chart = charts.chart(kind);
            QCOMPARE(chart->chart()->backgroundBrush().color(), palette.color(QPalette::Base));
            QCOMPARE(chart->chart()->backgroundBrush().color().lightness() < 128, dark);
            QCOMPARE(chart->valueAxis()->labelsBrush().color(), palette.color(QPalette::Text));
            QCOMPARE(chart->timeAxis()->labelsBrush().color(), palette.color(QPalette::Text));
            QCOMPARE(chart->color(kind), palette.color(QPalette::Highlight));
        }
        // The limit in a colour of its own, dashed; the key says which is which.
        const berth::gui::UsageChart* memory = charts.chart(UsageKind::MemoryLimit);
        QVERIFY(memory->color(UsageKind::MemoryLimit) != memory->color(UsageKind::MemoryUsed));
        QCOMPARE(memory->series(UsageKind::MemoryLimit)->pen().style(), Qt::DashLine);
        QVERIFY(charts.figures(UsageKind::MemoryLimit)->text().contains(memory->color(UsageKind::MemoryLimit).name()));
    }

    // Issue #19: the German legend was clipped. The key is a word-wrapped
    // label above the chart, naming every line; Qt's legend is not shown.
    void keyIsNeverClipped()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/berth_de.qm")));
        QCoreApplication::installTranslator(&german);
        const auto removeGerman = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        UsageCharts charts;
        QList<UsageSample> samples = quarterHour();
        for (UsageSample& sample : samples)
            sample.limits = UsageLimits{256.0, 192.0, 2.0, 100.0};
        charts.setSamples(samples);
        charts.setLimits(UsageLimits{256.0, 192.0, 2.0, 100.0});
        charts.resize(charts.minimumSizeHint());
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        for (UsageKind kind :
             {UsageKind::MemoryUsed, UsageKind::CpuUsed, UsageKind::Pids, UsageKind::IoRead, UsageKind::NetRx}) {
            const berth::gui::UsageChart* chart = charts.chart(kind);
            QVERIFY(!chart->chart()->legend()->isVisible());
            const QLabel* key = charts.figures(kind);
            QVERIFY(key->wordWrap());
            for (const auto& line : chart->lines())
                QVERIFY2(key->text().contains(line.name), qPrintable(line.name));
            // All of its lines fit, above the chart, at the smallest size.
            QVERIFY2(key->height() >= key->heightForWidth(key->width()), qPrintable(key->text()));
            QVERIFY(key->geometry().bottom() < chart->geometry().top());
        }
        // No time label cut short ("03...") on the narrowest charts.
        for (UsageKind kind : {UsageKind::MemoryUsed, UsageKind::NetRx}) {
            for (QGraphicsItem* item : charts.chart(kind)->scene()->items())
                if (auto* label = dynamic_cast<QGraphicsTextItem*>(item)) {
                    const QString text = label->toPlainText();
                    QVERIFY2(!text.contains(QStringLiteral("...")) && !text.contains(QChar(0x2026)), qPrintable(text));
                }
        }
        // Nothing drawn over anything else.
        QList<const QWidget*> parts;
        for (UsageKind kind :
             {UsageKind::MemoryUsed, UsageKind::CpuUsed, UsageKind::Pids, UsageKind::IoRead, UsageKind::NetRx})
            parts << charts.chart(kind) << charts.figures(kind);
        for (const QWidget* one : parts)
            for (const QWidget* other : parts)
                QVERIFY(one == other || !one->geometry().intersects(other->geometry()));
    }
};

QTEST_MAIN(TestUsageCharts)
#include "test_usage_charts.moc"
