// The Resources tab against a fake source: sliders show the limits in
// force, a movement becomes exactly one SetLimits after the pause, a
// refusal puts the old value back and says why, lowering memory below the
// usage asks first, and the chart follows the limit and the model's stats.
#include "container_list_model.h"
#include "fake_container_source.h"
#include "limit_slider.h"
#include "resources_tab.h"
#include "usage_chart.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QSlider>
#include <QtTest>

using berth::gui::ContainerListModel;
using berth::gui::ContainerRow;
using berth::gui::ResourcesTab;

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// The fake with SetLimits: records each call, answers with `limitsError` if set.
class LimitsSource : public berth::test::FakeContainerSource {
public:
    QList<std::pair<QString, QMap<QString, QString>>> limitCalls;
    std::optional<berth::client::ClientError> limitsError;

    void setLimits(const QString& name, const QMap<QString, QString>& limits, QObject* context,
                   berth::gui::StatusCallback done) override
    {
        limitCalls.append({name, limits});
        const auto status = limitsError ? berth::client::Status(std::unexpect, *limitsError)
                                        : berth::client::Status();
        QMetaObject::invokeMethod(context, [done = std::move(done), status] { done(status); },
                                  Qt::QueuedConnection);
    }
};

ContainerRow webRow(quint64 memoryUsed = 32 * 1024 * 1024)
{
    ContainerRow row;
    row.info = berth::test::FakeContainerSource::info(QStringLiteral("web"), QStringLiteral("running"));
    row.info.limits = {{QStringLiteral("memory.max"), QStringLiteral("268435456")},
                       {QStringLiteral("cpu.max"), QStringLiteral("1.5")},
                       {QStringLiteral("pids.max"), QStringLiteral("100")}};
    berth::client::ContainerStats stats;
    stats.name = row.info.name;
    stats.memoryCurrent = memoryUsed;
    row.stats = stats;
    return row;
}

// The limit line's height in MiB, or -1 when there is none.
double limitLine(const ResourcesTab& tab)
{
    const QList<QPointF> points = tab.chart()->limitSeries()->points();
    return points.isEmpty() ? -1 : points.first().y();
}

} // namespace

