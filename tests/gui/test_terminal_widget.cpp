// The terminal widget on a real pty with busybox sh inside: typed keys
// reach the shell and its echo the screen cells; colours and cursor
// movement land in the expected cells; resizing the widget reaches
// `stty size`; the shell's exit is a hangup. Plus scrolling and copying,
// on bytes written straight into the screen.
#include "terminal_screen.h"
#include "terminal_widget.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QVBoxLayout>
#include <QtTest>

#include <pty.h>
#include <termios.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using berth::gui::TerminalWidget;

namespace {

const char* const kBusybox = "/bin/busybox";

// A busybox sh on a new pty; the master is handed to the widget.
struct Shell {
    pid_t pid = -1;
    int master = -1;

    bool start()
    {
        // Everything the child needs is built before fork: a Qt process
        // has threads, so the child may only make system calls.
        char* const argv[] = {const_cast<char*>("sh"), const_cast<char*>("-i"), nullptr};
        char* const envp[] = {const_cast<char*>("TERM=xterm-256color"), const_cast<char*>("PATH=/bin:/usr/bin"),
                              const_cast<char*>("PS1=$ "), const_cast<char*>("HOME=/"), nullptr};
        winsize size{};
        size.ws_row = 24;
        size.ws_col = 80;
        pid = ::forkpty(&master, nullptr, nullptr, &size);
        if (pid == 0) {
            // Signal masks and ignored signals survive exec: start clean.
            sigset_t none;
            ::sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            for (int signal : {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGCHLD})
                ::signal(signal, SIG_DFL);
            ::execve(kBusybox, argv, envp);
            ::_exit(127);
        }
        return pid > 0;
    }

    void stop()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        pid = -1;
    }
};

// The screen row whose text is exactly `text`, or -1.
int rowWithText(const TerminalWidget& widget, const QString& text)
{
    for (int row = 0; row < widget.rows(); ++row) {
        if (widget.lineText(row) == text)
            return row;
    }
    return -1;
}

