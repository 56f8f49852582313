// model/units.h: every size form the engine (config/values), the helper
// (SetLimits) and berthctl accepted before the parsers became one, the
// three printers, cores, durations and signals. Rows of
// tests/unit/config/test_values.cpp, tests/unit/cli/test_cli_parsers.cpp and
// tests/gui/test_gui_pure.cpp, with their expectations.
#include "berth/model/units.h"

#include <QtTest>

#include <csignal>
#include <limits>

using namespace berth::model;

Q_DECLARE_METATYPE(SizeSyntax)
Q_DECLARE_METATYPE(SizeStyle)

using Size = std::expected<std::uint64_t, SizeProblem>;
using Signal = std::expected<int, SignalProblem>;

class TestModelUnits : public QObject {
    Q_OBJECT
private slots:
    void sizes_data()
    {
        QTest::addColumn<SizeSyntax>("syntax");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("bytes");
        const auto both = [](const char* name, const char* text, bool ok, quint64 bytes) {
            QTest::addRow("whole %s", name) << SizeSyntax::Whole << text << ok << bytes;
            QTest::addRow("human %s", name) << SizeSyntax::Human << text << ok << bytes;
        };
        // The engine's config values (test_values.cpp).
        both("bytes", "4096", true, 4096);
        both("zero", "0", true, 0);
        both("B", "10B", true, 10);
        both("K", "64K", true, 65536);
        both("k", "64k", true, 65536);
        both("KB", "1KB", true, 1024);
        both("KiB", "1KiB", true, 1024);
        both("kib", "1kib", true, 1024);
        both("Ki", "1Ki", true, 1024);
        both("M", "2M", true, 2097152);
        both("G", "1G", true, 1073741824);
        both("2^64-1", "18446744073709551615", true, std::numeric_limits<quint64>::max());
        both("overflow", "18446744073709551616", false, 0);
        both("overflow G", "17179869184G", false, 0);
        both("word", "abc", false, 0);
        both("empty", "", false, 0);
        both("suffix only", "K", false, 0);
        both("negative", "-1", false, 0);
        both("space", "1 K", false, 0);
        both("IB", "1IB", false, 0);
        QTest::newRow("whole T") << SizeSyntax::Whole << "1T" << false << quint64(0);
        QTest::newRow("whole decimal") << SizeSyntax::Whole << "1.5M" << false << quint64(0);
        // berthctl's (test_cli_parsers.cpp).
        both("K 100k", "100k", true, 102400);
        both("M 512M", "512M", true, 536870912);
        both("MB", "512MB", true, 536870912);
        both("MiB", "512MiB", true, 536870912);
        both("bytes suffix", "100B", true, 100);
        both("unit only", "M", false, 0);
        both("negative M", "-1M", false, 0);
        both("unknown unit", "12Q", false, 0);
        both("two dots", "1.2.3M", false, 0);
        both("trailing dot", "1.M", false, 0);
        both("leading dot", ".5M", false, 0);
        both("hex", "0x10", false, 0);
        both("overflow 20 digits", "99999999999999999999", false, 0);
        QTest::newRow("human fraction G") << SizeSyntax::Human << "1.5G" << true << quint64(1610612736);
        QTest::newRow("human T") << SizeSyntax::Human << "2T" << true << quint64(2199023255552);
        QTest::newRow("human E") << SizeSyntax::Human << "1E" << true << (quint64(1) << 60);
        QTest::newRow("human huge fraction") << SizeSyntax::Human << "9999999.5E" << false << quint64(0);
    }
    void sizes()
    {
        QFETCH(SizeSyntax, syntax);
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(quint64, bytes);
        const auto parsed = parseSize(text.toStdString(), syntax);
        QCOMPARE(parsed.has_value(), ok);
        if (ok)
            QCOMPARE(quint64(*parsed), bytes);
    }

    void sizeProblems()
    {
        QCOMPARE(parseSize("lots").error(), SizeProblem::NotASize);
        QCOMPARE(parseSize("17179869184G").error(), SizeProblem::TooLarge);
        QCOMPARE(parseSize("18446744073709551616").error(), SizeProblem::TooLarge);
        QCOMPARE(parseSize("9999999.5E", SizeSyntax::Human).error(), SizeProblem::TooLarge);
    }

