// The main window's layout (issue #19): an empty install shows what Berth
// does and one first step; the Help menu; every action reachable by
// keyboard; a window that fits 1024×700 (and 2560×1440 at 2× scale) in
// English, German and Chinese, every tab included; the splitter between
// list and details remembered.
#include "container_list_model.h"
#include "fake_container_source.h"
#include "help_menu.h"
#include "main_window.h"
#include "bridge_wizard.h"
#include "networks_window.h"
#include "new_container_wizard.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTranslator>
#include <QTreeView>
#include <QtTest>

using berth::gui::MainWindow;
using berth::test::FakeContainerSource;

namespace {

// A letter after a single '&': Alt+letter reaches it.
bool hasMnemonic(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return true;
            ++i;
        }
    }
    return false;
}

// Every action under `menu`, submenus included.
QList<QAction*> menuActions(const QMenu* menu)
{
    QList<QAction*> out;
    for (QAction* action : menu->actions()) {
        if (action->isSeparator())
            continue;
        out << action;
        if (action->menu())
            out << menuActions(action->menu());
    }
    return out;
}

QList<QAction*> allMenuActions(const MainWindow& window)
{
    QList<QAction*> out;
    for (QAction* top : window.menuBar()->actions()) {
        out << top;
        if (top->menu())
            out << menuActions(top->menu());
    }
    return out;
}

} // namespace

class TestMainWindowLayout : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakeContainerSource> m_source;

    std::unique_ptr<MainWindow> openWith(const QString& fixture)
    {
        m_source = std::make_unique<FakeContainerSource>();
        if (!fixture.isEmpty())
            m_source->load(QStringLiteral(BERTH_GUI_FIXTURES "/") + fixture);
        auto window = std::make_unique<MainWindow>(*m_source);
        window->show();
        return window;
    }

