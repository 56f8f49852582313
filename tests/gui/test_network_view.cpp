// The network view: one item per bridge and per attached container, laid
// out the same every time; clicking a container emits containerActivated;
// refresh() draws what the source answers, again every few seconds while
// shown; real addresses, reservations and links; the accessible text.
#include "fake_container_source.h"
#include "network_view.h"

#include <QAccessible>
#include <QGraphicsItem>
#include <QSignalSpy>
#include <QtTest>

using berth::gui::NetworkView;
using berth::test::FakeContainerSource;

class TestNetworkView : public QObject {
    Q_OBJECT
private:
    FakeContainerSource m_source;

    void fill(NetworkView& view)
    {
        view.setData(m_source.bridgeList, m_source.containers.values(),
                     {{QStringLiteral("web"), {QStringLiteral("tcp:8080:80")}}});
    }

    static QStringList textsOf(const QGraphicsItem* item)
    {
        QStringList texts;
        for (QGraphicsItem* child : item ? item->childItems() : QList<QGraphicsItem*>{})
            texts << static_cast<QGraphicsSimpleTextItem*>(child)->text();
        return texts;
    }

private Q_SLOTS:
    void init()
    {
        m_source.containers.clear();
        m_source.bridgeList.clear();
        QVERIFY(m_source.load(QStringLiteral(BERTH_GUI_FIXTURES "/network.json")));
        m_source.forwardLists = {{QStringLiteral("web"), {QStringLiteral("tcp:8080:80")}}};
    }

    void oneItemPerBridgeAndAttachedContainer()
    {
        NetworkView view(m_source);
        fill(view);
        QCOMPARE(view.bridgeCount(), 3);
        QCOMPARE(view.containerCount(), 3); // 'loner' is on no bridge
        QVERIFY(!view.containerItem(QStringLiteral("loner")));
        for (const char* name : {"web", "db", "cache"})
            QVERIFY(view.containerItem(QLatin1String(name)));
    }

    void layoutIsDeterministic_data()
    {
        QTest::addColumn<QString>("bridge");
        QTest::addColumn<int>("column");
        QTest::newRow("first") << "lxcbr0" << 0;
        QTest::newRow("second") << "lab0" << 1;
        QTest::newRow("third, empty") << "empty0" << 2;
    }
    void layoutIsDeterministic()
    {
        QFETCH(QString, bridge);
        QFETCH(int, column);
        NetworkView view(m_source);
        fill(view);
        const QRectF box = view.bridgeItem(bridge)->sceneBoundingRect();
        QCOMPARE(box.top() + 0.5, 0.0); // the pen's half width above
        QCOMPARE(box.left() + 0.5, column * NetworkView::kColumnWidth);
        // Containers stand under their bridge, in its order.
        const QRectF web = view.containerItem(QStringLiteral("web"))->sceneBoundingRect();
        const QRectF db = view.containerItem(QStringLiteral("db"))->sceneBoundingRect();
        QVERIFY(web.top() > NetworkView::kBridgeHeight);
        QVERIFY(db.top() > web.bottom());
        QCOMPARE(db.left(), web.left());
        QVERIFY(view.containerItem(QStringLiteral("cache"))->sceneBoundingRect().left() >= NetworkView::kColumnWidth);
        // Drawing again gives the same places.
        fill(view);
        QCOMPARE(view.containerItem(QStringLiteral("db"))->sceneBoundingRect(), db);
    }

    void containerShowsAddressAndForwards()
    {
        NetworkView view(m_source);
        fill(view);
        QStringList texts;
        for (QGraphicsItem* child : view.containerItem(QStringLiteral("web"))->childItems())
            texts << static_cast<QGraphicsSimpleTextItem*>(child)->text();
        QCOMPARE(texts.size(), 3);
        QCOMPARE(texts[0], QStringLiteral("web"));
        QCOMPARE(texts[1], QStringLiteral("10.0.3.12/24"));
        QVERIFY(texts[2].contains(QLatin1String("8080")));
    }

