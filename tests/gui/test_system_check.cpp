// The system check page against recorded items: grouped as the helper
// groups them, icons by status, the explanation of the selected item, and
// whether something essential is missing.
#include "fake_container_source.h"
#include "system_check_dialog.h"
#include "system_check_page.h"

#include <QLabel>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using berth::client::CheckItem;
using berth::gui::SystemCheckPage;
using berth::test::FakeContainerSource;

namespace {

CheckItem item(const QString& group, const QString& id, const QString& status)
{
    return CheckItem{group,
                     id,
                     id + QStringLiteral(" title"),
                     status,
                     id + QStringLiteral(" detail"),
                     id + QStringLiteral(" explanation")};
}

QList<CheckItem> hostItems(const QString& memoryStatus, const QString& userStatus)
{
    const QString ns = QStringLiteral("Namespaces");
    const QString cgroup = QStringLiteral("Control groups");
    const QString tools = QStringLiteral("Tools");
    return {item(ns, QStringLiteral("ns.pid"), QStringLiteral("ok")), item(ns, QStringLiteral("ns.user"), userStatus),
            item(cgroup, QStringLiteral("cgroup.memory"), memoryStatus),
            item(cgroup, QStringLiteral("cgroup.swap"), QStringLiteral("limited")),
            item(tools, QStringLiteral("tool.dnsmasq"), QStringLiteral("missing"))};
}

// A source whose SystemCheck is refused.
class RefusingSource : public FakeContainerSource {
public:
    void systemCheck(QObject* context, berth::gui::Callback<QList<CheckItem>> done) override
    {
        const auto error = berth::client::clientError(QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown"),
                                                      QStringLiteral("no helper"));
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done), error] { done(berth::client::Result<QList<CheckItem>>(std::unexpect, error)); },
            Qt::QueuedConnection);
    }
};

} // namespace

class TestSystemCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void groupsItems()
    {
        FakeContainerSource source;
        source.checkItems = hostItems(QStringLiteral("ok"), QStringLiteral("ok"));
        SystemCheckPage page(source);
        QSignalSpy checked(&page, &SystemCheckPage::checked);
        QVERIFY(checked.wait());
        QTreeWidget* tree = page.tree();
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Namespaces"));
        QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("Control groups"));
        QCOMPARE(tree->topLevelItem(1)->childCount(), 2);
        QCOMPARE(tree->topLevelItem(2)->childCount(), 1);
        const QTreeWidgetItem* memory = tree->topLevelItem(1)->child(0);
        QCOMPARE(memory->text(SystemCheckPage::TitleColumn), QStringLiteral("cgroup.memory title"));
        QCOMPARE(memory->text(SystemCheckPage::DetailColumn), QStringLiteral("cgroup.memory detail"));
        // Elided in a narrow column, whole in the tooltip.
        QCOMPARE(memory->toolTip(SystemCheckPage::DetailColumn), QStringLiteral("cgroup.memory detail"));
        QVERIFY(!memory->icon(SystemCheckPage::TitleColumn).isNull());
    }

    void iconsDifferByStatus()
    {
        const auto key = [](const QString& status) { return SystemCheckPage::statusIcon(status).cacheKey(); };
        QVERIFY(!SystemCheckPage::statusIcon(QStringLiteral("ok")).isNull());
        QVERIFY(key(QStringLiteral("ok")) != key(QStringLiteral("missing")));
        QVERIFY(key(QStringLiteral("ok")) != key(QStringLiteral("limited")));
        QVERIFY(key(QStringLiteral("limited")) != key(QStringLiteral("missing")));
    }

    void showsExplanationOfSelected()
    {
        FakeContainerSource source;
        source.checkItems = hostItems(QStringLiteral("ok"), QStringLiteral("ok"));
        SystemCheckPage page(source);
        QSignalSpy checked(&page, &SystemCheckPage::checked);
        QVERIFY(checked.wait());
        page.tree()->setCurrentItem(page.tree()->topLevelItem(0)->child(1));
        QVERIFY(page.explanation()->toPlainText().contains(QStringLiteral("ns.user explanation")));
        page.tree()->setCurrentItem(page.tree()->topLevelItem(0));
        QVERIFY(page.explanation()->toPlainText().isEmpty());
    }

    void essentialMissing_data()
    {
        QTest::addColumn<QString>("memory");
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("essentialMissing");
        QTest::newRow("all there") << "ok"
                                   << "ok" << false;
        QTest::newRow("memory controller missing") << "missing"
                                                   << "ok" << true;
        QTest::newRow("memory controller limited") << "limited"
                                                   << "ok" << false;
        QTest::newRow("user namespace missing") << "ok"
                                                << "missing" << false;
    }
    void essentialMissing()
    {
        QFETCH(QString, memory);
        QFETCH(QString, user);
        QFETCH(bool, essentialMissing);
        FakeContainerSource source;
        source.checkItems = hostItems(memory, user);
        SystemCheckPage page(source);
        QVERIFY(!page.hasEssentialMissing()); // nothing known yet
        QSignalSpy checked(&page, &SystemCheckPage::checked);
        QVERIFY(checked.wait());
        QCOMPARE(page.hasEssentialMissing(), essentialMissing);
    }

    void refusalShownInPlainWords()
    {
        RefusingSource source;
        SystemCheckPage page(source);
        const QString checking = page.message()->text();
        QTRY_VERIFY(page.message()->text() != checking);
        QVERIFY(page.message()->text().contains(QStringLiteral("helper")));
        QCOMPARE(page.tree()->topLevelItemCount(), 0);
        QVERIFY(!page.hasEssentialMissing());
    }

    void refreshReadsAgain()
    {
        FakeContainerSource source;
        source.checkItems = hostItems(QStringLiteral("missing"), QStringLiteral("ok"));
        berth::gui::SystemCheckDialog dialog(source);
        SystemCheckPage* page = dialog.page();
        QSignalSpy checked(page, &SystemCheckPage::checked);
        QVERIFY(checked.wait());
        QVERIFY(page->hasEssentialMissing());
        source.checkItems = hostItems(QStringLiteral("ok"), QStringLiteral("ok"));
        page->refresh();
        QVERIFY(checked.wait());
        QVERIFY(!page->hasEssentialMissing());
        QCOMPARE(page->tree()->topLevelItem(1)->childCount(), 2); // replaced, not added
    }
};

QTEST_MAIN(TestSystemCheck)
#include "test_system_check.moc"
