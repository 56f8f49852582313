// The Console tab against the fake source, with one end of a socketpair
// standing in for the console: Console mode opens the console and shows
// what the other end writes; Shell mode asks for /bin/sh; resizes reach
// ResizeConsole; a hangup offers Reconnect and the container running again
// reconnects; a refusal is shown and nothing is attached.
#include "console_tab.h"
#include "error_text.h"
#include "fake_container_source.h"
#include "terminal_widget.h"

#include <QAccessible>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using berth::gui::ConsoleTab;

namespace {

const QString kBox = QStringLiteral("box1");
const QString kRunning = QStringLiteral("running");

// The console's two ends: `helperSide` goes to the fake source (which
// hands out copies), the test talks through `containerSide`.
struct ConsolePair {
    int helperSide = -1;
    int containerSide = -1;

    ConsolePair()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0) {
            helperSide = fds[0];
            containerSide = fds[1];
            ::fcntl(containerSide, F_SETFL, O_NONBLOCK);
        }
    }
    ~ConsolePair()
    {
        closeContainerSide();
        if (helperSide >= 0)
            ::close(helperSide);
    }
    // The console's end goes away, as when the container's init exits.
    void closeContainerSide()
    {
        if (containerSide >= 0)
            ::close(containerSide);
        containerSide = -1;
    }
    void write(const QByteArray& bytes) const
    {
        QCOMPARE(::write(containerSide, bytes.data(), bytes.size()), bytes.size());
    }
    // What the tab sent so far.
    QByteArray read() const
    {
        char buffer[4096];
        const ssize_t n = ::read(containerSide, buffer, sizeof buffer);
        return n > 0 ? QByteArray(buffer, n) : QByteArray();
    }
};

int consoleCalls(const berth::test::FakeContainerSource& source)
{
    return int(source.actions.count(QStringLiteral("console box1 0")));
}

} // namespace

class TestConsoleTab : public QObject {
    Q_OBJECT
private:
    berth::test::FakeContainerSource m_source;
    std::unique_ptr<ConsolePair> m_pair;
    std::unique_ptr<ConsoleTab> m_tab;

    void showTab()
    {
        m_tab->resize(700, 500);
        m_tab->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    }

    void connectConsole()
    {
        showTab();
        m_tab->setContainer(kBox, berth::model::RunState::Running);
        QTRY_VERIFY(m_tab->terminal()->isAttached());
    }

private Q_SLOTS:
    void init()
    {
        m_source.actions.clear();
        m_source.execRequests.clear();
        m_source.actionError.reset();
        m_pair = std::make_unique<ConsolePair>();
        QVERIFY(m_pair->helperSide >= 0);
        m_source.ptyFd = m_pair->helperSide;
        m_tab = std::make_unique<ConsoleTab>(m_source);
        m_tab->setResizeDebounceInterval(0);
    }

    void cleanup()
    {
        m_tab.reset();
        m_pair.reset();
    }

    void consoleShowsWhatTheContainerWrites()
    {
        connectConsole();
        QCOMPARE(consoleCalls(m_source), 1);
        QCOMPARE(m_tab->mode(), ConsoleTab::Mode::Console);
        m_pair->write("login: ");
        QTRY_COMPARE(m_tab->terminal()->lineText(0), QStringLiteral("login:"));
        QVERIFY(!m_tab->message()->isVisible());
        // And keys go the other way.
        QTest::keyClicks(m_tab->terminal(), QStringLiteral("root"));
        QByteArray typed;
        QTRY_VERIFY((typed += m_pair->read()) == "root");
    }

    void connectsOnlyWhenShown()
    {
        m_tab->setContainer(kBox, berth::model::RunState::Running);
        QCoreApplication::processEvents();
        QCOMPARE(consoleCalls(m_source), 0);
        showTab();
        QTRY_VERIFY(m_tab->terminal()->isAttached());
        QCOMPARE(consoleCalls(m_source), 1);
    }