    void printers_data()
    {
        QTest::addColumn<SizeStyle>("style");
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<QString>("expected");
        // Configs: the largest unit that divides exactly.
        QTest::newRow("exact 0") << SizeStyle::Exact << quint64(0) << "0";
        QTest::newRow("exact 1000") << SizeStyle::Exact << quint64(1000) << "1000";
        QTest::newRow("exact 512M") << SizeStyle::Exact << quint64(512) * 1024 * 1024 << "512M";
        QTest::newRow("exact 1G") << SizeStyle::Exact << (quint64(1) << 30) << "1G";
        QTest::newRow("exact 1536K") << SizeStyle::Exact << quint64(1536) * 1024 << "1536K";
        // berthctl.
        QTest::newRow("short 900B") << SizeStyle::Short << quint64(900) << "900B";
        QTest::newRow("short 512.0M") << SizeStyle::Short << quint64(512) * 1024 * 1024 << "512.0M";
        QTest::newRow("short 1.5G") << SizeStyle::Short << quint64(1610612736) << "1.5G";
        QTest::newRow("short 1.0K") << SizeStyle::Short << quint64(1024) << "1.0K";
        QTest::newRow("short 2^64-1") << SizeStyle::Short << std::numeric_limits<quint64>::max() << "16.0E";
        // The GUI (test_gui_pure.cpp).
        QTest::newRow("long 0") << SizeStyle::Long << quint64(0) << "0 B";
        QTest::newRow("long 1023") << SizeStyle::Long << quint64(1023) << "1023 B";
        QTest::newRow("long 1 KiB") << SizeStyle::Long << quint64(1024) << "1 KiB";
        QTest::newRow("long 1.5 KiB") << SizeStyle::Long << quint64(1536) << "1.5 KiB";
        QTest::newRow("long 256 MiB") << SizeStyle::Long << quint64(268435456) << "256 MiB";
        QTest::newRow("long 150.5 MiB drops the decimal") << SizeStyle::Long << quint64(157810688) << "151 MiB";
        QTest::newRow("long 2 GiB") << SizeStyle::Long << quint64(2147483648ULL) << "2 GiB";
        QTest::newRow("long max") << SizeStyle::Long << std::numeric_limits<quint64>::max() << "16384 PiB";
    }
    void printers()
    {
        QFETCH(SizeStyle, style);
        QFETCH(quint64, bytes);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(formatSize(bytes, style)), expected);
    }

    // Exact sizes read back as they were.
    void exactRoundTrip()
    {
        for (quint64 bytes : {quint64(0), quint64(1), quint64(4096), quint64(1) << 20, (quint64(3) << 30) + 1024,
                              std::numeric_limits<quint64>::max()})
            QCOMPARE(parseSize(formatSize(bytes, SizeStyle::Exact)), Size(bytes));
    }

    void cores_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("one") << "1" << true;
        QTest::newRow("fraction") << "1.5" << true;
        QTest::newRow("quarter") << "0.25" << true;
        QTest::newRow("tiny") << "0.00000001" << true;
        QTest::newRow("4096") << "4096" << true;
        QTest::newRow("zero") << "0" << false;
        QTest::newRow("negative") << "-1" << false;
        QTest::newRow("too many") << "5000" << false;
        QTest::newRow("words") << "two" << false;
        QTest::newRow("exponent") << "1e2" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("nan") << "nan" << false;
        QTest::newRow("inf") << "inf" << false;
        QTest::newRow("trailing") << "1.5x" << false;
    }
    void cores()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto parsed = parseCores(text.toStdString());
        QCOMPARE(parsed.has_value(), ok);
        if (ok)
            QCOMPARE(parseCores(formatCores(*parsed)), parsed);
    }

    void coresPrinted()
    {
        QCOMPARE(formatCores(1.5), std::string("1.5"));
        QCOMPARE(formatCores(0.00000001), std::string("0.00000001"));
        QCOMPARE(formatCores(2), std::string("2"));
    }

    void duration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative") << qint64(-5) << "0 s";
        QTest::newRow("45 s") << qint64(45) << "45 s";
        QTest::newRow("59 s") << qint64(59) << "59 s";
        QTest::newRow("1 min") << qint64(60) << "1 min";
        QTest::newRow("12 min") << qint64(12 * 60 + 59) << "12 min";
        QTest::newRow("1 h 00 min") << qint64(3600) << "1 h 00 min";
        QTest::newRow("3 h 05 min") << qint64(3 * 3600 + 5 * 60) << "3 h 05 min";
        QTest::newRow("1 d 0 h") << qint64(86400) << "1 d 0 h";
        QTest::newRow("2 d 4 h") << qint64(2 * 86400 + 4 * 3600 + 10) << "2 d 4 h";
    }
    void duration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(formatDuration(seconds)), expected);
    }

    // The rows of test_values.cpp and test_cli_parsers.cpp together.
    void signalParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // 0: refused
        QTest::newRow("number") << "15" << SIGTERM;
        QTest::newRow("SIGTERM") << "SIGTERM" << SIGTERM;
        QTest::newRow("TERM") << "TERM" << SIGTERM;
        QTest::newRow("lower") << "sigkill" << SIGKILL;
        QTest::newRow("sigint") << "sigint" << SIGINT;
        QTest::newRow("PWR") << "SIGPWR" << SIGPWR;
        QTest::newRow("bare PWR") << "PWR" << SIGPWR;
        QTest::newRow("USR1") << "USR1" << SIGUSR1;
        QTest::newRow("IOT") << "IOT" << SIGABRT;
        QTest::newRow("STKFLT") << "STKFLT" << SIGSTKFLT;
        QTest::newRow("RTMIN") << "SIGRTMIN" << SIGRTMIN;
        QTest::newRow("RTMIN+3") << "SIGRTMIN+3" << SIGRTMIN + 3;
        QTest::newRow("bare RTMIN+3") << "RTMIN+3" << SIGRTMIN + 3;
        QTest::newRow("RTMAX") << "RTMAX" << SIGRTMAX;
        QTest::newRow("RTMAX-1") << "RTMAX-1" << SIGRTMAX - 1;
        QTest::newRow("RTMAX-2") << "SIGRTMAX-2" << SIGRTMAX - 2;
        QTest::newRow("max number") << QString::number(SIGRTMAX) << SIGRTMAX;
        QTest::newRow("highest") << "64" << 64;
        QTest::newRow("zero") << "0" << 0;
        QTest::newRow("too big") << QString::number(SIGRTMAX + 1) << 0;
        QTest::newRow("RTMIN+too far") << "RTMIN+100" << 0;
        QTest::newRow("RTMIN+99") << "RTMIN+99" << 0;
        QTest::newRow("RTMIN-1") << "RTMIN-1" << 0;
        QTest::newRow("RTMAX+1") << "RTMAX+1" << 0;
        QTest::newRow("unknown") << "SIGFOO" << 0;
        QTest::newRow("FOO") << "FOO" << 0;
        QTest::newRow("SIG alone") << "SIG" << 0;
        QTest::newRow("empty") << "" << 0;
        QTest::newRow("negative") << "-9" << 0;
        QTest::newRow("trailing") << "9x" << 0;
    }
    void signalParsing()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const auto parsed = parseSignal(text.toStdString());
        QCOMPARE(parsed.has_value(), expected != 0);
        if (parsed)
            QCOMPARE(*parsed, expected);
    }

    void signalNames()
    {
        for (int sig = 1; sig <= SIGRTMAX; ++sig) {
            if (sig > SIGSYS && sig < SIGRTMIN)
                continue; // glibc's own
            const std::string name = signalName(sig);
            QVERIFY2(!name.empty(), qPrintable(QString::number(sig)));
            QCOMPARE(parseSignal(name), Signal(sig));
        }
        QCOMPARE(signalName(SIGABRT), std::string("ABRT"));
        QCOMPARE(signalName(0), std::string());
    }
};

QTEST_APPLESS_MAIN(TestModelUnits)
#include "test_model_units.moc"
