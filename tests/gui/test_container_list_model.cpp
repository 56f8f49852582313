// ContainerListModel and its sort/filter proxy against recorded replies:
// rows and cells, sorting, filtering, updates from the helper's signals,
// and one statistics call per tick whatever the number of containers.
#include "container_filter_model.h"
#include "container_list_model.h"
#include "fake_container_source.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QtTest>

using berth::gui::ContainerFilterModel;
using berth::gui::ContainerListModel;
using berth::test::FakeContainerSource;

namespace {

QString cell(const ContainerListModel& model, const QString& name, int column, int role = Qt::DisplayRole)
{
    const int row = model.rowOf(name);
    return row < 0 ? QStringLiteral("<no row>") : model.index(row, column).data(role).toString();
}

QStringList names(const QAbstractItemModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, ContainerListModel::NameColumn).data().toString();
    return out;
}

} // namespace

class TestContainerListModel : public QObject {
    Q_OBJECT
private:
    // The fixture loaded, the list and each container read, two stats samples applied.
    void loadFixture(FakeContainerSource& source, ContainerListModel& model)
    {
        QVERIFY(source.load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json")));
        model.reload();
        QTRY_COMPARE(model.rowCount(), 3);
        QTRY_COMPARE(cell(model, QStringLiteral("web"), ContainerListModel::AddressColumn),
                     QStringLiteral("10.0.3.12/24"));
        for (int sample = 1; sample <= 2; ++sample) {
            model.pollStats();
            QCOMPARE(source.statsCalls, sample);
            QTRY_COMPARE(source.statsAnswered, sample);
        }
    }

private Q_SLOTS:
    void columns_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");
        using M = ContainerListModel;
        QTest::newRow("name") << "web" << int(M::NameColumn) << "web";
        QTest::newRow("state running") << "web" << int(M::StateColumn) << "Running";
        QTest::newRow("state frozen") << "db" << int(M::StateColumn) << "Frozen";
        QTest::newRow("state failed (exit code 3)") << "app" << int(M::StateColumn) << "Failed";
        QTest::newRow("address") << "web" << int(M::AddressColumn) << "10.0.3.12/24";
        QTest::newRow("no address") << "app" << int(M::AddressColumn) << "";
        QTest::newRow("memory with limit") << "web" << int(M::MemoryColumn) << "64 MiB / 256 MiB";
        QTest::newRow("memory without limit") << "db" << int(M::MemoryColumn) << "1 GiB";
        QTest::newRow("memory stopped") << "app" << int(M::MemoryColumn) << "";
        QTest::newRow("cpu busy") << "web" << int(M::CpuColumn) << "50.0 %";
        QTest::newRow("cpu idle") << "db" << int(M::CpuColumn) << "0.0 %";
        QTest::newRow("cpu stopped") << "app" << int(M::CpuColumn) << "";
        QTest::newRow("template") << "app" << int(M::TemplateColumn) << "busybox";
    }

    void columns()
    {
        QFETCH(QString, name);
        QFETCH(int, column);
        QFETCH(QString, expected);
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        QCOMPARE(model.columnCount(), int(ContainerListModel::ColumnCount));
        QCOMPARE(cell(model, name, column), expected);
    }