    void shellModeExecsBinSh()
    {
        showTab();
        m_tab->setMode(ConsoleTab::Mode::Shell);
        m_tab->setContainer(kBox, berth::model::RunState::Running);
        QTRY_VERIFY(m_tab->terminal()->isAttached());
        QCOMPARE(m_source.execRequests.size(), 1);
        QCOMPARE(m_source.execRequests.first().name, kBox);
        QCOMPARE(m_source.execRequests.first().argv, QStringList{QStringLiteral("/bin/sh")});
        QVERIFY(m_source.execRequests.first().env.contains(QStringLiteral("TERM=xterm-256color")));
        QCOMPARE(consoleCalls(m_source), 0);
        m_pair->write("# ");
        QTRY_COMPARE(m_tab->terminal()->lineText(0), QStringLiteral("#"));
    }

    void switchingModeReconnects()
    {
        connectConsole();
        m_tab->setMode(ConsoleTab::Mode::Shell);
        QTRY_COMPARE(m_source.execRequests.size(), 1);
        QTRY_VERIFY(m_tab->terminal()->isAttached());
        m_tab->setMode(ConsoleTab::Mode::Console);
        QTRY_COMPARE(consoleCalls(m_source), 2);
    }

    void resizeReachesResizeConsole()
    {
        connectConsole();
        // The console takes the widget's size on connecting...
        const auto sizeAction = [this] {
            return QStringLiteral("resize box1 0 %1x%2")
                .arg(m_tab->terminal()->rows())
                .arg(m_tab->terminal()->columns());
        };
        QTRY_COMPARE(m_source.actions.last(), sizeAction());
        const QString first = m_source.actions.last();
        // ...and follows it.
        m_tab->resize(m_tab->width() + 200, m_tab->height() + 150);
        QTRY_VERIFY(m_source.actions.last() != first);
        QCOMPARE(m_source.actions.last(), sizeAction());
    }

    void hangupOffersReconnect()
    {
        connectConsole();
        m_pair->closeContainerSide();
        QTRY_VERIFY(m_tab->message()->isVisible());
        QCOMPARE(m_tab->message()->text(), ConsoleTab::tr("The console was closed."));
        QVERIFY(m_tab->reconnectButton()->isVisible());
        QVERIFY(!m_tab->terminal()->isAttached());
        // No reconnecting by itself while the container merely lost its console.
        QCoreApplication::processEvents();
        QCOMPARE(consoleCalls(m_source), 1);
        ConsolePair second;
        m_source.ptyFd = second.helperSide;
        QTest::mouseClick(m_tab->reconnectButton(), Qt::LeftButton);
        QTRY_VERIFY(m_tab->terminal()->isAttached());
        QCOMPARE(consoleCalls(m_source), 2);
        QVERIFY(!m_tab->message()->isVisible());
        second.write("again");
        QTRY_VERIFY(m_tab->terminal()->lineText(0).contains(QStringLiteral("again")));
        m_tab.reset(); // before `second` closes
    }

    void runningAgainReconnects_data()
    {
        QTest::addColumn<QStringList>("states");
        QTest::newRow("stopped, then running") << QStringList{"stopped", "running"};
        QTest::newRow("running (a restart)") << QStringList{"running"};
    }
    void runningAgainReconnects()
    {
        QFETCH(QStringList, states);
        connectConsole();
        m_pair->closeContainerSide();
        QTRY_VERIFY(m_tab->reconnectButton()->isVisible());
        ConsolePair second;
        m_source.ptyFd = second.helperSide;
        for (const QString& state : std::as_const(states))
            Q_EMIT m_source.stateChanged(kBox, state);
        QTRY_VERIFY(m_tab->terminal()->isAttached());
        QCOMPARE(consoleCalls(m_source), 2);
        QVERIFY(!m_tab->message()->isVisible());
        m_tab.reset();
    }

    void otherContainersStatesAreIgnored()
    {
        connectConsole();
        m_pair->closeContainerSide();
        QTRY_VERIFY(m_tab->reconnectButton()->isVisible());
        Q_EMIT m_source.stateChanged(QStringLiteral("other"), kRunning);
        QCoreApplication::processEvents();
        QCOMPARE(consoleCalls(m_source), 1);
        QVERIFY(m_tab->reconnectButton()->isVisible());
    }

