// The main window's confirmations and its terminal (issue #19): Force stop
// asks first; every confirmation's buttons name the action, never Yes;
// selecting a running container leaves the keyboard where it was, the
// Terminal action hands it to the terminal.
#include "console_tab.h"
#include "container_list_model.h"
#include "fake_container_source.h"
#include "main_window.h"
#include "terminal_widget.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using berth::gui::MainWindow;
using berth::test::FakeContainerSource;
using Action = MainWindow::Action;

class TestMainWindowTabs : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<FakeContainerSource> m_source;
    std::unique_ptr<MainWindow> m_window;
    int m_console[2] = {-1, -1}; // [0] to the fake source, [1] the container's end

    void open(const QString& select)
    {
        m_source = std::make_unique<FakeContainerSource>();
        QVERIFY(m_source->load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json")));
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, m_console), 0);
        m_source->ptyFd = m_console[0];
        m_window = std::make_unique<MainWindow>(*m_source);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(m_window->model().rowCount(), 3);
        QTRY_COMPARE(m_source->containerCalls, 3);
        QTest::qWait(0);
        QVERIFY(m_window->selectContainer(select));
    }

    [[nodiscard]] berth::gui::TerminalWidget* terminal() const
    {
        return m_window->findChild<berth::gui::ConsoleTab*>()->terminal();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_window.reset();
        m_source.reset();
        for (int& fd : m_console) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }

    void forceStopAsksFirst()
    {
        open(QStringLiteral("web"));
        QString title;
        QString asked;
        m_window->setConfirmation([&](const QString& t, const QString& question) {
            title = t;
            asked = question;
            return false;
        });
        m_window->action(Action::ForceStop)->trigger();
        QCOMPARE(title, QStringLiteral("Force Stop"));
        QVERIFY2(asked.contains(QLatin1String("'web'")), qPrintable(asked));
        QVERIFY(m_source->actions.isEmpty());
        m_window->setConfirmation([](const QString&, const QString&) { return true; });
        m_window->action(Action::ForceStop)->trigger();
        QCOMPARE(m_source->actions, QStringList{QStringLiteral("kill web %1").arg(SIGKILL)});
    }

    // The real question box: its buttons are the action and Cancel, and
    // Cancel (the default) does nothing.
    void buttonsNameTheAction_data()
    {
        QTest::addColumn<QString>("select");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("button");
        QTest::newRow("force stop") << "web" << int(Action::ForceStop) << "Force Stop";
        QTest::newRow("destroy") << "app" << int(Action::Destroy) << "Destroy Container";
        QTest::newRow("convert") << "app" << int(Action::Convert) << "Make Unprivileged";
    }
    void buttonsNameTheAction()
    {
        QFETCH(QString, select);
        QFETCH(int, action);
        QFETCH(QString, button);
        open(select);
        QStringList buttons;
        QString defaultButton;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            answer.stop();
            for (QAbstractButton* shown : box->buttons())
                buttons << shown->text();
            defaultButton = box->defaultButton() ? box->defaultButton()->text() : QString();
            box->button(QMessageBox::Cancel)->click();
        });
        answer.start(10);
        QVERIFY(m_window->action(Action(action))->isEnabled());
        m_window->action(Action(action))->trigger();
        buttons.sort();
        QCOMPARE(buttons, (QStringList{QStringLiteral("Cancel"), button}));
        QCOMPARE(defaultButton, QStringLiteral("Cancel"));
        QVERIFY(m_source->actions.isEmpty());
    }

    // Issue #19: selecting a running container while the Console tab is
    // shown connected its terminal and gave it the keyboard (Ctrl+N typed
    // into a root shell).
    void selectionLeavesTheFocus()
    {
        open(QStringLiteral("app"));
        m_window->showTab(MainWindow::Tab::Console);
        auto* list = m_window->findChild<QTreeView*>();
        list->setFocus();
        QVERIFY(m_window->selectContainer(QStringLiteral("web")));
        QTRY_VERIFY(terminal()->isAttached());
        QCoreApplication::processEvents();
        QCOMPARE(m_window->focusWidget(), list);
    }

    void terminalActionGivesTheFocus()
    {
        open(QStringLiteral("web"));
        m_window->findChild<QTreeView*>()->setFocus();
        m_window->action(Action::Terminal)->trigger();
        QTRY_VERIFY(terminal()->isAttached());
        QTRY_COMPARE(m_window->focusWidget(), terminal());
        // And its leave key gives it back to the window.
        QTest::keyClick(terminal(), Qt::Key_Tab, Qt::ControlModifier);
        QVERIFY(m_window->focusWidget() != terminal());
    }
};

QTEST_MAIN(TestMainWindowTabs)
#include "test_main_window_tabs.moc"
