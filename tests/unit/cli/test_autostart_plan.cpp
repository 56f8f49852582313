// berthctl autostart's plan: which containers and in which order (LXC's:
// lower lxc.start.order first, equal orders by name), and the --list table.
#include "autostart_plan.h"

#include <QtTest>

#include <algorithm>
#include <climits>

using namespace berth::cli;
using berth::client::ContainerInfo;

namespace {

ContainerInfo container(const QString& name, bool autostart, int order, uint delay = 0)
{
    ContainerInfo info;
    info.name = name;
    info.state = berth::model::RunState::Stopped;
    info.autostart = autostart;
    info.startOrder = order;
    info.startDelay = delay;
    return info;
}

QStringList names(const QList<ContainerInfo>& plan)
{
    QStringList out;
    for (const auto& info : plan)
        out << info.name;
    return out;
}

} // namespace

class TestAutostartPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void order_data()
    {
        QTest::addColumn<QList<ContainerInfo>>("containers");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << QList<ContainerInfo>{} << QStringList{};
        QTest::newRow("only autostart ones")
            << QList<ContainerInfo>{container("a", false, 0), container("b", true, 0), container("c", false, -9)}
            << QStringList{"b"};
        QTest::newRow("lower order first")
            << QList<ContainerInfo>{container("web", true, 20), container("db", true, 10), container("cache", true, 30)}
            << QStringList{"db", "web", "cache"};
        QTest::newRow("negative before zero")
            << QList<ContainerInfo>{container("a", true, 0), container("b", true, -1)} << QStringList{"b", "a"};
        QTest::newRow("equal order by name")
            << QList<ContainerInfo>{container("web", true, 5), container("app2", true, 5), container("app10", true, 5)}
            << QStringList{"app10", "app2", "web"};
        QTest::newRow("order beats name")
            << QList<ContainerInfo>{container("a", true, 2), container("z", true, 1)} << QStringList{"z", "a"};
        QTest::newRow("extremes") << QList<ContainerInfo>{container("max", true, INT_MAX),
                                                          container("min", true, INT_MIN), container("mid", true, 0)}
                                  << QStringList{"min", "mid", "max"};
    }
    void order()
    {
        QFETCH(QList<ContainerInfo>, containers);
        QFETCH(QStringList, expected);
        QCOMPARE(names(autostartPlan(containers)), expected);
        // The helper's listing order does not matter.
        std::ranges::reverse(containers);
        QCOMPARE(names(autostartPlan(containers)), expected);
    }

    void startsBeforeIsStrict()
    {
        const auto a = container("a", true, 1);
        QVERIFY(!startsBefore(a, a));
        QVERIFY(startsBefore(a, container("b", true, 1)));
        QVERIFY(!startsBefore(container("b", true, 1), a));
    }

    // Waiting containers hold back none after them and keep their order.
    void nextToStart_data()
    {
        QTest::addColumn<QStringList>("upLinks");
        QTest::addColumn<QStringList>("expected"); // names in the order they would start
        QTest::newRow("nothing up") << QStringList{} << QStringList{"b", "d"};
        QTest::newRow("br0 up") << QStringList{"br0"} << QStringList{"a", "b", "c", "d"};
        QTest::newRow("eno1 only") << QStringList{"eno1"} << QStringList{"b", "d"};
        QTest::newRow("both") << QStringList{"br0", "eno1"} << QStringList{"a", "b", "c", "d", "e"};
    }
    void nextToStart()
    {
        QFETCH(QStringList, upLinks);
        QFETCH(QStringList, expected);
        auto a = container("a", true, 1);
        a.waitLinks = {QStringLiteral("br0")};
        auto c = container("c", true, 3);
        c.waitLinks = {QStringLiteral("br0")};
        auto e = container("e", true, 5);
        e.waitLinks = {QStringLiteral("br0"), QStringLiteral("eno1")};
        QList<ContainerInfo> pending{a, container("b", true, 2), c, container("d", true, 4), e};
        const auto linkUp = [&upLinks](const QString& link) { return upLinks.contains(link); };
        QStringList started;
        for (qsizetype next; (next = berth::cli::nextToStart(pending, linkUp)) >= 0;)
            started << pending.takeAt(next).name;
        QCOMPARE(started, expected);
    }

    void listTable()
    {
        auto web = container("web", true, 10, 5);
        web.waitLinks = QStringList{"br0", "eno1"};
        auto db = container("db", true, -1);
        db.state = berth::model::RunState::Running;
        QCOMPARE(autostartPlanTable(autostartPlan({web, db, container("off", false, 0)})),
                 QStringLiteral("ORDER  DELAY  NAME  STATE    WAITS FOR\n"
                                "-1     0      db    running  -\n"
                                "10     5      web   stopped  br0,eno1\n"));
    }
};

QTEST_APPLESS_MAIN(TestAutostartPlan)
#include "test_autostart_plan.moc"
