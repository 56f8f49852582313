#include "config/values.h"

#include <QtTest>

#include <csignal>

using namespace berth;

namespace {
QStringList toQt(const std::vector<std::string>& words)
{
    QStringList out;
    for (const auto& w : words)
        out << QString::fromStdString(w);
    return out;
}
} // namespace

class TestValues : public QObject {
    Q_OBJECT
private slots:
    void sizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qulonglong>("bytes");
        QTest::newRow("bytes") << "4096" << true << 4096ULL;
        QTest::newRow("zero") << "0" << true << 0ULL;
        QTest::newRow("B") << "10B" << true << 10ULL;
        QTest::newRow("K") << "64K" << true << 65536ULL;
        QTest::newRow("k") << "64k" << true << 65536ULL;
        QTest::newRow("KB") << "1KB" << true << 1024ULL;
        QTest::newRow("KiB") << "1KiB" << true << 1024ULL;
        QTest::newRow("M") << "2M" << true << 2097152ULL;
        QTest::newRow("G") << "1G" << true << 1073741824ULL;
        QTest::newRow("max") << "18446744073709551615" << true << 18446744073709551615ULL;
        QTest::newRow("overflow") << "18446744073709551616" << false << 0ULL;
        QTest::newRow("overflow G") << "17179869184G" << false << 0ULL;
        QTest::newRow("word") << "abc" << false << 0ULL;
        QTest::newRow("empty") << "" << false << 0ULL;
        QTest::newRow("suffix only") << "K" << false << 0ULL;
        QTest::newRow("negative") << "-1" << false << 0ULL;
        QTest::newRow("T") << "1T" << false << 0ULL;
        QTest::newRow("space") << "1 K" << false << 0ULL;
        QTest::newRow("decimal") << "1.5M" << false << 0ULL;
    }
    void sizes()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qulonglong, bytes);
        const auto r = parseSizeValue(text.toStdString());
        QCOMPARE(r.has_value(), ok);
        if (ok)
            QCOMPARE(qulonglong(*r), bytes);
        else
            QVERIFY2(QString::fromStdString(r.error().message).contains("'" + text + "'"), r.error().message.c_str());
    }

    void signalNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // 0: an error
        QTest::newRow("number") << "15" << SIGTERM;
        QTest::newRow("SIGTERM") << "SIGTERM" << SIGTERM;
        QTest::newRow("TERM") << "TERM" << SIGTERM;
        QTest::newRow("lower") << "sigkill" << SIGKILL;
        QTest::newRow("PWR") << "SIGPWR" << SIGPWR;
        QTest::newRow("USR1") << "USR1" << SIGUSR1;
        QTest::newRow("RTMIN") << "SIGRTMIN" << SIGRTMIN;
        QTest::newRow("RTMIN+3") << "SIGRTMIN+3" << SIGRTMIN + 3;
        QTest::newRow("bare RTMIN+3") << "RTMIN+3" << SIGRTMIN + 3;
        QTest::newRow("RTMAX") << "RTMAX" << SIGRTMAX;
        QTest::newRow("RTMAX-2") << "SIGRTMAX-2" << SIGRTMAX - 2;
        QTest::newRow("max number") << QString::number(SIGRTMAX) << SIGRTMAX;
        QTest::newRow("zero") << "0" << 0;
        QTest::newRow("too big") << QString::number(SIGRTMAX + 1) << 0;
        QTest::newRow("RTMIN+too far") << "RTMIN+100" << 0;
        QTest::newRow("RTMIN-1") << "RTMIN-1" << 0;
        QTest::newRow("RTMAX+1") << "RTMAX+1" << 0;
        QTest::newRow("unknown") << "SIGFOO" << 0;
        QTest::newRow("SIG alone") << "SIG" << 0;
        QTest::newRow("empty") << "" << 0;
        QTest::newRow("negative") << "-9" << 0;
        QTest::newRow("trailing") << "9x" << 0;
    }
    void signalNames()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const auto r = parseSignalValue(text.toStdString());
        QCOMPARE(r.has_value(), expected != 0);
        if (r)
            QCOMPARE(*r, expected);
        else
            QVERIFY2(QString::fromStdString(r.error().message).contains("'" + text + "'"), r.error().message.c_str());
    }

    void unsignedBounds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("min") << "0" << true;
        QTest::newRow("max") << "64" << true;
        QTest::newRow("above") << "65" << false;
        QTest::newRow("plus") << "+1" << false;
        QTest::newRow("space") << " 1" << false;
        QTest::newRow("hex") << "0x10" << false;
        QTest::newRow("huge") << "99999999999999999999999" << false;
    }
    void unsignedBounds()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QCOMPARE(parseUnsignedValue(text.toStdString(), 0, 64).has_value(), ok);
    }

    void booleans()
    {
        QCOMPARE(parseBoolValue("0").value(), false);
        QCOMPARE(parseBoolValue("1").value(), true);
        QVERIFY(!parseBoolValue("2"));
        QVERIFY(!parseBoolValue("true"));
        QVERIFY(!parseBoolValue(""));
    }

    void commands_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QStringList>("argv");
        QTest::newRow("plain") << "/bin/sh -c true" << true << QStringList{"/bin/sh", "-c", "true"};
        QTest::newRow("blanks") << "  a \t b  " << true << QStringList{"a", "b"};
        QTest::newRow("single") << "sh -c 'echo $HOME; ls'" << true << QStringList{"sh", "-c", "echo $HOME; ls"};
        QTest::newRow("double") << "echo \"a b\"" << true << QStringList{"echo", "a b"};
        QTest::newRow("double escapes") << "echo \"q\\\"b\\\\s\\$x\\n\"" << true << QStringList{"echo", "q\"b\\s$x\\n"};
        QTest::newRow("backslash space") << "a\\ b c" << true << QStringList{"a b", "c"};
        QTest::newRow("glued") << "a'b'\"c\"d" << true << QStringList{"abcd"};
        QTest::newRow("empty quotes") << "a '' \"\"" << true << QStringList{"a", "", ""};
        QTest::newRow("single keeps backslash") << "'a\\b'" << true << QStringList{"a\\b"};
        QTest::newRow("no expansion") << "echo ~ * $(id)" << true << QStringList{"echo", "~", "*", "$(id)"};
        QTest::newRow("empty") << "" << true << QStringList{};
        QTest::newRow("unterminated single") << "echo 'abc" << false << QStringList{};
        QTest::newRow("unterminated double") << "echo \"abc" << false << QStringList{};
        QTest::newRow("escaped close") << "echo \"abc\\\"" << false << QStringList{};
        QTest::newRow("trailing backslash") << "echo \\" << false << QStringList{};
    }
    void commands()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QStringList, argv);
        const auto r = splitCommandLine(text.toStdString());
        QCOMPARE(r.has_value(), ok);
        if (ok)
            QCOMPARE(toQt(*r), argv);
        else
            QVERIFY2(r.error().message.find("unterminated") != std::string::npos ||
                         r.error().message.find("trailing backslash") != std::string::npos,
                     r.error().message.c_str());
    }

    void fstabEscapes_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("plain") << "/mnt/a" << true << "/mnt/a";
        QTest::newRow("space") << "/mnt/my\\040dir" << true << "/mnt/my dir";
        QTest::newRow("tab") << "a\\011b" << true << "a\tb";
        QTest::newRow("backslash") << "a\\134b" << true << "a\\b";
        QTest::newRow("not octal") << "a\\09b" << true << "a\\09b";
        QTest::newRow("short") << "a\\04" << true << "a\\04";
        QTest::newRow("at end") << "a\\040" << true << "a ";
        QTest::newRow("nul") << "a\\000b" << false << "";
        QTest::newRow("too big") << "a\\777b" << false << "";
    }
    void fstabEscapes()
    {
        QFETCH(QString, field);
        QFETCH(bool, ok);
        QFETCH(QString, decoded);
        const auto r = unescapeFstabField(field.toStdString());
        QCOMPARE(r.has_value(), ok);
        if (ok)
            QCOMPARE(QString::fromStdString(*r), decoded);
    }

    void quoting()
    {
        QCOMPARE(quoteForMessage("a b"), std::string("'a b'"));
        QCOMPARE(quoteForMessage("a\nb\x7f"), std::string("'a\\x0ab\\x7f'"));
        const std::string longText(500, 'x');
        const std::string quoted = quoteForMessage(longText);
        QVERIFY(quoted.size() < 200);
        QVERIFY(quoted.ends_with("...'"));
    }

    void blanks()
    {
        const auto words = splitBlanks(" a\tb  c ");
        QCOMPARE(words.size(), std::size_t(3));
        QCOMPARE(words[2], std::string_view("c"));
        QVERIFY(splitBlanks(" \t ").empty());
    }
};

QTEST_GUILESS_MAIN(TestValues)
#include "test_values.moc"
