// The Resources tab against a fake source: sliders show the limits in
// force, a movement becomes exactly one SetLimits after the pause, a
// refusal puts the old value back and says why, lowering memory below the
// usage asks first, and the chart follows the limit and the model's stats.
#include "container_list_model.h"
#include "fake_container_source.h"
#include "limit_slider.h"
#include "resources_tab.h"
#include "cpuset_picker.h"
#include "usage_charts.h"

#include <QDoubleSpinBox>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTextDocumentFragment>
#include <QtTest>

using berth::gui::ContainerListModel;
using berth::gui::ContainerRow;
using berth::gui::ResourcesTab;
using berth::gui::UsageKind;

namespace {

// A label's rich text as it reads.
QString plain(const QString& html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

constexpr double kMiB = 1024.0 * 1024.0;

// The fake with SetLimits: records each call (as SetLimits' keys and
// values), answers with `limitsError` if set.
class LimitsSource : public berth::test::FakeContainerSource {
public:
    QList<std::pair<QString, QMap<QString, QString>>> limitCalls;
    std::optional<berth::client::ClientError> limitsError;

    void setLimits(const QString& name, const berth::model::Limits& limits, QObject* context,
                   berth::gui::StatusCallback done) override
    {
        limitCalls.append({name, limitsShown(limits)});
        const auto status = limitsError ? berth::client::Status(std::unexpect, *limitsError) : berth::client::Status();
        QMetaObject::invokeMethod(
            context, [done = std::move(done), status] { done(status); }, Qt::QueuedConnection);
    }
};

QMap<QString, QString> webLimits()
{
    return {{QStringLiteral("memory.max"), QStringLiteral("268435456")},
            {QStringLiteral("cpu.max"), QStringLiteral("1.5")},
            {QStringLiteral("memory.high"), QStringLiteral("134217728")},
            {QStringLiteral("cpu.max"), QStringLiteral("1.5")},
            {QStringLiteral("pids.max"), QStringLiteral("100")},
            {QStringLiteral("cpuset.cpus"), QStringLiteral("0")}};
}

ContainerRow webRow(quint64 memoryUsed = 32 * 1024 * 1024)
{
    ContainerRow row;
    row.info = berth::test::FakeContainerSource::info(QStringLiteral("web"), berth::model::RunState::Running);
    row.info.limits = berth::test::FakeContainerSource::limitsFrom(webLimits());
    berth::client::ContainerStats stats;
    stats.name = row.info.name;
    stats.memoryCurrent = memoryUsed;
    row.stats = stats;
    return row;
}

// The limit line's height in MiB, or -1 when there is none.
double limitLine(const ResourcesTab& tab)
{
    const QList<QPointF> points = tab.charts()->seriesPoints(UsageKind::MemoryLimit);
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
        QTest::newRow("memory") << "memory.max"
                                << "268435456" << 256.0 << "268435456";
        QTest::newRow("memory unlimited") << "memory.max"
                                          << "max" << 0.0 << "max";
        QTest::newRow("cpu cores") << "cpu.max"
                                   << "1.5" << 1.5 << "1.5";
        QTest::newRow("pids") << "pids.max"
                              << "100" << 100.0 << "100";
        QTest::newRow("pids not set") << "pids.max"
                                      << "" << 0.0 << "max";
        QTest::newRow("soft limit MiB") << "memory.high"
                                        << "134217728" << 128.0 << "134217728";
        QTest::newRow("soft limit unset") << "memory.high"
                                          << "" << 0.0 << "max";
        QTest::newRow("swap GiB") << "memory.swap.max"
                                  << "1073741824" << 1024.0 << "1073741824";
        QTest::newRow("swap unlimited") << "memory.swap.max"
                                        << "max" << 0.0 << "max";
        QTest::newRow("cpu no quota") << "cpu.max"
                                      << "max" << 0.0 << "max";
        QTest::newRow("cpu weight") << "cpu.weight"
                                    << "250" << 250.0 << "250";
        QTest::newRow("cpu weight unset: default") << "cpu.weight"
                                                   << "" << 100.0 << "100";
        QTest::newRow("io weight top") << "io.weight"
                                       << "10000" << 10000.0 << "10000";
        QTest::newRow("io weight lowest") << "io.weight"
                                          << "1" << 1.0 << "1";
        QTest::newRow("io weight unset: default") << "io.weight"
                                                  << "" << 100.0 << "100";
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
        QMap<QString, QString> limits = webLimits();
        limits.remove(key);
        if (!limit.isEmpty())
            limits.insert(key, limit);
        row.info.limits = berth::test::FakeContainerSource::limitsFrom(limits);
        tab.showContainer(&row);
        QCOMPARE(tab.slider(key)->spinBox()->value(), shown);
        QCOMPARE(tab.slider(key)->text(), text);
        if (text == QLatin1String("max"))
            QCOMPARE(tab.slider(key)->slider()->value(), tab.slider(key)->slider()->maximum());
    }

    // Issue #16: a weight the config holds in v1 units is shown as given.
    void v1WeightsShownAsGiven()
    {
        LimitsSource source;
        ResourcesTab tab(source);
        tab.show();
        ContainerRow row = webRow();
        tab.showContainer(&row);
        QVERIFY(tab.v1Weights()->isHidden());
        row.info.limits.cpuShares = 512;
        row.info.limits.blkioWeight = 500;
        tab.showContainer(&row);
        QVERIFY(tab.v1Weights()->isVisible());
        QCOMPARE(tab.v1Weights()->text(),
                 QStringLiteral("Set in cgroup v1 units: cpu.shares = 512, blkio.weight = 500."));
    }

    // Issue #18: cpu.shares 512 in the config is not sent back (as 512, or
    // converted to a cpu.weight that a v1 kernel would read as 501) when
    // only the memory limit moves: the call holds memory.max and nothing else.
    void v1SharesNotSentWhenMemoryMoves()
    {
        LimitsSource source;
        ResourcesTab tab(source);
        tab.setDebounceInterval(0);
        tab.setConfirmation([](const QString&, const QString&) { return true; });
        ContainerRow row = webRow();
        row.info.limits.cpuShares = 512;
        tab.showContainer(&row);
        tab.slider(QStringLiteral("memory.max"))->spinBox()->setValue(512.0);
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QCOMPARE(source.limitCalls.first().second,
                 (QMap<QString, QString>{{QStringLiteral("memory.max"), QStringLiteral("536870912")}}));
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
        QTest::newRow("soft limit 256 MiB") << "memory.high" << 4 << "268435456";
        QTest::newRow("swap 1 GiB") << "memory.swap.max" << 16 << "1073741824";
        QTest::newRow("swap unlimited") << "memory.swap.max" << -1 << "max";
        QTest::newRow("cpu no quota") << "cpu.max" << -1 << "max";
        QTest::newRow("cpu weight 300") << "cpu.weight" << 3 << "300";
        QTest::newRow("io weight 700") << "io.weight" << 7 << "700";
        // Weights have no "unlimited": the slider's end is the highest weight.
        QTest::newRow("io weight at the end") << "io.weight" << -1 << "10000";
    }

    void typedValueSent_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("typed");
        QTest::addColumn<QString>("sent");
        QTest::newRow("memory 300 MiB") << "memory.max" << 300.0 << "314572800";
        QTest::newRow("memory 2 GiB") << "memory.max" << 2048.0 << "2147483648";
        QTest::newRow("soft limit 1 MiB") << "memory.high" << 1.0 << "1048576";
        QTest::newRow("soft limit 0: unlimited") << "memory.high" << 0.0 << "max";
        QTest::newRow("cpu 2.5 cores") << "cpu.max" << 2.5 << "2.5";
        QTest::newRow("cpu 0.05 cores") << "cpu.max" << 0.05 << "0.05";
        QTest::newRow("cpu weight 1") << "cpu.weight" << 1.0 << "1";
        QTest::newRow("cpu weight 0 is 1") << "cpu.weight" << 0.0 << "1";
        QTest::newRow("io weight 10000") << "io.weight" << 10000.0 << "10000";
        QTest::newRow("pids 4194304") << "pids.max" << 4194304.0 << "4194304";
    }
    void typedValueSent()
    {
        QFETCH(QString, key);
        QFETCH(double, typed);
        QFETCH(QString, sent);
        LimitsSource source;
        ResourcesTab tab(source);
        tab.setDebounceInterval(0);
        tab.setConfirmation([](const QString&, const QString&) { return true; });
        const ContainerRow row = webRow();
        tab.showContainer(&row);
        tab.slider(key)->spinBox()->setValue(typed);
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QCOMPARE(source.limitCalls.first().second, (QMap<QString, QString>{{key, sent}}));
    }
    // Let go of, the slider sends at once, however long the pause that
    // gathers a drag's or the keyboard's steps (the shipped one here).
    void releaseSendsAtOnce()
    {
        QFETCH(QString, key);
        QFETCH(int, position);
        QFETCH(QString, sent);
        LimitsSource source;
        ResourcesTab tab(source);
        const ContainerRow row = webRow();
        tab.showContainer(&row);
        QSlider* slider = tab.slider(key)->slider();
        slider->setSliderDown(true);
        slider->setValue(2);
        slider->setValue(position < 0 ? slider->maximum() : position);
        QVERIFY(source.limitCalls.isEmpty()); // dragging: nothing sent
        slider->setSliderDown(false);         // released
        QCOMPARE(source.limitCalls.size(), 1);
        QCOMPARE(source.limitCalls.first().second, (QMap<QString, QString>{{key, sent}}));
        QTest::qWait(ResourcesTab::kDefaultDebounceMs + 100); // and not once more after the pause
        QCOMPARE(source.limitCalls.size(), 1);
    }
    void releaseSendsAtOnce_data() { movingSendsOneCallAfterThePause_data(); }

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
        QVERIFY(source.limitCalls.isEmpty()); // not before the pause
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QCOMPARE(source.limitCalls.first().first, QStringLiteral("web"));
        QCOMPARE(source.limitCalls.first().second, (QMap<QString, QString>{{key, sent}}));
        QTest::qWait(100); // and nothing after it either
        QCOMPARE(source.limitCalls.size(), 1);
    }

    void refusalRestoresAndExplains_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("typed");
        QTest::addColumn<QString>("inForce");
        QTest::newRow("pids") << "pids.max" << 500.0 << "100";
        QTest::newRow("soft limit") << "memory.high" << 512.0 << "134217728";
        QTest::newRow("swap") << "memory.swap.max" << 64.0 << "max";
        QTest::newRow("cpu quota") << "cpu.max" << 3.0 << "1.5";
        QTest::newRow("cpu weight") << "cpu.weight" << 5000.0 << "100";
        QTest::newRow("io weight") << "io.weight" << 20.0 << "100";
    }
    void refusalRestoresAndExplains()
    {
        QFETCH(QString, key);
        QFETCH(double, typed);
        QFETCH(QString, inForce);
        LimitsSource source;
        source.limitsError = berth::client::clientError(QStringLiteral("org.berth.Error.InvalidArgument"),
                                                        QStringLiteral("%1: refused by the kernel 4194304").arg(key));
        ResourcesTab tab(source);
        tab.setDebounceInterval(0);
        const ContainerRow row = webRow();
        tab.showContainer(&row);
        tab.slider(key)->spinBox()->setValue(typed);
        QCOMPARE(tab.slider(key)->spinBox()->value(), typed); // until the helper answers
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QTRY_VERIFY(!tab.message()->text().isEmpty());
        QVERIFY2(tab.message()->text().contains(QStringLiteral("4194304")), qPrintable(tab.message()->text()));
        QCOMPARE(tab.slider(key)->text(), inForce);
    }

    void cpusetSentAndRestored_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::newRow("taken") << false;
        QTest::newRow("refused") << true;
    }
    void cpusetSentAndRestored()
    {
        QFETCH(bool, refused);
        LimitsSource source;
        if (refused)
            source.limitsError = berth::client::clientError(QStringLiteral("org.berth.Error.InvalidArgument"),
                                                            QStringLiteral("cpuset.cpus: no such CPU"));
        ResourcesTab tab(source);
        tab.setDebounceInterval(0);
        const ContainerRow row = webRow();
        tab.showContainer(&row);
        berth::gui::CpusetPicker* picker = tab.cpusetPicker();
        QCOMPARE(picker->text(), QStringLiteral("0"));
        picker->lineEdit()->setText(QStringLiteral("1,0"));
        Q_EMIT picker->lineEdit()->editingFinished();
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QCOMPARE(source.limitCalls.first().second,
                 (QMap<QString, QString>{{QStringLiteral("cpuset.cpus"), QStringLiteral("0-1")}}));
        QTRY_COMPARE(tab.message()->text().isEmpty(), !refused);
        QCOMPARE(picker->text(), refused ? QStringLiteral("0") : QStringLiteral("0-1"));
        QCOMPARE(picker->lineEdit()->text(), picker->text());
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
        tab.slider(QStringLiteral("memory.max"))->spinBox()->setValue(300); // above the usage: no question
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
        QSignalSpy applied(&tab, &ResourcesTab::limitsApplied);
        QCOMPARE(limitLine(tab), 256.0);
        tab.slider(QStringLiteral("memory.max"))->spinBox()->setValue(512);
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(limitLine(tab), 512.0); // once the helper took it
        tab.slider(QStringLiteral("memory.max"))
            ->slider()
            ->setValue(tab.slider(QStringLiteral("memory.max"))->slider()->maximum());
        QTRY_COMPARE(applied.size(), 2);
        QCOMPARE(limitLine(tab), -1.0); // unlimited: no line
        // The model reads the container again: its limits are the ones in force.
        row.info.limits.memoryMax = 1073741824;
        tab.showContainer(&row);
        QCOMPARE(limitLine(tab), 1024.0);
        QCOMPARE(tab.slider(QStringLiteral("memory.max"))->spinBox()->value(), 1024.0);
    }

    void limitLinesFollowEachLimit_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<UsageKind>("kind");
        QTest::addColumn<double>("before"); // chart units, -1: no line
        QTest::addColumn<double>("typed");  // spin box units
        QTest::addColumn<double>("after");
        QTest::newRow("soft limit") << "memory.high" << UsageKind::MemorySoftLimit << 128.0 << 192.0 << 192.0;
        QTest::newRow("soft limit removed") << "memory.high" << UsageKind::MemorySoftLimit << 128.0 << 0.0 << -1.0;
        QTest::newRow("cpu quota") << "cpu.max" << UsageKind::CpuQuota << 1.5 << 0.5 << 0.5;
        QTest::newRow("pids") << "pids.max" << UsageKind::PidsLimit << 100.0 << 40.0 << 40.0;
    }
    void limitLinesFollowEachLimit()
    {
        QFETCH(QString, key);
        QFETCH(UsageKind, kind);
        QFETCH(double, before);
        QFETCH(double, typed);
        QFETCH(double, after);
        LimitsSource source;
        ResourcesTab tab(source);
        tab.setDebounceInterval(0);
        const ContainerRow row = webRow();
        tab.showContainer(&row);
        const auto level = [&] {
            const QList<QPointF> points = tab.charts()->seriesPoints(kind);
            return points.isEmpty() ? -1.0 : points.last().y();
        };
        QCOMPARE(level(), before);
        tab.slider(key)->spinBox()->setValue(typed);
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QTRY_COMPARE(level(), after); // once the helper took it
    }

    // Issue #19: dragging the memory limit moves the line at once, from
    // now on; the past keeps the limit that was in force then.
    void sliderMovesTheLimitLineFromNowOn()
    {
        LimitsSource source;
        QVERIFY(source.load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json")));
        ContainerListModel model(source);
        ResourcesTab tab(source);
        tab.setConfirmation([](const QString&, const QString&) { return true; });
        tab.watch(model);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 3);
        QTRY_VERIFY(!model.row(model.rowOf(QStringLiteral("web"))).info.limits.empty());
        tab.showContainer(&model.row(model.rowOf(QStringLiteral("web"))));
        for (int sample = 1; sample <= 2; ++sample) {
            model.pollStats();
            QTRY_COMPARE(source.statsAnswered, sample);
        }
        const QList<QPointF> before{QPointF(-2, 256), QPointF(0, 256)};
        QCOMPARE(tab.charts()->seriesPoints(UsageKind::MemoryLimit), before);
        const QLabel* figures = tab.charts()->figures(UsageKind::MemoryUsed);
        QVERIFY2(plain(figures->text()).contains(QStringLiteral("64 MiB of 256 MiB")), qPrintable(figures->text()));
        tab.slider(QStringLiteral("memory.max"))->spinBox()->setValue(512);
        // At once, before the pause and the helper's answer: the number and the line.
        QVERIFY(source.limitCalls.isEmpty());
        QVERIFY2(plain(figures->text()).contains(QStringLiteral("64 MiB of 512 MiB")), qPrintable(figures->text()));
        QCOMPARE(tab.charts()->seriesPoints(UsageKind::MemoryLimit), before + QList<QPointF>{QPointF(0, 512)});
        QTRY_COMPARE(source.limitCalls.size(), 1);
        QCOMPARE(tab.charts()->seriesPoints(UsageKind::MemoryLimit).last(), QPointF(0, 512));
        QCOMPARE(tab.charts()->seriesPoints(UsageKind::MemoryLimit).first(), QPointF(-2, 256));
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
        QTRY_VERIFY(!model.row(model.rowOf(QStringLiteral("web"))).info.limits.empty());
        tab.showContainer(&model.row(model.rowOf(QStringLiteral("web"))));
        QCOMPARE(tab.charts()->pointCount(UsageKind::MemoryUsed), 0);
        for (int sample = 1; sample <= 2; ++sample) {
            model.pollStats();
            QTRY_COMPARE(source.statsAnswered, sample);
            QCOMPARE(tab.charts()->pointCount(UsageKind::MemoryUsed), sample);
        }
        const QList<QPointF> points = tab.charts()->seriesPoints(UsageKind::MemoryUsed);
        QCOMPARE(points.at(0), QPointF(-2, 32)); // 2 s before the newest, 32 MiB
        QCOMPARE(points.at(1), QPointF(0, 64));
        QCOMPARE(source.statsCalls, 2); // the chart asked for nothing itself
        QCOMPARE(limitLine(tab), 256.0);
    }
};

QTEST_MAIN(TestResourcesTab)
#include "test_resources_tab.moc"