    void readsListOnceAndEachContainerOnce()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        QCOMPARE(source.listCalls, 1);
        QCOMPARE(source.containerCalls, 3);
    }

    void iconsAndCheckState()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        for (const auto& name : {QStringLiteral("web"), QStringLiteral("app"), QStringLiteral("db")}) {
            const QModelIndex state = model.index(model.rowOf(name), ContainerListModel::StateColumn);
            QVERIFY2(!state.data(Qt::DecorationRole).value<QIcon>().isNull(), qPrintable(name));
        }
        QCOMPARE(model.index(model.rowOf(QStringLiteral("web")), ContainerListModel::AutostartColumn)
                     .data(Qt::CheckStateRole)
                     .toInt(),
                 int(Qt::Checked));
        QCOMPARE(model.index(model.rowOf(QStringLiteral("app")), ContainerListModel::AutostartColumn)
                     .data(Qt::CheckStateRole)
                     .toInt(),
                 int(Qt::Unchecked));
    }

    // A privileged container (no user namespace) has a badge by its name, with a tooltip.
    void privilegedBadge()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        const QModelIndex app = model.index(model.rowOf(QStringLiteral("app")), ContainerListModel::NameColumn);
        QVERIFY(!app.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY2(app.data(Qt::ToolTipRole).toString().contains(QLatin1String("root on this computer")),
                 qPrintable(app.data(Qt::ToolTipRole).toString()));
        for (const auto& name : {QStringLiteral("web"), QStringLiteral("db")}) {
            const QModelIndex index = model.index(model.rowOf(name), ContainerListModel::NameColumn);
            QVERIFY2(!index.data(Qt::DecorationRole).isValid(), qPrintable(name));
            QVERIFY2(!index.data(Qt::ToolTipRole).isValid(), qPrintable(name));
        }
    }

    void sorting_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QStringList>("expected");
        using M = ContainerListModel;
        QTest::newRow("name") << int(M::NameColumn) << false << QStringList{"app", "db", "web"};
        QTest::newRow("name descending") << int(M::NameColumn) << true << QStringList{"web", "db", "app"};
        QTest::newRow("state") << int(M::StateColumn) << false << QStringList{"db", "web", "app"};
        // By bytes, not by text ("1 GiB" < "64 MiB" as text).
        QTest::newRow("memory") << int(M::MemoryColumn) << false << QStringList{"app", "web", "db"};
        QTest::newRow("memory descending") << int(M::MemoryColumn) << true << QStringList{"db", "web", "app"};
        QTest::newRow("cpu") << int(M::CpuColumn) << false << QStringList{"app", "db", "web"};
        QTest::newRow("template") << int(M::TemplateColumn) << false << QStringList{"app", "web", "db"};
        QTest::newRow("autostart descending") << int(M::AutostartColumn) << true << QStringList{"web", "app", "db"};
    }

    void sorting()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        QFETCH(QStringList, expected);
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        ContainerFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QCOMPARE(names(proxy), expected);
    }

    void filtering_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << "" << QStringList{"app", "db", "web"};
        QTest::newRow("name") << "WE" << QStringList{"web"};
        QTest::newRow("state") << "frozen" << QStringList{"db"};
        QTest::newRow("address") << "10.0.3." << QStringList{"db", "web"};
        QTest::newRow("template") << "busy" << QStringList{"app"};
        // Figures are not filtered on: "MiB" is in web's memory cell.
        QTest::newRow("figures") << "MiB" << QStringList{};
    }

    void filtering()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        ContainerFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(ContainerListModel::NameColumn);
        proxy.setFilterText(text);
        QCOMPARE(names(proxy), expected);
    }

    void followsSignals()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);

        source.containers.insert(QStringLiteral("new"),
                                 FakeContainerSource::info(QStringLiteral("new"), berth::model::RunState::Stopped));
        Q_EMIT source.containerAdded(QStringLiteral("new"));
        QTRY_COMPARE(model.rowCount(), 4);
        QCOMPARE(cell(model, QStringLiteral("new"), ContainerListModel::StateColumn), QStringLiteral("Stopped"));

        // The signal's state shows at once; the details follow from GetContainer.
        source.containers[QStringLiteral("app")].state = berth::model::RunState::Running;
        source.containers[QStringLiteral("app")].pid = 77;
        Q_EMIT source.stateChanged(QStringLiteral("app"), QStringLiteral("running"));
        QCOMPARE(cell(model, QStringLiteral("app"), ContainerListModel::StateColumn), QStringLiteral("Running"));
        QTRY_COMPARE(model.row(model.rowOf(QStringLiteral("app"))).info.pid, 77);

        // A container that stops loses its figures.
        Q_EMIT source.stateChanged(QStringLiteral("web"), QStringLiteral("stopped"));
        QCOMPARE(cell(model, QStringLiteral("web"), ContainerListModel::CpuColumn), QString());

        source.containers.remove(QStringLiteral("db"));
        Q_EMIT source.containerRemoved(QStringLiteral("db"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("db")), -1);
    }

    // A read answered late (the state before a stop finished) must not undo
    // what a later read or StateChanged said.
    void olderAnswerDoesNotUndoNewer()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        const QString web = QStringLiteral("web");
        source.holdContainerAnswers = true;
        source.containers[web].state = berth::model::RunState::Stopping;
        Q_EMIT source.stateChanged(web, QStringLiteral("stopping"));
        source.containers[web].state = berth::model::RunState::Stopped;
        Q_EMIT source.stateChanged(web, QStringLiteral("stopped"));
        QCOMPARE(source.heldContainerAnswers.size(), 2);
        source.heldContainerAnswers.takeLast()(); // the newer read answers first
        source.heldContainerAnswers.takeLast()(); // then the older one
        QCOMPARE(model.row(model.rowOf(web)).info.state, berth::model::RunState::Stopped);
        QCOMPARE(cell(model, web, ContainerListModel::StateColumn), QStringLiteral("Stopped"));
    }

    // A state word this GUI does not know (a newer helper's, or "unknown"
    // when the helper cannot read it) shows as received, never as stopped:
    // no actions, no figures, and the row stays while GetContainer refuses.
    void unknownStateShownAsReceived()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        source.containerError = berth::client::ClientError{
            berth::client::ErrorKind::BadReply, QString(),
            QStringLiteral("GetContainer: field 'state' is 'paused', not a container state")};
        const int calls = source.containerCalls;
        Q_EMIT source.stateChanged(QStringLiteral("web"), QStringLiteral("paused"));
        QCOMPARE(cell(model, QStringLiteral("web"), ContainerListModel::StateColumn), QStringLiteral("paused"));
        QVERIFY(!model.row(model.rowOf(QStringLiteral("web"))).state());
        QCOMPARE(cell(model, QStringLiteral("web"), ContainerListModel::CpuColumn), QString());
        QCOMPARE(source.containerCalls, calls + 1);
        QCoreApplication::processEvents(); // the refusal arrives
        QCOMPARE(cell(model, QStringLiteral("web"), ContainerListModel::StateColumn), QStringLiteral("paused"));

        source.containerError.reset();
        Q_EMIT source.stateChanged(QStringLiteral("web"), QStringLiteral("frozen"));
        QCOMPARE(cell(model, QStringLiteral("web"), ContainerListModel::StateColumn), QStringLiteral("Frozen"));
        QVERIFY(model.row(model.rowOf(QStringLiteral("web"))).state() == berth::model::RunState::Frozen);
    }

    void refreshOfVanishedContainerRemovesIt()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        source.containers.remove(QStringLiteral("app"));
        model.refresh(QStringLiteral("app"));
        QTRY_COMPARE(model.rowCount(), 2);
    }

    void reloadDropsAndAddsRows()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        source.containers.remove(QStringLiteral("web"));
        source.containers.insert(QStringLiteral("other"),
                                 FakeContainerSource::info(QStringLiteral("other"), berth::model::RunState::Running));
        model.reload();
        QTRY_COMPARE(model.rowOf(QStringLiteral("other")) >= 0, true);
        QCOMPARE(model.rowOf(QStringLiteral("web")), -1);
        QCOMPARE(model.rowCount(), 3);
    }

    // Issue #20: a helper killed mid-stop sent "stopping" and no more; the
    // next helper knows the state in force. The list is read again when
    // another helper takes over, not only for rows whose figures vanish.
    void anotherHelperIsReadAgain()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        loadFixture(source, model);
        source.containers[QStringLiteral("web")].state = berth::model::RunState::Stopping;
        Q_EMIT source.stateChanged(QStringLiteral("web"), QStringLiteral("stopping"));
        QTRY_COMPARE(cell(model, QStringLiteral("web"), ContainerListModel::StateColumn), QStringLiteral("Stopping"));
        // The helper is killed; the stop was abandoned: running after all.
        source.containers[QStringLiteral("web")].state = berth::model::RunState::Running;
        source.containers.insert(QStringLiteral("other"),
                                 FakeContainerSource::info(QStringLiteral("other"), berth::model::RunState::Stopped));
        Q_EMIT source.helperReplaced();
        QTRY_COMPARE(cell(model, QStringLiteral("web"), ContainerListModel::StateColumn), QStringLiteral("Running"));
        QTRY_VERIFY(model.rowOf(QStringLiteral("other")) >= 0);
    }

    // Kill, or an init that exits by itself, sends no StateChanged. Only
    // running and frozen containers are expected in the statistics.
    void containerMissingFromStatsIsReadAgain_data()
    {
        QTest::addColumn<bool>("hadStats");
        QTest::newRow("had figures") << true;
        QTest::newRow("gone before the first tick") << false;
    }

    void containerMissingFromStatsIsReadAgain()
    {
        QFETCH(bool, hadStats);
        FakeContainerSource source;
        ContainerListModel model(source);
        if (hadStats) {
            loadFixture(source, model);
        } else {
            QVERIFY(source.load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json")));
            model.reload();
            QTRY_COMPARE(cell(model, QStringLiteral("web"), ContainerListModel::TemplateColumn),
                         QStringLiteral("debian"));
        }
        QCOMPARE(source.containerCalls, 3);
        source.containers[QStringLiteral("web")].state = berth::model::RunState::Stopped;
        source.statsSamples = {{source.statsSamples.last().at(0)}}; // db only
        QCOMPARE(source.statsSamples.last().at(0).name, QStringLiteral("db"));
        const int answered = source.statsAnswered;
        model.pollStats();
        QTRY_COMPARE(cell(model, QStringLiteral("web"), ContainerListModel::StateColumn), QStringLiteral("Stopped"));
        QCOMPARE(source.containerCalls, 4);
        // Once the list agrees, the next tick asks nothing more.
        model.pollStats();
        QTRY_COMPARE(source.statsAnswered, answered + 2);
        QCOMPARE(source.containerCalls, 4);
    }

    // Issue #19: a container that just started gets its address by DHCP a
    // little later; the list asks again each tick until it shows, then stops.
    void addressArrivingAfterTheStartIsShown()
    {
        FakeContainerSource source;
        auto info = FakeContainerSource::info(QStringLiteral("deb"), berth::model::RunState::Running);
        info.interfaces.push_back(berth::model::NetInterface{.index = 0, .type = "veth", .link = "br1"});
        info.startedAt = QDateTime::currentSecsSinceEpoch();
        source.containers.insert(info.name, info);
        berth::client::ContainerStats stats;
        stats.name = info.name;
        source.statsSamples = {{stats}};
        ContainerListModel model(source);
        model.reload();
        QTRY_COMPARE(source.containerCalls, 1);
        model.pollStats();
        QTRY_COMPARE(source.containerCalls, 2); // no address yet: asked again
        source.containers[info.name].addresses = QStringList{QStringLiteral("10.0.9.57/24")};
        model.pollStats();
        QTRY_COMPARE(cell(model, info.name, ContainerListModel::AddressColumn), QStringLiteral("10.0.9.57/24"));
        const int calls = source.containerCalls;
        const int answered = source.statsAnswered;
        model.pollStats();
        QTRY_VERIFY(source.statsAnswered > answered);
        QCOMPARE(source.containerCalls, calls); // it has one now
    }

    void oneStatsCallPerTick_data()
    {
        QTest::addColumn<int>("containers");
        QTest::newRow("1") << 1;
        QTest::newRow("50") << 50;
        QTest::newRow("500") << 500;
    }

    void oneStatsCallPerTick()
    {
        QFETCH(int, containers);
        FakeContainerSource source;
        QList<berth::client::ContainerStats> sample;
        for (int i = 0; i < containers; ++i) {
            const QString name = QStringLiteral("c%1").arg(i);
            source.containers.insert(name, FakeContainerSource::info(name, berth::model::RunState::Running));
            berth::client::ContainerStats stats;
            stats.name = name;
            stats.memoryCurrent = quint64(i) << 20;
            sample << stats;
        }
        source.statsSamples = {sample};
        ContainerListModel model(source);
        model.reload();
        QTRY_COMPARE(model.rowCount(), containers);
        QCOMPARE(source.containerCalls, containers);
        for (int tick = 1; tick <= 3; ++tick) {
            model.pollStats();
            model.pollStats(); // the previous answer is not in yet: no second call
            QCOMPARE(source.statsCalls, tick);
            QTRY_COMPARE(source.statsAnswered, tick);
        }
        QCOMPARE(source.listCalls, 1);
        QCOMPARE(source.containerCalls, containers);
    }

    void timerDrivesStats()
    {
        FakeContainerSource source;
        ContainerListModel model(source);
        QCOMPARE(model.statsInterval(), ContainerListModel::kDefaultStatsIntervalMs);
        QVERIFY(source.load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json")));
        model.setStatsInterval(1);
        QCOMPARE(source.statsCalls, 0); // nothing before the list is in
        model.reload();
        QTRY_VERIFY(source.statsCalls >= 3);
        QCOMPARE(source.listCalls, 1);
        QCOMPARE(source.containerCalls, 3);
    }

    void unreachableHelper()
    {
        FakeContainerSource source;
        source.listError = berth::client::clientError(QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown"),
                                                      QStringLiteral("no berth-helper"));
        ContainerListModel model(source);
        model.setStatsInterval(1);
        QSignalSpy failed(&model, &ContainerListModel::loadFailed);
        model.reload();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<berth::client::ClientError>().kind, berth::client::ErrorKind::NoHelper);
        QTest::qWait(20);
        QCOMPARE(source.statsCalls, 0); // no polling without a helper
    }
};

QTEST_MAIN(TestContainerListModel)
#include "test_container_list_model.moc"