    void notRunningShowsAMessage()
    {
        showTab();
        m_tab->setContainer(kBox, berth::model::RunState::Stopped);
        QCoreApplication::processEvents();
        QCOMPARE(consoleCalls(m_source), 0);
        QVERIFY(m_tab->notRunningLabel()->isVisible());
        QVERIFY(!m_tab->terminal()->isVisible());
        QVERIFY(m_tab->notRunningLabel()->text().contains(QStringLiteral("'box1'")));
        // Started: the terminal comes.
        Q_EMIT m_source.stateChanged(kBox, kRunning);
        QTRY_VERIFY(m_tab->terminal()->isAttached());
        QVERIFY(m_tab->terminal()->isVisible());
    }

    void stoppedDetaches()
    {
        connectConsole();
        Q_EMIT m_source.stateChanged(kBox, QStringLiteral("stopped"));
        QVERIFY(!m_tab->terminal()->isAttached());
        QVERIFY(m_tab->notRunningLabel()->isVisible());
    }

    // Frozen or on its way down, the container still has its console (and
    // the shutdown's messages are worth reading).
    void frozenOrStoppingKeepsTheConsole_data()
    {
        QTest::addColumn<QString>("state");
        QTest::newRow("frozen") << "frozen";
        QTest::newRow("stopping") << "stopping";
    }
    void frozenOrStoppingKeepsTheConsole()
    {
        QFETCH(QString, state);
        connectConsole();
        Q_EMIT m_source.stateChanged(kBox, state);
        QVERIFY(m_tab->terminal()->isAttached());
        QVERIFY(m_tab->terminal()->isVisible());
        m_pair->write("bye");
        QTRY_COMPARE(m_tab->terminal()->lineText(0), QStringLiteral("bye"));
        m_pair->closeContainerSide();
        QTRY_VERIFY(m_tab->reconnectButton()->isVisible());
        QVERIFY(m_tab->terminal()->isVisible()); // still readable
    }

    void notConnectingWhenFrozen()
    {
        showTab();
        m_tab->setContainer(kBox, berth::model::RunState::Frozen);
        QCoreApplication::processEvents();
        QCOMPARE(consoleCalls(m_source), 0);
        QVERIFY(m_tab->notRunningLabel()->isVisible());
    }

    void shellEndIsSaidSo()
    {
        showTab();
        m_tab->setMode(ConsoleTab::Mode::Shell);
        m_tab->setContainer(kBox, berth::model::RunState::Running);
        QTRY_VERIFY(m_tab->terminal()->isAttached());
        m_pair->closeContainerSide();
        QTRY_VERIFY(m_tab->message()->isVisible());
        QCOMPARE(m_tab->message()->text(), ConsoleTab::tr("The shell has ended."));
    }

