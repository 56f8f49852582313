// MainWindow against recorded replies: actions enabled by the selected
// container's state, actions reaching the helper, refusals in plain words,
// the destroy confirmation, the Overview tab and the helper-missing page.
#include "container_list_model.h"
#include "fake_container_source.h"
#include "main_window.h"
#include "network_view.h"
#include "networks_window.h"
#include "new_container_wizard.h"
#include "options_page.h"
#include "outsider.h"
#include "settings.h"
#include "task_button.h"
#include "task_list.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <csignal>

using berth::gui::ContainerListModel;
using berth::gui::MainWindow;
using berth::gui::NewContainerWizard;
using berth::test::FakeContainerSource;
using Action = MainWindow::Action;

namespace {

QString enabledActions(const MainWindow& window)
{
    const QList<std::pair<Action, const char*>> all{{Action::Start, "start"},     {Action::Stop, "stop"},
                                                    {Action::ForceStop, "force"}, {Action::Freeze, "freeze"},
                                                    {Action::Thaw, "thaw"},       {Action::Terminal, "terminal"},
                                                    {Action::Clone, "clone"},     {Action::Export, "export"},
                                                    {Action::Convert, "convert"}, {Action::Destroy, "destroy"}};
    QStringList on;
    for (const auto& [action, word] : all) {
        if (window.action(action)->isEnabled())
            on << QString::fromLatin1(word);
    }
    return on.join(QLatin1Char(' '));
}

QString field(const MainWindow& window, const char* name)
{
    const auto* label = window.findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no field %1>").arg(QString::fromLatin1(name));
}

QList<berth::client::TemplateInfo> loadTemplates()
{
    FakeContainerSource templates;
    templates.load(QStringLiteral(BERTH_GUI_FIXTURES "/templates.json"));
    return templates.templateList;
}

// The window has the job's handle and listens to its end.
bool followed(const QList<berth::test::FakeJobHandle*>& jobs)
{
    return jobs.size() == 1 && jobs.last()->isFollowed();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakeContainerSource> m_source;
    std::unique_ptr<MainWindow> m_window;

    void open(const QString& select)
    {
        m_source = std::make_unique<FakeContainerSource>();
        QVERIFY(m_source->load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json")));
        m_window = std::make_unique<MainWindow>(*m_source);
        m_window->show();
        QTRY_COMPARE(m_window->model().rowCount(), 3);
        QTRY_COMPARE(m_source->containerCalls, 3);
        QTest::qWait(0);
        if (!select.isEmpty())
            QVERIFY(m_window->selectContainer(select));
    }

    // The current tab is that tab (tall tabs sit in a scroll area).
    bool showsTab(MainWindow::Tab which) const
    {
        QWidget* current = m_window->findChild<QTabWidget*>()->currentWidget();
        QWidget* shown = m_window->tab(which);
        return current == shown || current->isAncestorOf(shown);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_window.reset();
        m_source.reset();
    }

    void actionsFollowSelectedState_data()
    {
        QTest::addColumn<QString>("select");
        QTest::addColumn<QString>("enabled");
        QTest::newRow("nothing selected") << ""
                                          << "";
        // app is privileged: it may be converted while stopped.
        QTest::newRow("stopped") << "app"
                                 << "start clone export convert destroy";
        QTest::newRow("running") << "web"
                                 << "stop force freeze terminal";
        QTest::newRow("frozen") << "db"
                                << "force thaw";
    }

    void actionsFollowSelectedState()
    {
        QFETCH(QString, select);
        QFETCH(QString, enabled);
        open(select);
        QCOMPARE(m_window->selectedName(), select);
        QCOMPARE(enabledActions(*m_window), enabled);
    }

    void actionsFollowStateChanges()
    {
        open(QStringLiteral("app"));
        m_window->action(Action::Start)->trigger();
        QCOMPARE(m_source->actions, QStringList{QStringLiteral("start app")});
        Q_EMIT m_source->stateChanged(QStringLiteral("app"), QStringLiteral("running"));
        QCOMPARE(enabledActions(*m_window), QStringLiteral("stop force freeze terminal"));
        Q_EMIT m_source->stateChanged(QStringLiteral("app"), QStringLiteral("frozen"));
        QCOMPARE(enabledActions(*m_window), QStringLiteral("force thaw"));
    }

    void actionsCallTheHelper_data()
    {
        QTest::addColumn<QString>("select");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("call");
        QTest::newRow("stop") << "web" << int(Action::Stop) << "stop web 10";
        QTest::newRow("force stop") << "web" << int(Action::ForceStop) << QStringLiteral("kill web %1").arg(SIGKILL);
        QTest::newRow("freeze") << "web" << int(Action::Freeze) << "freeze web";
        QTest::newRow("thaw") << "db" << int(Action::Thaw) << "thaw db";
    }

    void actionsCallTheHelper()
    {
        QFETCH(QString, select);
        QFETCH(int, action);
        QFETCH(QString, call);
        open(select);
        m_window->setConfirmation([](const QString&, const QString&) { return true; }); // Force stop asks
        m_window->action(Action(action))->trigger();
        QCOMPARE(m_source->actions, QStringList{call});
        // The container is read again once the helper has answered.
        QTRY_COMPARE(m_source->containerCalls, 4);
    }

    void disabledActionDoesNothing()
    {
        open(QStringLiteral("web"));
        m_window->action(Action::Start)->trigger();
        QVERIFY(m_source->actions.isEmpty());
    }

    void refusalInPlainWords()
    {
        open(QStringLiteral("app"));
        m_source->actionError = berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"),
                                                           QStringLiteral("polkit said no"));
        m_window->action(Action::Start)->trigger();
        QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("You are not allowed to start 'app'."));
        // Nothing changes in the view.
        QCOMPARE(m_window->model().row(m_window->model().rowOf(QStringLiteral("app"))).info.state,
                 berth::model::RunState::Stopped);
    }