private Q_SLOTS:
    void init() { QSettings().clear(); }

    void emptyInstallWelcomes()
    {
        auto window = openWith({});
        QTRY_VERIFY(window->showsWelcome());
        window->resize(1024, 700);
        QTest::qWait(50); // laid out at that size
        // Kept for people (and CI artifacts) to look at; not compared.
        window->grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/main_window_welcome.png"));
        const auto* text = window->findChild<QLabel*>(QStringLiteral("welcomeText"));
        QVERIFY(text && text->isVisible());
        auto* create = window->findChild<QPushButton*>(QStringLiteral("createFirstButton"));
        QVERIFY(create && create->isVisible());
        create->click();
        auto* wizard = window->findChild<berth::gui::NewContainerWizard*>();
        QVERIFY(wizard && wizard->isVisible());
        wizard->close();
        // The first container arrives: the list replaces the welcome.
        m_source->containers.insert(QStringLiteral("web"),
                                    FakeContainerSource::info(QStringLiteral("web"), berth::model::RunState::Stopped));
        Q_EMIT m_source->containerAdded(QStringLiteral("web"));
        QTRY_VERIFY(!window->showsWelcome());
        QVERIFY(window->view()->isVisible());
        // ... and the last one gone, the welcome is back.
        m_source->containers.clear();
        Q_EMIT m_source->containerRemoved(QStringLiteral("web"));
        QTRY_VERIFY(window->showsWelcome());
    }

    void listShownWhenThereAreContainers()
    {
        auto window = openWith(QStringLiteral("three_containers.json"));
        QTRY_COMPARE(window->model().rowCount(), 3);
        QVERIFY(!window->showsWelcome());
        QVERIFY(window->view()->isVisible());
        QTRY_VERIFY(m_source->statsCalls >= 2);
        window->model().pollStats();
        QTRY_VERIFY(m_source->statsAnswered >= 2);
        QVERIFY(window->selectContainer(QStringLiteral("web")));
        window->resize(1024, 700);
        QTest::qWait(50); // laid out at that size
        window->grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/main_window_list.png"));
    }

    void helpMenu()
    {
        auto window = openWith(QStringLiteral("three_containers.json"));
        QVERIFY(window->helpMenu());
        QStringList texts;
        for (QAction* action : window->helpMenu()->actions())
            texts << action->text();
        QCOMPARE(texts, (QStringList{QStringLiteral("Berth &Manual"), QStringLiteral("&Keyboard Shortcuts"), QString(),
                                     QStringLiteral("&About Berth"), QStringLiteral("About &Qt")}));
        QVERIFY(berth::gui::manualText().startsWith(QLatin1String("# Berth Manual")));
        const auto rows = berth::gui::shortcutRows(*window);
        auto has = [&rows](const QString& what, const QKeySequence& keys) {
            return std::any_of(rows.begin(), rows.end(), [&](const berth::gui::ShortcutRow& row) {
                return row.what == what && row.keys == keys.toString(QKeySequence::NativeText);
            });
        };
        QVERIFY(has(QStringLiteral("New"), QKeySequence::New));
        QVERIFY(has(QStringLiteral("Destroy"), QKeySequence::Delete));
        QVERIFY(has(QStringLiteral("Filter the list"), QKeySequence::Find));
        QVERIFY(has(QStringLiteral("Switch between list and details"), QKeySequence(Qt::Key_F6)));
        QVERIFY(has(QStringLiteral("Berth Manual"), QKeySequence::HelpContents));
    }

    // Every action is in a menu and has a shortcut or a menu letter.
    void everyActionByKeyboard()
    {
        auto window = openWith(QStringLiteral("three_containers.json"));
        const QList<QAction*> inMenus = allMenuActions(*window);
        for (QAction* action : inMenus)
            QVERIFY2(!action->shortcut().isEmpty() || hasMnemonic(action->text()), qPrintable(action->text()));
        for (int which = int(MainWindow::Action::New); which <= int(MainWindow::Action::Destroy); ++which) {
            QAction* action = window->action(MainWindow::Action(which));
            QVERIFY2(inMenus.contains(action), qPrintable(action->text()));
        }
        // The details tabs have letters too.
        auto* tabs = window->findChild<QTabWidget*>();
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY2(hasMnemonic(tabs->tabText(i)), qPrintable(tabs->tabText(i)));
    }

    // F6 moves between the list and the details; Tab goes filter → list → details.
    void panesByKeyboard()
    {
        auto window = openWith(QStringLiteral("three_containers.json"));
        QTRY_COMPARE(window->model().rowCount(), 3);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->view()->setFocus();
        auto* switchPane = window->findChild<QAction*>(QStringLiteral("switchPaneAction"));
        QVERIFY(switchPane);
        switchPane->trigger();
        auto* tabs = window->findChild<QTabWidget*>();
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(tabs->tabBar()));
        switchPane->trigger();
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(window->view()));
        QTest::keyClick(window->view(), Qt::Key_Tab);
        QVERIFY2(tabs->isAncestorOf(QApplication::focusWidget()),
                 QApplication::focusWidget()->metaObject()->className());
    }

    void fitsTheScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString();
        QTest::newRow("German") << QStringLiteral("de");
        QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    }

    // At 1024×700, and at 2× scale on 2560×1440 (1280×720 logical), with
    // every tab shown in turn.
    void fitsTheScreen()
    {
        QFETCH(QString, language);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral(":/i18n/berth_") + language));
            QCoreApplication::installTranslator(&translator);
        }
        auto window = openWith(QStringLiteral("three_containers.json"));
        QTRY_COMPARE(window->model().rowCount(), 3);
        QVERIFY(window->selectContainer(QStringLiteral("web")));
        for (int tab = int(MainWindow::Tab::Overview); tab <= int(MainWindow::Tab::Config); ++tab) {
            window->showTab(MainWindow::Tab(tab));
            QApplication::processEvents();
            const QSize minimum = window->minimumSizeHint().expandedTo(window->minimumSize());
            QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 700,
                     qPrintable(QStringLiteral("tab %1: %2×%3").arg(tab).arg(minimum.width()).arg(minimum.height())));
        }
        window->showTab(MainWindow::Tab::Overview);
        window->resize(1024, 700);
        QTest::qWait(50);
        window->grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/main_window_%1.png")
                                .arg(language.isEmpty() ? QStringLiteral("en") : language));
        QCoreApplication::removeTranslator(&translator);
    }

    // A template (or name) that arrives after the list gets the width it needs.
    void columnsGrowForLateDetails()
    {
        auto window = openWith(QStringLiteral("three_containers.json"));
        QTRY_COMPARE(window->model().rowCount(), 3);
        const QString longer = QStringLiteral("debian-bookworm-with-a-long-name");
        m_source->containers[QStringLiteral("web")].templateName = longer;
        window->model().refresh(QStringLiteral("web"));
        const int needed = window->view()->fontMetrics().horizontalAdvance(longer);
        QTRY_VERIFY(window->view()->header()->sectionSize(berth::gui::ContainerListModel::TemplateColumn) > needed);
    }

    // No bridge: the Networks window says what a bridge is and offers one.
    void networksWindowWithoutBridges()
    {
        auto window = openWith(QStringLiteral("three_containers.json"));
        m_source->bridgeList.clear();
        berth::gui::NetworksWindow* networks = window->openNetworksWindow();
        QTRY_VERIFY(networks->showsEmptyState());
        const auto* text = networks->findChild<QLabel*>(QStringLiteral("noBridgesText"));
        QVERIFY(text && text->isVisible() && text->text().contains(QLatin1String("private network")));
        auto* create = networks->findChild<QPushButton*>(QStringLiteral("firstBridgeButton"));
        QVERIFY(create && create->isVisible());
        create->click();
        auto* wizard = networks->findChild<berth::gui::BridgeWizard*>();
        QVERIFY(wizard && wizard->isVisible());
        wizard->close();
        berth::client::Bridge bridge;
        bridge.name = QStringLiteral("berthbr0");
        bridge.address = QStringLiteral("10.0.3.1/24");
        m_source->bridgeList << bridge;
        networks->refresh();
        QTRY_VERIFY(!networks->showsEmptyState());
        QVERIFY(networks->bridgeList()->isVisible());
        networks->close();
    }

    // The user's split stays for the next start.
    void splitterRemembered()
    {
        QList<int> sizes;
        {
            auto window = openWith(QStringLiteral("three_containers.json"));
            QTRY_COMPARE(window->model().rowCount(), 3);
            QSplitter* splitter = window->splitter();
            const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
            splitter->setSizes({total / 4, total - total / 4});
            sizes = splitter->sizes();
            // What a drag of the handle reports.
            Q_EMIT splitter->splitterMoved(sizes.value(0), 1);
        }
        auto window = openWith(QStringLiteral("three_containers.json"));
        QCOMPARE(window->splitter()->sizes(), sizes);
    }
};

QTEST_MAIN(TestMainWindowLayout)
#include "test_main_window_layout.moc"
