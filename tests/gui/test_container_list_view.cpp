// The container list at a glance (issue #19): the state in colour and
// words (failed apart from stopped), the share of the limit in use for the
// bars, and the delegate that draws them — the same with 3 rows and with
// 500, without a widget per row, the State column never cut short.
#include "container_filter_model.h"
#include "container_list_delegate.h"
#include "container_list_model.h"
#include "fake_container_source.h"
#include "state_presentation.h"

#include <QHeaderView>
#include <QTreeView>
#include <QtTest>

#include <csignal>

using berth::gui::ContainerListDelegate;
using berth::gui::ContainerListModel;
using berth::gui::StateTone;
using berth::model::RunState;
using berth::test::FakeContainerSource;

namespace {

QVariant value(const ContainerListModel& model, const QString& name, int column, int role)
{
    return model.index(model.rowOf(name), column).data(role);
}

// How many pixels of `image` inside `area` are close to `color`.
int pixelsNear(const QImage& image, const QRect& area, const QColor& color)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) +
                    std::abs(c.blue() - color.blue()) <
                24)
                ++count;
        }
    return count;
}

} // namespace

class TestContainerListView : public QObject {
    Q_OBJECT
private:
    void loadFixture(FakeContainerSource& source, ContainerListModel& model)
    {
        QVERIFY(source.load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json")));
        model.reload();
        QTRY_COMPARE(model.rowCount(), 3);
        QTRY_COMPARE(value(model, QStringLiteral("web"), ContainerListModel::AddressColumn, Qt::DisplayRole).toString(),
                     QStringLiteral("10.0.3.12/24"));
        for (int sample = 1; sample <= 2; ++sample) {
            model.pollStats();
            QTRY_COMPARE(source.statsAnswered, sample);
        }
    }

private Q_SLOTS:
    void lastRunFailed_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("exited");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("failed");
        QTest::newRow("never ran") << int(RunState::Stopped) << false << 0 << "" << false;
        QTest::newRow("exit 0") << int(RunState::Stopped) << true << 0 << "" << false;
        QTest::newRow("exit 3") << int(RunState::Stopped) << true << 3 << "" << true;
        QTest::newRow("segfault") << int(RunState::Stopped) << true << 128 + SIGSEGV << "" << true;
        QTest::newRow("stopped by TERM") << int(RunState::Stopped) << true << 128 + SIGTERM << "" << false;
        QTest::newRow("force stop (KILL)") << int(RunState::Stopped) << true << 128 + SIGKILL << "" << false;
        QTest::newRow("systemd halt (RTMIN+3)") << int(RunState::Stopped) << true << 128 + SIGRTMIN + 3 << "" << false;
        QTest::newRow("start failed") << int(RunState::Stopped) << false << 0 << "mount: no such file" << true;
        QTest::newRow("running after a failure") << int(RunState::Running) << true << 3 << "old" << false;
    }

    void lastRunFailed()
    {
        QFETCH(int, state);
        QFETCH(bool, exited);
        QFETCH(int, code);
        QFETCH(QString, error);
        QFETCH(bool, failed);
        berth::client::ContainerInfo info = FakeContainerSource::info(QStringLiteral("x"), RunState(state));
        info.hasExited = exited;
        info.lastExitCode = code;
        info.lastError = error;
        QCOMPARE(berth::gui::lastRunFailed(info), failed);
    }