    // A shell that never started says why, in the helper's words, whatever
    // the kind: a missing /bin/sh, a cgroup exec could not join (issue #17).
    void shellThatCannotStartSaysWhy_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not found") << "org.berth.Error.CommandNotFound"
                                   << "exec in 'box1': run '/bin/sh': No such file or directory";
        QTest::newRow("busy") << "org.berth.Error.Busy"
                              << "exec in 'box1': join the container's cgroup: Device or resource busy";
    }

    void shellThatCannotStartSaysWhy()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        m_source.actionError = berth::client::clientError(name, reason);
        showTab();
        m_tab->setMode(ConsoleTab::Mode::Shell);
        m_tab->setContainer(kBox, berth::model::RunState::Running);
        QTRY_VERIFY(m_tab->message()->isVisible());
        QCOMPARE(m_tab->message()->text(), QStringLiteral("Could not open a shell in 'box1': ") + reason);
        QVERIFY(!m_tab->terminal()->isAttached());
    }

    void refusalIsShown()
    {
        const auto error =
            berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"), QStringLiteral("not allowed"));
        m_source.actionError = error;
        showTab();
        m_tab->setContainer(kBox, berth::model::RunState::Running);
        QTRY_VERIFY(m_tab->message()->isVisible());
        QCOMPARE(m_tab->message()->text(),
                 berth::gui::errorText(error, ConsoleTab::tr("open the console of '%1'").arg(kBox)));
        QVERIFY(!m_tab->terminal()->isAttached());
        // It does not ask again and again by itself.
        QCoreApplication::processEvents();
        QCOMPARE(consoleCalls(m_source), 1);
        // Allowed now: Reconnect works.
        m_source.actionError.reset();
        QTest::mouseClick(m_tab->reconnectButton(), Qt::LeftButton);
        QTRY_VERIFY(m_tab->terminal()->isAttached());
        QVERIFY(!m_tab->message()->isVisible());
    }

    void anotherContainerGetsItsOwnConsole()
    {
        connectConsole();
        m_pair->write("old screen");
        QTRY_VERIFY(m_tab->terminal()->lineText(0).contains(QStringLiteral("old")));
        m_tab->setContainer(QStringLiteral("box2"), berth::model::RunState::Running);
        QTRY_VERIFY(m_source.actions.contains(QStringLiteral("console box2 0")));
        QTRY_VERIFY(m_tab->terminal()->isAttached());
        QCOMPARE(m_tab->terminal()->lineText(0), QString());
    }

    // Issue #19: connecting (the container selected, the tab shown) leaves
    // the keyboard where it was; only focusTerminal() (the Terminal action)
    // or a click hands it to the container.
    void connectingDoesNotTakeTheFocus()
    {
        QWidget window;
        auto* before = new QLineEdit(&window);
        auto* tab = new ConsoleTab(m_source, &window);
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(before);
        layout->addWidget(tab);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        before->setFocus();
        tab->setContainer(kBox, berth::model::RunState::Running);
        QTRY_VERIFY(tab->terminal()->isAttached());
        QCoreApplication::processEvents();
        QCOMPARE(window.focusWidget(), before);
        QVERIFY(tab->keyHint()->isVisible());
        QVERIFY(tab->keyHint()->text().contains(QStringLiteral("Ctrl+Tab")));

        tab->focusTerminal();
        QCOMPARE(window.focusWidget(), tab->terminal());
    }

    void focusAskedWhileConnectingIsGivenOnce()
    {
        QWidget window;
        auto* before = new QLineEdit(&window);
        auto* tab = new ConsoleTab(m_source, &window);
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(before);
        layout->addWidget(tab);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        before->setFocus();
        tab->setContainer(kBox, berth::model::RunState::Running);
        tab->focusTerminal(); // the Terminal action: the tab shown, the console on its way
        QVERIFY(!tab->terminal()->isAttached());
        QTRY_VERIFY(tab->terminal()->isAttached());
        QTRY_COMPARE(window.focusWidget(), tab->terminal());
        // A later connection (Reconnect after a hangup) does not take it again.
        before->setFocus();
        m_pair->closeContainerSide();
        QTRY_VERIFY(tab->reconnectButton()->isVisible());
        m_pair = std::make_unique<ConsolePair>();
        m_source.ptyFd = m_pair->helperSide;
        tab->reconnect();
        QTRY_VERIFY(tab->terminal()->isAttached());
        QCoreApplication::processEvents();
        QCOMPARE(window.focusWidget(), before);
    }

    void noHintWithoutTerminal()
    {
        showTab();
        m_tab->setContainer(kBox, berth::model::RunState::Stopped);
        QVERIFY(!m_tab->keyHint()->isVisible());
    }

    // The terminal as assistive technology sees it: a Terminal named after
    // what it shows, whose text is the screen's.
    void accessibleAsATerminal()
    {
        connectConsole();
        m_pair->write("login: ");
        QTRY_COMPARE(m_tab->terminal()->lineText(0), QStringLiteral("login:"));
        QAccessibleInterface* terminal = QAccessible::queryAccessibleInterface(m_tab->terminal());
        QVERIFY(terminal);
        QCOMPARE(terminal->role(), QAccessible::Terminal);
        QCOMPARE(terminal->text(QAccessible::Name), QStringLiteral("Console of 'box1'"));
        QVERIFY(terminal->text(QAccessible::Description).contains(QStringLiteral("Ctrl+Tab")));
        QAccessibleTextInterface* text = terminal->textInterface();
        QVERIFY(text);
        QVERIFY(text->text(0, text->characterCount()).startsWith(QStringLiteral("login:")));
        QCOMPARE(text->cursorPosition(), 7);
    }
};

QTEST_MAIN(TestConsoleTab)
#include "test_console_tab.moc"