    void destroyAsksFirst()
    {
        open(QStringLiteral("app"));
        QString asked;
        m_window->setConfirmation([&](const QString&, const QString& question) {
            asked = question;
            return false;
        });
        m_window->action(Action::Destroy)->trigger();
        QVERIFY2(asked.contains(QLatin1String("'app'")), qPrintable(asked));
        QVERIFY(m_source->actions.isEmpty());

        m_window->setConfirmation([](const QString&, const QString&) { return true; });
        m_window->action(Action::Destroy)->trigger();
        QCOMPARE(m_source->actions, QStringList{QStringLiteral("destroy app")});
        m_source->containers.remove(QStringLiteral("app"));
        Q_EMIT m_source->containerRemoved(QStringLiteral("app"));
        // The view may move the selection to a neighbour: the actions follow it.
        const QString now = m_window->selectedName();
        QVERIFY(now != QLatin1String("app"));
        const QMap<QString, QString> byName{{QString(), QString()},
                                            {QStringLiteral("web"), QStringLiteral("stop force freeze")},
                                            {QStringLiteral("db"), QStringLiteral("force thaw")}};
        QCOMPARE(enabledActions(*m_window), byName.value(now));
    }

    void overview()
    {
        open(QStringLiteral("web"));
        QCOMPARE(field(*m_window, "stateValue"), QStringLiteral("Running"));
        QCOMPARE(field(*m_window, "pidValue"), QStringLiteral("4242"));
        QCOMPARE(field(*m_window, "addressesValue"), QStringLiteral("10.0.3.12/24"));
        QCOMPARE(field(*m_window, "templateValue"), QStringLiteral("debian"));
        QCOMPARE(field(*m_window, "kindValue"), QStringLiteral("System container: boots its own init"));
        QCOMPARE(
            field(*m_window, "userNamespaceValue"),
            QString::fromUtf8("Unprivileged: host IDs 1000000000\u20131000065535 (rootfs through an idmapped mount)"));
        // In words with units, not config keys (issue #19).
        QCOMPARE(field(*m_window, "limitsValue"),
                 QStringLiteral("Memory up to 256 MiB\nCPU: no limit\nAt most 100 processes"));
        QVERIFY(field(*m_window, "statusValue").startsWith(QLatin1String("Running for ")));
        // Running: figures, or that they are still to come — never "not running".
        QVERIFY2(!field(*m_window, "usingValue").contains(QLatin1String("not running")),
                 qPrintable(field(*m_window, "usingValue")));
        QCOMPARE(field(*m_window, "getInValue"), QStringLiteral("berthctl exec web -- bash"));

        QVERIFY(m_window->selectContainer(QStringLiteral("app")));
        QCOMPARE(field(*m_window, "pidValue"), QString());
        QCOMPARE(field(*m_window, "statusValue"),
                 QStringLiteral("Stopped — last run ended with an error: exited with code 3"));
        QCOMPARE(field(*m_window, "usingValue"), QStringLiteral("Nothing: it is not running"));
        // The config's warnings (issue #14, item 9) show, only where there are some.
        const auto* warnings = m_window->findChild<QLabel*>(QStringLiteral("warningsValue"));
        QVERIFY(warnings);
        QVERIFY2(warnings->text().contains(QLatin1String("AppArmor is not used by Berth")),
                 qPrintable(warnings->text()));
        QVERIFY(!warnings->isHidden());
        QVERIFY(m_window->selectContainer(QStringLiteral("web")));
        QCOMPARE(warnings->text(), QString());
        QVERIFY(warnings->isHidden());
        QVERIFY(m_window->selectContainer(QStringLiteral("app")));
        QCOMPARE(field(*m_window, "userNamespaceValue"),
                 QStringLiteral("Privileged: root inside is root on this computer"));
        QVERIFY(m_window->selectContainer(QStringLiteral("db")));
        QCOMPARE(
            field(*m_window, "userNamespaceValue"),
            QString::fromUtf8("Unprivileged: host IDs 1000065536\u20131000131071 (rootfs shifted into them once at "
                              "creation)"));
    }