class TestResourcesTab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void slidersShowLimitsInForce_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("limit");
        QTest::addColumn<double>("shown");
        QTest::addColumn<QString>("text");
        QTest::newRow("memory") << "memory.max" << "268435456" << 256.0 << "268435456";
        QTest::newRow("memory unlimited") << "memory.max" << "max" << 0.0 << "max";
        QTest::newRow("cpu cores") << "cpu.max" << "1.5" << 1.5 << "1.5";
        QTest::newRow("pids") << "pids.max" << "100" << 100.0 << "100";
        QTest::newRow("pids not set") << "pids.max" << "" << 0.0 << "max";
    }
    void slidersShowLimitsInForce()
    {
        QFETCH(QString, key);
        QFETCH(QString, limit);
        QFETCH(double, shown);
        QFETCH(QString, text);
        LimitsSource source;
        ResourcesTab tab(source);
        ContainerRow row = webRow();
        row.info.limits.remove(key);
        if (!limit.isEmpty())
            row.info.limits.insert(key, limit);
        tab.showContainer(&row);
        QCOMPARE(tab.slider(key)->spinBox()->value(), shown);
        QCOMPARE(tab.slider(key)->text(), text);
        if (text == QLatin1String("max"))
            QCOMPARE(tab.slider(key)->slider()->value(), tab.slider(key)->slider()->maximum());
    }

    void movingSendsOneCallAfterThePause_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("sent");
        QTest::newRow("memory 512 MiB") << "memory.max" << 8 << "536870912";
        QTest::newRow("cpu 0.75 cores") << "cpu.max" << 3 << "0.75";
        QTest::newRow("pids 64") << "pids.max" << 4 << "64";
        QTest::newRow("memory unlimited") << "memory.max" << -1 << "max";
    }
    void movingSendsOneCallAfterThePause()
    {
        QFETCH(QString, key);
        QFETCH(int, position);
        QFETCH(QString, sent);
        LimitsSource source;
        ResourcesTab tab(source);
        tab.setDebounceInterval(20);
        const ContainerRow row = webRow();
        tab.showContainer(&row);
        QSlider* slider = tab.slider(key)->slider();
        // Dragging passes through positions; only where it rests counts.
        slider->setValue(2);
        slider->setValue(5);
        slider->setValue(position < 0 ? slider->maximum() : position);
        QVERIFY(source.limitCalls.isEmpty());   // not before the pause
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QCOMPARE(source.limitCalls.first().first, QStringLiteral("web"));
        QCOMPARE(source.limitCalls.first().second, (QMap<QString, QString>{{key, sent}}));
        QTest::qWait(100);   // and nothing after it either
        QCOMPARE(source.limitCalls.size(), 1);
    }

    void refusalRestoresAndExplains()
    {
        LimitsSource source;
        source.limitsError = berth::client::clientError(QStringLiteral("org.berth.Error.InvalidArgument"),
                                                        QStringLiteral("pids.max: not within 1..4194304"));
        ResourcesTab tab(source);
        tab.setDebounceInterval(0);
        const ContainerRow row = webRow();
        tab.showContainer(&row);
        tab.slider(QStringLiteral("pids.max"))->spinBox()->setValue(500);
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QTRY_VERIFY(!tab.message()->text().isEmpty());
        QVERIFY2(tab.message()->text().contains(QStringLiteral("4194304")), qPrintable(tab.message()->text()));
        QCOMPARE(tab.slider(QStringLiteral("pids.max"))->text(), QStringLiteral("100"));
    }

    void lowerMemoryThanUsedAsksFirst_data()
    {
        QTest::addColumn<bool>("agree");
        QTest::newRow("declined") << false;
        QTest::newRow("agreed") << true;
    }
    void lowerMemoryThanUsedAsksFirst()
    {
        QFETCH(bool, agree);
        LimitsSource source;
        ResourcesTab tab(source);
        tab.setDebounceInterval(0);
        int questions = 0;
        tab.setConfirmation([&](const QString&, const QString&) {
            ++questions;
            return agree;
        });
        const ContainerRow row = webRow(200 * 1024 * 1024);
        tab.showContainer(&row);
        tab.slider(QStringLiteral("memory.max"))->spinBox()->setValue(300);   // above the usage: no question
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QCOMPARE(questions, 0);
        tab.slider(QStringLiteral("memory.max"))->spinBox()->setValue(128);
        QTRY_COMPARE(questions, 1);
        if (agree) {
            QTRY_COMPARE(source.limitCalls.size(), 2);
            QCOMPARE(source.limitCalls.last().second.value(QStringLiteral("memory.max")),
                     QString::number(128 * 1024 * 1024));
        } else {
            QCOMPARE(tab.slider(QStringLiteral("memory.max"))->spinBox()->value(), 300.0);
            QTest::qWait(50);
            QCOMPARE(source.limitCalls.size(), 1);
        }
    }

    void chartLimitFollowsTheLimit()
    {
        LimitsSource source;
        ResourcesTab tab(source);
        tab.setDebounceInterval(0);
        ContainerRow row = webRow();
        tab.showContainer(&row);
        QCOMPARE(limitLine(tab), 256.0);
        tab.slider(QStringLiteral("memory.max"))->spinBox()->setValue(512);
        QTRY_COMPARE(limitLine(tab), 512.0);   // once the helper took it
        tab.slider(QStringLiteral("memory.max"))->slider()->setValue(
            tab.slider(QStringLiteral("memory.max"))->slider()->maximum());
        QTRY_COMPARE(limitLine(tab), -1.0);    // unlimited: no line
        // The model reads the container again: its limits are the ones in force.
        row.info.limits.insert(QStringLiteral("memory.max"), QStringLiteral("1073741824"));
        tab.showContainer(&row);
        QCOMPARE(limitLine(tab), 1024.0);
        QCOMPARE(tab.slider(QStringLiteral("memory.max"))->spinBox()->value(), 1024.0);
    }

    void memorySeriesFromModelStats()
    {
        LimitsSource source;
        QVERIFY(source.load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json")));
        ContainerListModel model(source);
        ResourcesTab tab(source);
        tab.watch(model);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 3);
        QTRY_VERIFY(!model.row(model.rowOf(QStringLiteral("web"))).info.limits.isEmpty());
        tab.showContainer(&model.row(model.rowOf(QStringLiteral("web"))));
        QCOMPARE(tab.chart()->memorySeries()->count(), 0);
        for (int sample = 1; sample <= 2; ++sample) {
            model.pollStats();
            QTRY_COMPARE(source.statsAnswered, sample);
            QCOMPARE(tab.chart()->memorySeries()->count(), sample);
        }
        const QList<QPointF> points = tab.chart()->memorySeries()->points();
        QCOMPARE(points.at(0), QPointF(-2, 32));   // 2 s before the newest, 32 MiB
        QCOMPARE(points.at(1), QPointF(0, 64));
        QCOMPARE(source.statsCalls, 2);   // the chart asked for nothing itself
        QCOMPARE(limitLine(tab), 256.0);
    }
};

QTEST_MAIN(TestResourcesTab)
#include "test_resources_tab.moc"