bool screenContains(const TerminalWidget& widget, const QString& text)
{
    for (int row = 0; row < widget.rows(); ++row) {
        if (widget.lineText(row).contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestTerminalWidget : public QObject {
    Q_OBJECT
private:
    Shell m_shell;
    std::unique_ptr<TerminalWidget> m_widget;

    void type(const QString& line)
    {
        QTest::keyClicks(m_widget.get(), line);
        QTest::keyClick(m_widget.get(), Qt::Key_Return);
    }

    bool interrupt()
    {
        QTest::keyClick(m_widget.get(), Qt::Key_C, Qt::ControlModifier);
        QTest::qWait(20);
        return ::tcgetpgrp(m_shell.master) == m_shell.pid;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo(QString::fromLatin1(kBusybox)).isExecutable())
            QFAIL("busybox-static is needed (/bin/busybox)");
    }

    void init()
    {
        m_widget = std::make_unique<TerminalWidget>();
        m_widget->resize(640, 400);
        m_widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
        QVERIFY(m_shell.start());
        m_widget->attach(m_shell.master);
        QTRY_VERIFY(screenContains(*m_widget, QStringLiteral("$"))); // the prompt
    }

    void cleanup()
    {
        m_widget.reset(); // closes the master
        m_shell.stop();
    }

    void typedInputIsEchoed()
    {
        QTest::keyClicks(m_widget.get(), QStringLiteral("echo hello-berth"));
        QTRY_VERIFY(screenContains(*m_widget, QStringLiteral("$ echo hello-berth")));
        QTest::keyClick(m_widget.get(), Qt::Key_Return);
        QTRY_VERIFY(rowWithText(*m_widget, QStringLiteral("hello-berth")) >= 0);
    }

    void colourReachesTheCells()
    {
        type(QStringLiteral("printf '\\033[31mRED\\033[0m\\n'"));
        QTRY_VERIFY(rowWithText(*m_widget, QStringLiteral("RED")) >= 0);
        const int row = rowWithText(*m_widget, QStringLiteral("RED"));
        for (int column = 0; column < 3; ++column) {
            const QColor colour = m_widget->cell(row, column).foreground;
            QVERIFY2(colour.isValid() && colour.red() > 150 && colour.green() < 80 && colour.blue() < 80,
                     qPrintable(colour.name()));
        }
        // The command line itself was echoed in the default colour.
        QVERIFY(!m_widget->cell(0, 0).foreground.isValid());
    }

    void cursorMovementPlacesText()
    {
        type(QStringLiteral("printf '\\033[5;10HX'"));
        QTRY_COMPARE(m_widget->cell(4, 9).text, QStringLiteral("X"));
        QCOMPARE(m_widget->cell(4, 8).text, QString());
    }

    void ctrlCInterrupts()
    {
        type(QStringLiteral("cat"));
        QTRY_VERIFY(::tcgetpgrp(m_shell.master) != m_shell.pid); // cat has the terminal
        // Again until the shell has the terminal back: a ^C that arrives
        // while cat is still starting (signals not yet reset) is lost.
        QTRY_VERIFY(interrupt());
        type(QStringLiteral("echo after-interrupt"));
        QTRY_VERIFY(rowWithText(*m_widget, QStringLiteral("after-interrupt")) >= 0);
    }

    void resizeReachesStty()
    {
        QSignalSpy sizes(m_widget.get(), &TerminalWidget::sizeChanged);
        const int oldColumns = m_widget->columns();
        m_widget->resize(m_widget->width() / 2, m_widget->height() + 100);
        QTRY_VERIFY(!sizes.isEmpty());
        const int rows = sizes.last().at(0).toInt();
        const int columns = sizes.last().at(1).toInt();
        QCOMPARE(rows, m_widget->rows());
        QCOMPARE(columns, m_widget->columns());
        QVERIFY(columns < oldColumns);
        type(QStringLiteral("stty size"));
        QTRY_VERIFY(rowWithText(*m_widget, QStringLiteral("%1 %2").arg(rows).arg(columns)) >= 0);
    }

    void exitIsAHangup()
    {
        QSignalSpy hangups(m_widget.get(), &TerminalWidget::hangup);
        type(QStringLiteral("exit"));
        QTRY_COMPARE(hangups.count(), 1);
        QVERIFY(!m_widget->isAttached());
    }

    void titleFromTheShell()
    {
        QSignalSpy titles(m_widget.get(), &TerminalWidget::titleChanged);
        type(QStringLiteral("printf '\\033]2;berth title\\007'"));
        QTRY_COMPARE(titles.count(), 1);
        QCOMPARE(titles.first().first().toString(), QStringLiteral("berth title"));
    }
};

// Without a pty: bytes straight into the screen.
class TestTerminalWidgetLocal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsOutputAndScrollsBack()
    {
        TerminalWidget widget;
        widget.resize(400, 200);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        for (int i = 0; i < 100; ++i)
            widget.screen().write(QByteArray::number(i) + "\r\n");
        QScrollBar* bar = widget.verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        QTest::keyClick(&widget, Qt::Key_PageUp, Qt::ShiftModifier);
        QCOMPARE(bar->value(), bar->maximum() - widget.rows());
        QTest::keyClick(&widget, Qt::Key_PageDown, Qt::ShiftModifier);
        QCOMPARE(bar->value(), bar->maximum());
        // Scrolled back, new output does not pull the view down...
        QTest::keyClick(&widget, Qt::Key_PageUp, Qt::ShiftModifier);
        const int value = bar->value();
        widget.screen().write("more\r\n");
        QCOMPARE(bar->value(), value);
        // ...typing does.
        QTest::keyClick(&widget, Qt::Key_A);
        QCOMPARE(bar->value(), bar->maximum());
    }

    void wheelScrollsBack()
    {
        TerminalWidget widget;
        widget.resize(400, 200);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        for (int i = 0; i < 100; ++i)
            widget.screen().write(QByteArray::number(i) + "\r\n");
        QScrollBar* bar = widget.verticalScrollBar();
        const int bottom = bar->value();
        const QPointF at(10, 10);
        QWheelEvent wheel(at, widget.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(widget.viewport(), &wheel);
        QVERIFY(bar->value() < bottom);
        // What is shown now is older output.
        QVERIFY(widget.screen().lineText(bar->value() - widget.screen().scrollbackLines()) != widget.lineText(0));
    }

    void selectAndCopy()
    {
        TerminalWidget widget;
        widget.resize(400, 200);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.screen().write("hello world\r\nsecond");
        const QFontMetrics metrics(widget.font());
        const int w = metrics.horizontalAdvance(QLatin1Char('M'));
        const int h = metrics.height();
        QWidget* view = widget.viewport();
        QTest::mousePress(view, Qt::LeftButton, {}, QPoint(6 * w + 1, h / 2));
        QMouseEvent move(QEvent::MouseMove, QPointF(4 * w + 1, h + h / 2),
                         view->mapToGlobal(QPointF(4 * w + 1, h + h / 2)), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(view, &move);
        QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(4 * w + 1, h + h / 2));
        QCOMPARE(widget.selectedText(), QStringLiteral("world\nsecon"));
        QTest::keyClick(&widget, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("world\nsecon"));
    }

    void pasteGoesToTheProgram()
    {
        TerminalWidget widget;
        QByteArray sent;
        connect(&widget.screen(), &berth::gui::TerminalScreen::output, this,
                [&sent](const QByteArray& bytes) { sent += bytes; });
        QGuiApplication::clipboard()->setText(QStringLiteral("ls -l\n"));
        QTest::keyClick(&widget, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(sent, QByteArray("ls -l\r"));
    }

    // Tab completes in the shell; Ctrl+Tab and Ctrl+Shift+Tab leave the
    // terminal (the key its hint, the README and the manual name).
    void ctrlTabLeavesTabStays()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* above = new QLineEdit(&window);
        auto* widget = new TerminalWidget(&window);
        auto* below = new QLineEdit(&window);
        layout->addWidget(above);
        layout->addWidget(widget);
        layout->addWidget(below);
        QByteArray sent;
        connect(&widget->screen(), &berth::gui::TerminalScreen::output, this,
                [&sent](const QByteArray& bytes) { sent += bytes; });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        widget->setFocus();
        QTest::keyClick(widget, Qt::Key_Tab);
        QCOMPARE(window.focusWidget(), widget);
        QCOMPARE(sent, QByteArray("\t"));
        QTest::keyClick(widget, Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(window.focusWidget(), below);
        widget->setFocus();
        QTest::keyClick(widget, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(window.focusWidget(), above);
        QCOMPARE(sent, QByteArray("\t")); // the leaving keys never reached the program
    }
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    TestTerminalWidget pty;
    TestTerminalWidgetLocal local;
    return QTest::qExec(&pty, argc, argv) | QTest::qExec(&local, argc, argv);
}

#include "test_terminal_widget.moc"