    void helperMissing()
    {
        FakeContainerSource source;
        QVERIFY(source.load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json")));
        source.listError = berth::client::clientError(QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown"),
                                                      QStringLiteral("The name org.berth.Berth1 was not provided"));
        MainWindow window(source);
        QTRY_VERIFY(window.showsHelperMissing());
        const auto* text = window.findChild<QLabel*>(QStringLiteral("helperMissingText"));
        QVERIFY(text && text->text().contains(QLatin1String("sudo ./scripts/run.sh")));

        // Once the helper is there, Retry shows the list.
        source.listError.reset();
        auto* retry = window.findChild<QPushButton*>(QStringLiteral("retryButton"));
        QVERIFY(retry);
        retry->click();
        QTRY_VERIFY(!window.showsHelperMissing());
        QTRY_COMPARE(window.model().rowCount(), 3);
    }

    void otherListErrorKeepsTheList()
    {
        FakeContainerSource source;
        source.listError = berth::client::clientError(QStringLiteral("org.berth.Error.Failed"), QStringLiteral("disk"));
        MainWindow window(source);
        QTRY_VERIFY(!window.statusBar()->currentMessage().isEmpty());
        QVERIFY(!window.showsHelperMissing());
    }

    void newOpensTheWizard()
    {
        open(QString());
        QVERIFY(m_window->action(Action::New)->isEnabled());
        m_window->action(Action::New)->trigger();
        auto* wizard = m_window->findChild<NewContainerWizard*>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        wizard->close();
    }

    void cloneStartsFromTheSelectedContainer()
    {
        open(QStringLiteral("app"));
        m_source->templateList = loadTemplates();
        QVERIFY(!m_source->templateList.isEmpty());
        m_window->action(Action::Clone)->trigger();
        auto* wizard = m_window->findChild<NewContainerWizard*>();
        QVERIFY(wizard);
        QTRY_COMPARE(wizard->plan().templateInfo.name, QStringLiteral("clone"));
        QTRY_COMPARE(wizard->optionsPage()->values().value(QStringLiteral("source")), QStringLiteral("app"));
        wizard->close();
    }

    // A stopped privileged container gets a user namespace after a question.
    void convertAsksFirst()
    {
        open(QStringLiteral("app"));
        QString asked;
        m_window->setConfirmation([&](const QString&, const QString& question) {
            asked = question;
            return false;
        });
        m_window->action(Action::Convert)->trigger();
        QVERIFY2(asked.contains(QLatin1String("'app'")), qPrintable(asked));
        QVERIFY(m_source->actions.isEmpty());
        m_window->setConfirmation([](const QString&, const QString&) { return true; });
        m_window->action(Action::Convert)->trigger();
        QTRY_VERIFY(followed(m_source->jobs));
        QCOMPARE(m_source->actions, QStringList{QStringLiteral("convert app")});
        Q_EMIT m_source->jobs.last()->finished(true, QString(), QString());
        QTRY_VERIFY(m_window->statusBar()->currentMessage().isEmpty());
    }

    void exportWritesWhereTheUserChose()
    {
        open(QStringLiteral("app"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app.tar.gz"));
        m_window->setExportPathAsker([&](const QString& suggested) {
            // The suggestion is named after the container.
            return suggested.endsWith(QStringLiteral("app.tar.gz")) ? path : QString();
        });
        m_window->action(Action::Export)->trigger();
        QTRY_VERIFY(followed(m_source->jobs));
        QCOMPARE(m_source->actions.last(), QStringLiteral("export app"));
        QVERIFY(QFile::exists(path));
        Q_EMIT m_source->jobs.last()->finished(true, QString(), QString());
        QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Exported to '%1'.").arg(path));
    }

    void failedExportRemovesTheFile()
    {
        open(QStringLiteral("app"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.tar"));
        m_window->setExportPathAsker([&](const QString&) { return path; });
        m_window->action(Action::Export)->trigger();
        QTRY_VERIFY(followed(m_source->jobs));
        Q_EMIT m_source->jobs.last()->finished(false, QStringLiteral("org.berth.Error.Busy"), QStringLiteral("busy"));
        QTRY_VERIFY(!QFile::exists(path));
        QVERIFY(!m_window->statusBar()->currentMessage().isEmpty());
    }

    // Issue #19 "background work is visible": an export is a task with its
    // progress in the status bar's button, and quitting asks while it runs.
    void exportIsATaskAndQuitAsks()
    {
        open(QStringLiteral("app"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app.tar.gz"));
        m_window->setExportPathAsker([&](const QString&) { return path; });
        m_window->action(Action::Export)->trigger();
        QTRY_VERIFY(followed(m_source->jobs));
        QCOMPARE(m_window->tasks().count(), 1);
        QCOMPARE(m_window->tasks().tasks().at(0).title, QStringLiteral("Exporting to 'app.tar.gz'"));
        auto* button = m_window->findChild<berth::gui::TaskButton*>(QStringLiteral("taskButton"));
        QVERIFY(button && button->isVisibleTo(m_window.get()));
        Q_EMIT m_source->jobs.last()->progressChanged(0.5, QStringLiteral("Writing the archive"));
        QCOMPARE(m_window->tasks().tasks().at(0).progress, QStringLiteral("Writing the archive (50 %)"));

        int asked = 0;
        m_window->setQuitAsker([&](int running) {
            asked = running;
            return MainWindow::QuitChoice::Stay;
        });
        QVERIFY(!m_window->close()); // Stay
        QCOMPARE(asked, 1);
        QVERIFY(m_window->isVisible());
        m_window->setQuitAsker([](int) { return MainWindow::QuitChoice::CancelThem; });
        QVERIFY(m_window->mayQuit());
        QCOMPARE(m_source->jobs.last()->cancelCalls, 1);

        Q_EMIT m_source->jobs.last()->finished(true, QString(), QString());
        QCOMPARE(m_window->tasks().count(), 0);
        QVERIFY(!button->isVisibleTo(m_window.get()));
        asked = 0;
        m_window->setQuitAsker([&](int running) {
            asked = running;
            return MainWindow::QuitChoice::Stay;
        });
        QVERIFY(m_window->mayQuit()); // nothing running: no question
        QCOMPARE(asked, 0);
    }

    // Issue #19: a user outside group berth is told at start, with the command.
    void outsiderIsToldAtStart()
    {
        berth::gui::setMembershipCheck([] { return false; });
        open(QString());
        auto* text = m_window->findChild<QLabel*>(QStringLiteral("outsiderText"));
        QVERIFY(text && text->isVisibleTo(m_window.get()));
        const QString command = QStringLiteral("sudo adduser %1 berth").arg(berth::gui::currentUserName());
        QVERIFY2(text->text().contains(command), qPrintable(text->text()));
        NewContainerWizard wizard(*m_source);
        auto* first =
            wizard.page(NewContainerWizard::TemplatePageId)->findChild<QLabel*>(QStringLiteral("outsiderText"));
        QVERIFY(first && first->text().contains(command));

        berth::gui::setMembershipCheck([] { return true; });
        open(QString());
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("outsiderText")));
        NewContainerWizard member(*m_source);
        QVERIFY(!member.page(NewContainerWizard::TemplatePageId)->findChild<QLabel*>(QStringLiteral("outsiderText")));
    }

    void terminalShowsTheConsoleTab()
    {
        open(QStringLiteral("web"));
        m_window->action(Action::Terminal)->trigger();
        QVERIFY(showsTab(MainWindow::Tab::Console));
    }

    // Issue #19: clicking a container in the network view selects it in
    // the list and shows its Network tab.
    void networkViewSelectsTheContainer()
    {
        open(QStringLiteral("web"));
        berth::gui::NetworksWindow* networks = m_window->openNetworksWindow();
        QVERIFY(networks);
        Q_EMIT networks->view()->containerActivated(QStringLiteral("db"));
        QCOMPARE(m_window->selectedName(), QStringLiteral("db"));
        QVERIFY(showsTab(MainWindow::Tab::Network));
        networks->close();
    }

    void settingsReachTheModel()
    {
        open(QString());
        m_window->settings().setSamplingSeconds(7);
        QCOMPARE(m_window->model().statsInterval(), 7000);
        m_window->settings().setSamplingSeconds(2);
        QCOMPARE(m_window->model().statsInterval(), 2000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