    void clickingContainerActivatesIt_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("web") << "web";
        QTest::newRow("db") << "db";
        QTest::newRow("cache") << "cache";
    }
    void clickingContainerActivatesIt()
    {
        QFETCH(QString, name);
        NetworkView view(m_source);
        QSignalSpy activated(&view, &NetworkView::containerActivated);
        view.resize(900, 600);
        view.show();
        fill(view);
        const QPoint at = view.mapFromScene(view.containerItem(name)->sceneBoundingRect().center());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), name);
        // A bridge is not a container.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          view.mapFromScene(view.bridgeItem(QStringLiteral("lab0"))->sceneBoundingRect().center()));
        QCOMPARE(activated.size(), 1);
    }

    // Issue #19: what a container has now (its addresses while running),
    // what is reserved for a stopped one, never the reservation as its
    // address; links drawn as they are.
    void addressesAndLinksAsTheyAre()
    {
        m_source.containers[QStringLiteral("db")].reservedAddresses = QStringList{QStringLiteral("10.0.3.30/24")};
        auto& web = m_source.containers[QStringLiteral("web")];
        web.addresses = QStringList{QStringLiteral("10.0.3.77/24")};
        web.addressInterfaces = QStringList{QStringLiteral("eth0")};
        web.reservedAddresses = QStringList{QStringLiteral("10.0.3.12/24")};
        NetworkView view(m_source);
        fill(view);
        QCOMPARE(textsOf(view.containerItem(QStringLiteral("web"))).value(1), QStringLiteral("10.0.3.77/24 on eth0"));
        QCOMPARE(textsOf(view.containerItem(QStringLiteral("db"))).mid(1),
                 (QStringList{"Stopped", "reserved 10.0.3.30/24"}));
        QVERIFY(NetworkView::isLinkUp(view.containerItem(QStringLiteral("web"))));
        QVERIFY(!NetworkView::isLinkUp(view.containerItem(QStringLiteral("db"))));
        QVERIFY(NetworkView::isLinkUp(view.bridgeItem(QStringLiteral("lxcbr0"))));
        QVERIFY(!NetworkView::isLinkUp(view.bridgeItem(QStringLiteral("empty0"))));
        QVERIFY(textsOf(view.bridgeItem(QStringLiteral("empty0"))).contains(QStringLiteral("link down")));
    }

    // Issue #19: the view has an accessible name, and a description that
    // says what the picture shows.
    void accessibleNameAndDescription()
    {
        NetworkView view(m_source);
        fill(view);
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(accessible);
        QCOMPARE(accessible->text(QAccessible::Name), QStringLiteral("Network map"));
        const QString description = accessible->text(QAccessible::Description);
        QVERIFY2(description.contains(QLatin1String("Bridge lxcbr0, up: web (10.0.3.12/24); db (Stopped)")),
                 qPrintable(description));
        QVERIFY2(description.contains(QLatin1String("Bridge empty0, down, no containers")), qPrintable(description));
    }

    // Live while shown: the source is asked again, so a container that got
    // its address shows it; hidden, it stops asking.
    void refreshesWhileShown()
    {
        NetworkView view(m_source);
        QVERIFY(!view.isRefreshing());
        view.show();
        QVERIFY(view.isRefreshing());
        view.refresh();
        QTRY_COMPARE(view.containerCount(), 3);
        m_source.containers[QStringLiteral("cache")].addresses = QStringList{QStringLiteral("10.0.4.21/24")};
        QTRY_COMPARE_WITH_TIMEOUT(textsOf(view.containerItem(QStringLiteral("cache"))).value(1),
                                  QStringLiteral("10.0.4.21/24"), 4 * NetworkView::kRefreshMs);
        view.hide();
        QVERIFY(!view.isRefreshing());
    }

    void refreshAsksSource()
    {
        NetworkView view(m_source);
        view.refresh();
        QTRY_COMPARE(view.containerCount(), 3);
        QCOMPARE(view.bridgeCount(), 3);
        QStringList texts;
        for (QGraphicsItem* child : view.containerItem(QStringLiteral("cache"))->childItems())
            texts << static_cast<QGraphicsSimpleTextItem*>(child)->text();
        QCOMPARE(texts, (QStringList{"cache", "10.0.4.20/24"}));
    }
};

QTEST_MAIN(TestNetworkView)
#include "test_network_view.moc"
