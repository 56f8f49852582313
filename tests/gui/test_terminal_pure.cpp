// The terminal's pure parts: Qt keys to libvterm's keys, colours, the
// bounded scrollback, the screen fed with bytes (no widget, no fd), and
// the external terminal's command lines.
#include "external_terminal.h"
#include "scrollback_buffer.h"
#include "terminal_colors.h"
#include "terminal_keys.h"
#include "terminal_screen.h"

#include <QSignalSpy>
#include <QtTest>

using berth::gui::ExternalTerminal;
using berth::gui::ScrollbackBuffer;
using berth::gui::TerminalKey;
using berth::gui::TerminalScreen;

Q_DECLARE_METATYPE(TerminalKey)

namespace {

TerminalKey named(VTermKey key, int modifiers = VTERM_MOD_NONE)
{
    return TerminalKey{key, 0, VTermModifier(modifiers)};
}

TerminalKey character(char32_t c, int modifiers = VTERM_MOD_NONE)
{
    return TerminalKey{VTERM_KEY_NONE, std::uint32_t(c), VTermModifier(modifiers)};
}

// What the screen sends back for one key.
QByteArray sent(TerminalScreen& screen, const TerminalKey& key)
{
    QByteArray bytes;
    const auto connection =
        QObject::connect(&screen, &TerminalScreen::output, [&bytes](const QByteArray& b) { bytes += b; });
    screen.sendKey(key);
    QObject::disconnect(connection);
    return bytes;
}

} // namespace

