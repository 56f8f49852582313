// The details area's pure parts: the log filter, the config error's line
// and which system check items are essential.
#include "config_error.h"
#include "essential_checks.h"
#include "log_filter.h"

#include <QtTest>

using berth::gui::LogFilter;

class TestDetailsPure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void logFilter_data()
    {
        QTest::addColumn<QByteArrayList>("pieces");
        QTest::addColumn<QString>("text");
        const auto one = [](const char* bytes) { return QByteArrayList{QByteArray(bytes)}; };
        QTest::newRow("plain") << one("hello\nworld\n") << "hello\nworld\n";
        QTest::newRow("crlf") << one("a\r\nb\r\n") << "a\nb\n";
        QTest::newRow("colour") << one("\x1b[1;32mOK\x1b[0m done") << "OK done";
        QTest::newRow("cursor movement") << one("\x1b[2J\x1b[Htop\x1b[K") << "top";
        QTest::newRow("private mode") << one("\x1b[?25lhidden\x1b[?25h") << "hidden";
        QTest::newRow("osc title bel") << one("\x1b]0;title\x07text") << "text";
        QTest::newRow("osc title st") << one("\x1b]2;title\x1b\\text") << "text";
        QTest::newRow("charset") << one("\x1b(Bline") << "line";
        QTest::newRow("two-char escape") << one("a\x1b"
                                                "7b\x1b"
                                                "8c")
                                         << "abc";
        QTest::newRow("carriage return overwrites") << one("first\n10%\r50%\r100%\n") << "first\n100%\n";
        QTest::newRow("backspace") << one("abd\bc\n") << "abc\n";
        QTest::newRow("bell and nul dropped") << QByteArrayList{QByteArray("a\x07"
                                                                           "b\0c",
                                                                           5)}
                                              << "abc";
        QTest::newRow("tab kept") << one("a\tb") << "a\tb";
        QTest::newRow("invalid utf-8 replaced") << one("a\xff"
                                                       "b")
                                                << QStringLiteral("a\uFFFDb");
        QTest::newRow("utf-8 split") << QByteArrayList{"gr\xc3", "\xbc\xc3\x9f"} << QStringLiteral("grüß");
        QTest::newRow("escape split") << QByteArrayList{"red\x1b[3", "1mtext"} << "redtext";
        QTest::newRow("escape split after esc") << QByteArrayList{"a\x1b", "[0mb"} << "ab";
        QTest::newRow("crlf split") << QByteArrayList{"line\r", "\nnext"} << "line\nnext";
        QTest::newRow("cr split then text") << QByteArrayList{"10%\r", "20%"} << "10%\n20%";
        QTest::newRow("cr after earlier line") << QByteArrayList{"done\n10%", "\r20%"} << "done\n10%\n20%";
        QTest::newRow("cr at line start of piece") << QByteArrayList{"done\n", "10%\r20%"} << "done\n20%";
        // systemd's console lines: its "\r\n" with the terminal's '\r' before '\n'.
        QTest::newRow("cr cr lf") << one("one\r\r\ntwo\r\r\n") << "one\ntwo\n";
        QTest::newRow("cr cr lf split") << QByteArrayList{"one\r", "\r\ntwo\r\r", "\n"} << "one\ntwo\n";
        QTest::newRow("cr cr then text") << one("10%\r\r50%\n") << "50%\n";
    }
    void logFilter()
    {
        QFETCH(QByteArrayList, pieces);
        QFETCH(QString, text);
        LogFilter filter;
        QString out;
        for (const QByteArray& piece : pieces)
            out += filter.feed(piece);
        QCOMPARE(out, text);
    }

    void logFilterResetForgetsHeldBytes()
    {
        LogFilter filter;
        QCOMPARE(filter.feed("a\x1b[3"), QStringLiteral("a"));
        filter.reset();
        QCOMPARE(filter.feed("1mb"), QStringLiteral("1mb"));
    }

    void configError_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("text");
        QTest::newRow("bare") << "config:3: invalid key" << 3 << "invalid key";
        QTest::newRow("with key") << "config:12: lxc.net.0.type: unknown network type 'x'" << 12
                                  << "lxc.net.0.type: unknown network type 'x'";
        QTest::newRow("wrapped") << "set config 'web': config:7: bad value" << 7 << "bad value";
        QTest::newRow("quoted") << "'config:2: missing ='" << 2 << "missing ='";
        QTest::newRow("no line") << "the config is larger than 1 MiB" << 0 << "";
        QTest::newRow("other source") << "myconfig:3: invalid key" << 0 << "";
        QTest::newRow("included file") << "/etc/berth/common.conf:4: invalid key" << 0 << "";
        QTest::newRow("line zero") << "config:0: nothing" << 0 << "";
        QTest::newRow("not a number") << "config:x: nothing" << 0 << "";
    }
    void configError()
    {
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(QString, text);
        const auto location = berth::gui::parseConfigError(message);
        QCOMPARE(location.has_value(), line > 0);
        if (location) {
            QCOMPARE(location->line, line);
            QCOMPARE(location->message, text);
        }
    }

    void essential_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("essential");
        QTest::newRow("pid namespace") << "ns.pid" << true;
        QTest::newRow("mount namespace") << "ns.mount" << true;
        QTest::newRow("network namespace") << "ns.net" << true;
        QTest::newRow("user namespace") << "ns.user" << false;
        QTest::newRow("memory controller") << "cgroup.memory" << true;
        QTest::newRow("cgroup version") << "cgroup.mode" << true;
        QTest::newRow("swap accounting") << "cgroup.swap" << false;
        QTest::newRow("macvlan") << "net.macvlan" << false;
        QTest::newRow("overlayfs") << "fs.overlay" << false;
        QTest::newRow("devpts") << "fs.devpts" << true;
        QTest::newRow("dnsmasq") << "tool.dnsmasq" << false;
        QTest::newRow("unknown") << "ns.future" << false;
    }
    void essential()
    {
        QFETCH(QString, id);
        QFETCH(bool, essential);
        QCOMPARE(berth::gui::isEssentialCheck(id), essential);
    }
};

QTEST_GUILESS_MAIN(TestDetailsPure)
#include "test_details_pure.moc"