    void toneAndWords_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("tone");
        QTest::addColumn<QString>("text");
        QTest::newRow("running") << "web" << int(StateTone::Running) << "Running";
        QTest::newRow("frozen") << "db" << int(StateTone::Frozen) << "Frozen";
        QTest::newRow("failed: exit code 3") << "app" << int(StateTone::Failed) << "Failed";
    }

    void toneAndWords()
    {
        QFETCH(QString, name);
        QFETCH(int, tone);
        QFETCH(QString, text);
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        QCOMPARE(value(model, name, ContainerListModel::StateColumn, ContainerListModel::ToneRole).toInt(), tone);
        QCOMPARE(value(model, name, ContainerListModel::StateColumn, Qt::DisplayRole).toString(), text);
        // Four tones, four colours, on a light palette and a dark one.
        for (const QPalette& palette : {QPalette(Qt::white), QPalette(QColor(0x24, 0x24, 0x24))}) {
            QSet<QRgb> colours;
            for (auto t :
                 {StateTone::Running, StateTone::Stopped, StateTone::Frozen, StateTone::Failed, StateTone::Busy})
                colours.insert(berth::gui::toneColor(t, palette).rgb());
            QCOMPARE(colours.size(), 5);
        }
    }

    // Memory against its limit, CPU against its quota or the host's cores.
    void usageFraction()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        // 64 MiB of 256 MiB.
        QCOMPARE(
            value(model, QStringLiteral("web"), ContainerListModel::MemoryColumn, ContainerListModel::UsageFractionRole)
                .toDouble(),
            0.25);
        // No limit: no bar to measure against.
        QVERIFY(
            !value(model, QStringLiteral("db"), ContainerListModel::MemoryColumn, ContainerListModel::UsageFractionRole)
                 .isValid());
        // Stopped: nothing in use.
        QVERIFY(
            !value(model, QStringLiteral("app"), ContainerListModel::CpuColumn, ContainerListModel::UsageFractionRole)
                 .isValid());
        const double cpu =
            value(model, QStringLiteral("web"), ContainerListModel::CpuColumn, ContainerListModel::UsageFractionRole)
                .toDouble();
        QVERIFY2(cpu > 0 && cpu <= 0.5, qPrintable(QString::number(cpu))); // 50 % of one core, of >= 1 core
    }

    void stateColumnFitsEveryWord()
    {
        const QFontMetrics metrics{QFont()};
        const int width = ContainerListDelegate::stateColumnWidth(metrics);
        for (const QString& word : {berth::gui::stateText(RunState::Running), berth::gui::stateText(RunState::Stopping),
                                    berth::gui::stateText(RunState::Starting), berth::gui::stateText(RunState::Frozen),
                                    berth::gui::toneText(StateTone::Failed, RunState::Stopped)})
            QVERIFY2(width > metrics.horizontalAdvance(word) + metrics.height(), qPrintable(word));
    }

    // 500 containers: drawn by the delegate alone, uniform rows, sorting and
    // filtering still work, and the running dot is painted in its colour.
    void fiveHundredRowsPaintWithoutWidgets()
    {
        FakeContainerSource source;
        for (int i = 0; i < 500; ++i) {
            const QString name = QStringLiteral("box%1").arg(i, 3, 10, QLatin1Char('0'));
            source.containers.insert(name,
                                     FakeContainerSource::info(name, i % 2 ? RunState::Stopped : RunState::Running));
        }
        ContainerListModel model(source);
        model.reload();
        QTRY_COMPARE(model.rowCount(), 500);
        QTRY_COMPARE(source.containerCalls, 500);
        berth::gui::ContainerFilterModel proxy;
        proxy.setSourceModel(&model);
        QTreeView view;
        view.setModel(&proxy);
        view.setUniformRowHeights(true);
        view.setRootIsDecorated(false);
        view.setItemDelegate(new ContainerListDelegate(&view));
        view.header()->resizeSection(ContainerListModel::StateColumn,
                                     ContainerListDelegate::stateColumnWidth(view.fontMetrics()));
        view.setSortingEnabled(true);
        view.sortByColumn(ContainerListModel::NameColumn, Qt::AscendingOrder);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.viewport()->grab().toImage();
        QVERIFY(view.viewport()->findChildren<QWidget*>().isEmpty());
        // Row 0 is box000, running: its dot is green.
        const QRect stateCell = view.visualRect(proxy.index(0, ContainerListModel::StateColumn));
        const QColor green = berth::gui::toneColor(StateTone::Running, view.palette());
        QVERIFY2(pixelsNear(image, stateCell, green) > 4, "no running dot drawn");
        const QRect stoppedCell = view.visualRect(proxy.index(1, ContainerListModel::StateColumn));
        QCOMPARE(pixelsNear(image, stoppedCell, green), 0);
        // Uniform rows, tall enough for the bar under the figures.
        QCOMPARE(view.visualRect(proxy.index(0, 0)).height(), view.visualRect(proxy.index(499, 0)).height());
        QVERIFY(view.visualRect(proxy.index(0, 0)).height() >= view.fontMetrics().height() + 4);
        proxy.setFilterText(QStringLiteral("box49"));
        QCOMPARE(proxy.rowCount(), 10);
        view.sortByColumn(ContainerListModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("box499"));
    }
};

QTEST_MAIN(TestContainerListView)
#include "test_container_list_view.moc"