class TestTerminalPure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keys_data()
    {
        QTest::addColumn<int>("qtKey");
        QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        const Qt::KeyboardModifiers none = Qt::NoModifier;
        QTest::newRow("letter") << int(Qt::Key_A) << none << "a" << QByteArray("a");
        QTest::newRow("shifted letter") << int(Qt::Key_A) << Qt::KeyboardModifiers(Qt::ShiftModifier) << "A"
                                        << QByteArray("A");
        QTest::newRow("utf-8") << int(Qt::Key_unknown) << none << QString::fromUtf8("é") << QByteArray("\xc3\xa9");
        QTest::newRow("ctrl+c") << int(Qt::Key_C) << Qt::KeyboardModifiers(Qt::ControlModifier) << ""
                                << QByteArray("\x03");
        QTest::newRow("ctrl+d, text given")
            << int(Qt::Key_D) << Qt::KeyboardModifiers(Qt::ControlModifier) << "\x04" << QByteArray("\x04");
        QTest::newRow("alt+x") << int(Qt::Key_X) << Qt::KeyboardModifiers(Qt::AltModifier) << "x"
                               << QByteArray("\x1bx");
        QTest::newRow("enter") << int(Qt::Key_Return) << none << "\r" << QByteArray("\r");
        QTest::newRow("backspace") << int(Qt::Key_Backspace) << none << "\b" << QByteArray("\x7f");
        QTest::newRow("tab") << int(Qt::Key_Tab) << none << "\t" << QByteArray("\t");
        QTest::newRow("shift+tab") << int(Qt::Key_Backtab) << Qt::KeyboardModifiers(Qt::ShiftModifier) << ""
                                   << QByteArray("\x1b[Z");
        QTest::newRow("escape") << int(Qt::Key_Escape) << none << "\x1b" << QByteArray("\x1b");
        QTest::newRow("up") << int(Qt::Key_Up) << none << "" << QByteArray("\x1b[A");
        QTest::newRow("ctrl+left") << int(Qt::Key_Left) << Qt::KeyboardModifiers(Qt::ControlModifier) << ""
                                   << QByteArray("\x1b[1;5D");
        QTest::newRow("home") << int(Qt::Key_Home) << none << "" << QByteArray("\x1b[H");
        QTest::newRow("end") << int(Qt::Key_End) << none << "" << QByteArray("\x1b[F");
        QTest::newRow("page up") << int(Qt::Key_PageUp) << none << "" << QByteArray("\x1b[5~");
        QTest::newRow("page down") << int(Qt::Key_PageDown) << none << "" << QByteArray("\x1b[6~");
        QTest::newRow("delete") << int(Qt::Key_Delete) << none << "" << QByteArray("\x1b[3~");
        QTest::newRow("F1") << int(Qt::Key_F1) << none << "" << QByteArray("\x1bOP");
        QTest::newRow("F5") << int(Qt::Key_F5) << none << "" << QByteArray("\x1b[15~");
        QTest::newRow("F12") << int(Qt::Key_F12) << none << "" << QByteArray("\x1b[24~");
    }
    void keys()
    {
        QFETCH(int, qtKey);
        QFETCH(Qt::KeyboardModifiers, modifiers);
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        TerminalScreen screen(24, 80);
        QByteArray out;
        for (const TerminalKey& key : berth::gui::terminalKeys(qtKey, modifiers, text))
            out += sent(screen, key);
        QCOMPARE(out, bytes);
    }

    void lonelyModifierSendsNothing()
    {
        QVERIFY(berth::gui::terminalKeys(Qt::Key_Shift, Qt::ShiftModifier, QString()).isEmpty());
        QVERIFY(berth::gui::terminalKeys(Qt::Key_Control, Qt::ControlModifier, QString()).isEmpty());
    }

    void ctrlLetterIsTheLetterWithCtrl()
    {
        QCOMPARE(berth::gui::terminalKeys(Qt::Key_C, Qt::ControlModifier, QString()),
                 QList<TerminalKey>{character(U'c', VTERM_MOD_CTRL)});
        QCOMPARE(berth::gui::terminalKeys(Qt::Key_F3, Qt::ShiftModifier, QString()),
                 QList<TerminalKey>{named(VTermKey(VTERM_KEY_FUNCTION(3)), VTERM_MOD_SHIFT)});
    }

    void colors_data()
    {
        QTest::addColumn<QByteArray>("sequence");
        QTest::addColumn<QColor>("foreground");
        QTest::newRow("default") << QByteArray("x") << QColor();
        QTest::newRow("indexed 196 (xterm cube)") << QByteArray("\033[38;5;196mx") << QColor(255, 0, 0);
        QTest::newRow("indexed 21") << QByteArray("\033[38;5;21mx") << QColor(0, 0, 255);
        QTest::newRow("indexed 231") << QByteArray("\033[38;5;231mx") << QColor(255, 255, 255);
        QTest::newRow("rgb") << QByteArray("\033[38;2;12;34;56mx") << QColor(12, 34, 56);
    }
    void colors()
    {
        QFETCH(QByteArray, sequence);
        QFETCH(QColor, foreground);
        TerminalScreen screen(4, 20);
        screen.write(sequence);
        QCOMPARE(screen.cell(0, 0).text, QStringLiteral("x"));
        QCOMPARE(screen.cell(0, 0).foreground, foreground);
    }

    void basicRedIsRed()
    {
        TerminalScreen screen(4, 20);
        screen.write("\033[31mR\033[0mn\033[41mB");
        const QColor red = screen.cell(0, 0).foreground;
        QVERIFY(red.isValid());
        QVERIFY(red.red() > 150 && red.green() < 80 && red.blue() < 80);
        QVERIFY(!screen.cell(0, 1).foreground.isValid());
        QCOMPARE(screen.cell(0, 2).background, red);
    }

    void attributes()
    {
        TerminalScreen screen(4, 20);
        screen.write("\033[1mb\033[0m\033[4mu\033[0m\033[7mr\033[0mp");
        QVERIFY(screen.cell(0, 0).bold);
        QVERIFY(screen.cell(0, 1).underline);
        QVERIFY(screen.cell(0, 2).reverse);
        const auto plain = screen.cell(0, 3);
        QVERIFY(!plain.bold && !plain.underline && !plain.reverse);
    }

    void cursorAndText()
    {
        TerminalScreen screen(10, 40);
        screen.write("hello\r\nworld\033[5;10HX");
        QCOMPARE(screen.lineText(0), QStringLiteral("hello"));
        QCOMPARE(screen.lineText(1), QStringLiteral("world"));
        QCOMPARE(screen.cell(4, 9).text, QStringLiteral("X"));
        QCOMPARE(screen.cursor(), QPoint(10, 4));
        QCOMPARE(screen.text(QPoint(1, 0), QPoint(2, 1)), QStringLiteral("ello\nwor"));
        QCOMPARE(screen.text(QPoint(2, 1), QPoint(1, 0)), QStringLiteral("ello\nwor")); // backwards
    }

    void titleFromOsc()
    {
        TerminalScreen screen(4, 20);
        QSignalSpy titles(&screen, &TerminalScreen::titleChanged);
        screen.write("\033]2;my title\007");
        QCOMPARE(titles.count(), 1);
        QCOMPARE(titles.first().first().toString(), QStringLiteral("my title"));
    }

    void scrollbackKeepsLinesThatLeave()
    {
        TerminalScreen screen(3, 20, 100);
        screen.write("one\r\ntwo\r\nthree\r\nfour\r\nfive");
        QCOMPARE(screen.scrollbackLines(), 2);
        QCOMPARE(screen.lineText(-2), QStringLiteral("one"));
        QCOMPARE(screen.lineText(-1), QStringLiteral("two"));
        QCOMPARE(screen.lineText(0), QStringLiteral("three"));
        // Growing takes the newest lines back onto the screen.
        screen.resize(5, 20);
        QCOMPARE(screen.scrollbackLines(), 0);
        QCOMPARE(screen.lineText(0), QStringLiteral("one"));
        QCOMPARE(screen.lineText(4), QStringLiteral("five"));
    }

    void scrollbackIsBounded()
    {
        TerminalScreen screen(2, 10, 3);
        for (int i = 0; i < 10; ++i)
            screen.write(QByteArray::number(i) + "\r\n");
        QCOMPARE(screen.scrollbackLines(), 3);
        QCOMPARE(screen.lineText(-3), QStringLiteral("6"));
        QCOMPARE(screen.lineText(-1), QStringLiteral("8"));
    }

    void scrollbackBuffer()
    {
        ScrollbackBuffer buffer(2);
        for (int width : {1, 2, 3})
            buffer.push(ScrollbackBuffer::Line(std::size_t(width)));
        QCOMPARE(buffer.size(), 2);
        QCOMPARE(buffer.line(0).size(), std::size_t(2)); // the first went
        ScrollbackBuffer::Line line;
        QVERIFY(buffer.pop(line));
        QCOMPARE(line.size(), std::size_t(3));
        QVERIFY(buffer.pop(line));
        QVERIFY(!buffer.pop(line));
        ScrollbackBuffer none(0);
        none.push(ScrollbackBuffer::Line(1));
        QCOMPARE(none.size(), 0);
    }

    void pasteTurnsNewlinesIntoReturns()
    {
        TerminalScreen screen(4, 20);
        QByteArray out;
        connect(&screen, &TerminalScreen::output, this, [&out](const QByteArray& b) { out += b; });
        screen.paste(QStringLiteral("ls\nexit\r\n"));
        QCOMPARE(out, QByteArray("ls\rexit\r"));
        out.clear();
        screen.write("\033[?2004h"); // the program asks for bracketed paste
        screen.paste(QStringLiteral("x"));
        QCOMPARE(out, QByteArray("\033[200~x\033[201~"));
    }

    void clearEmptiesScreenAndScrollback()
    {
        TerminalScreen screen(2, 10);
        screen.write("a\r\nb\r\nc");
        screen.clear();
        QCOMPARE(screen.scrollbackLines(), 0);
        QCOMPARE(screen.lineText(0), QString());
        QCOMPARE(screen.cursor(), QPoint(0, 0));
    }

    void externalTerminal_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<bool>("shell");
        QTest::addColumn<QStringList>("commandLine");
        QTest::newRow("default console") << ""
                                         << "" << false
                                         << QStringList{"x-terminal-emulator", "-e", "berthctl", "console", "box1"};
        QTest::newRow("default shell") << ""
                                       << "" << true
                                       << QStringList{
                                              "x-terminal-emulator", "-e", "berthctl", "exec", "box1", "--", "/bin/sh"};
        QTest::newRow("$TERMINAL") << ""
                                   << "xterm" << false << QStringList{"xterm", "-e", "berthctl", "console", "box1"};
        QTest::newRow("setting wins") << "konsole --separate"
                                      << "xterm" << false
                                      << QStringList{"konsole", "--separate", "-e", "berthctl", "console", "box1"};
        QTest::newRow("placeholder") << "gnome-terminal --wait -- %c"
                                     << "" << true << QStringList{"gnome-terminal", "--wait", "--", "berthctl",
                                                                  "exec",           "box1",   "--", "/bin/sh"};
        QTest::newRow("quoted words") << "\"/opt/my term/run\" -x"
                                      << "" << false
                                      << QStringList{"/opt/my term/run", "-x", "-e", "berthctl", "console", "box1"};
        QTest::newRow("blank setting") << "   "
                                       << "foot" << false << QStringList{"foot", "-e", "berthctl", "console", "box1"};
    }
    void externalTerminal()
    {
        QFETCH(QString, configured);
        QFETCH(QString, environment);
        QFETCH(bool, shell);
        QFETCH(QStringList, commandLine);
        const auto mode = shell ? ExternalTerminal::Mode::Shell : ExternalTerminal::Mode::Console;
        QCOMPARE(ExternalTerminal::commandLine(
                     ExternalTerminal::terminalCommand(configured, environment),
                     ExternalTerminal::berthctlCommand(QStringLiteral("berthctl"), QStringLiteral("box1"), mode)),
                 commandLine);
    }

    void externalTerminalNotFound()
    {
        QSettings().setValue(ExternalTerminal::kSettingsKey, QStringLiteral("/nonexistent/berth-test-terminal"));
        const QString error = ExternalTerminal::open(QStringLiteral("box1"), ExternalTerminal::Mode::Console);
        QSettings().remove(ExternalTerminal::kSettingsKey);
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/berth-test-terminal")), qPrintable(error));
    }

    void initTestCase()
    {
        // QSettings of our own, not the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("berth-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("gui_terminal_pure"));
    }
};

QTEST_MAIN(TestTerminalPure)
#include "test_terminal_pure.moc"
