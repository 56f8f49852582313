// berthctl's value parsers: sizes, CPU counts, signals, key=value, limits,
// start's log levels and log lines.
#include "exit_codes.h"
#include "limits_options.h"
#include "start_log.h"
#include "value_parsers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>

using namespace berth::cli;

class TestCliParsers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("bytes");
        QTest::newRow("plain") << "4096" << true << quint64(4096);
        QTest::newRow("zero") << "0" << true << quint64(0);
        QTest::newRow("K") << "100k" << true << quint64(102400);
        QTest::newRow("M") << "512M" << true << quint64(536870912);
        QTest::newRow("MB") << "512MB" << true << quint64(536870912);
        QTest::newRow("MiB") << "512MiB" << true << quint64(536870912);
        QTest::newRow("fraction G") << "1.5G" << true << quint64(1610612736);
        QTest::newRow("T") << "2T" << true << quint64(2199023255552);
        QTest::newRow("bytes suffix") << "100B" << true << quint64(100);
        QTest::newRow("empty") << "" << false << quint64(0);
        QTest::newRow("unit only") << "M" << false << quint64(0);
        QTest::newRow("negative") << "-1M" << false << quint64(0);
        QTest::newRow("unknown unit") << "12Q" << false << quint64(0);
        QTest::newRow("two dots") << "1.2.3M" << false << quint64(0);
        QTest::newRow("trailing dot") << "1.M" << false << quint64(0);
        QTest::newRow("space") << "1 M" << false << quint64(0);
        QTest::newRow("hex") << "0x10" << false << quint64(0);
        QTest::newRow("overflow") << "99999999999999999999" << false << quint64(0);
        QTest::newRow("overflow by unit") << "17179869184G" << false << quint64(0);
        QTest::newRow("huge fraction") << "9999999.5E" << false << quint64(0);
    }
    void sizes()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(quint64, bytes);
        // A size option (model::parseSize's human forms); --swap has no minimum.
        const auto parsed = limitValue(QStringLiteral("swap"), text);
        QCOMPARE(parsed.has_value(), ok);
        if (ok)
            QCOMPARE(parsed->toULongLong(), bytes);
        else
            QVERIFY(parsed.error().contains(text));
    }

    void sizeLimit()
    {
        QCOMPARE(*limitValue(QStringLiteral("swap"), QStringLiteral("max")), QStringLiteral("max"));
        QCOMPARE(*limitValue(QStringLiteral("swap"), QStringLiteral("1K")), QStringLiteral("1024"));
        QVERIFY(!limitValue(QStringLiteral("swap"), QStringLiteral("MAX")));
    }

    void cpus_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("one") << "1" << true;
        QTest::newRow("fraction") << "1.5" << true;
        QTest::newRow("quarter") << "0.25" << true;
        QTest::newRow("max") << "max" << true;
        QTest::newRow("zero") << "0" << false;
        QTest::newRow("negative") << "-1" << false;
        QTest::newRow("too many") << "5000" << false;
        QTest::newRow("words") << "two" << false;
        QTest::newRow("exponent") << "1e2" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("nan") << "nan" << false;
    }
    void cpus()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QCOMPARE(limitValue(QStringLiteral("cpus"), text).has_value(), ok);
    }

    void keyValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("simple") << "release=bookworm" << true << "release"
                                << "bookworm";
        QTest::newRow("equals in value") << "a=b=c" << true << "a"
                                         << "b=c";
        QTest::newRow("empty value") << "mirror=" << true << "mirror"
                                     << "";
        QTest::newRow("no equals") << "release" << false << ""
                                   << "";
        QTest::newRow("no key") << "=x" << false << ""
                                << "";
    }
    void keyValues()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto parsed = parseKeyValue(text);
        QCOMPARE(parsed.has_value(), ok);
        if (ok) {
            QTEST(parsed->first, "key");
            QTEST(parsed->second, "value");
        }
    }

    void integers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("in range") << "10" << true;
        QTest::newRow("minimum") << "0" << true;
        QTest::newRow("maximum") << "3600" << true;
        QTest::newRow("above") << "3601" << false;
        QTest::newRow("below") << "-1" << false;
        QTest::newRow("plus sign") << "+5" << false;
        QTest::newRow("junk") << "5s" << false;
        QTest::newRow("empty") << "" << false;
    }
    void integers()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QCOMPARE(parseInteger(text, 0, 3600).has_value(), ok);
    }

    void limits_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("memory") << "memory"
                                << "512M"
                                << "536870912";
        QTest::newRow("memory max") << "memory"
                                    << "max"
                                    << "max";
        QTest::newRow("swap") << "swap"
                              << "1G"
                              << "1073741824";
        QTest::newRow("cpus") << "cpus"
                              << "1.5"
                              << "1.5";
        QTest::newRow("cpu weight") << "cpu-weight"
                                    << "100"
                                    << "100";
        QTest::newRow("cpu weight zero") << "cpu-weight"
                                         << "0"
                                         << "";
        QTest::newRow("io weight high") << "io-weight"
                                        << "10001"
                                        << "";
        QTest::newRow("cpu shares") << "cpu-shares"
                                    << "512"
                                    << "512";
        QTest::newRow("cpu shares 1") << "cpu-shares"
                                      << "1"
                                      << "";
        QTest::newRow("blkio weight") << "blkio-weight"
                                      << "500"
                                      << "500";
        QTest::newRow("blkio weight 1001") << "blkio-weight"
                                           << "1001"
                                           << "";
        QTest::newRow("pids") << "pids"
                              << "200"
                              << "200";
        QTest::newRow("pids max") << "pids"
                                  << "max"
                                  << "max";
        QTest::newRow("pids zero") << "pids"
                                   << "0"
                                   << "";
        QTest::newRow("cpuset") << "cpuset"
                                << "0-1,3"
                                << "0-1,3";
        QTest::newRow("cpuset junk") << "cpuset"
                                     << "0-1;rm"
                                     << "";
        QTest::newRow("cpuset empty") << "cpuset"
                                      << ""
                                      << "";
        QTest::newRow("unknown") << "nosuch"
                                 << "1"
                                 << "";
    }
    void limits()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const auto parsed = limitValue(option, value);
        QCOMPARE(parsed.has_value(), !expected.isEmpty());
        if (parsed)
            QCOMPARE(*parsed, expected);
    }

    void everyLimitOptionMapsToAKey()
    {
        QStringList keys;
        for (const auto& option : limitOptions())
            keys << QString::fromUtf8(berth::model::wireKey(option.key));
        QCOMPARE(keys, (QStringList{"memory.max", "memory.high", "memory.swap.max", "cpu.max", "cpu.weight",
                                    "cpuset.cpus", "pids.max", "io.weight", "cpu.shares", "blkio.weight"}));
    }

    void exitCodes_data()
    {
        using berth::client::ErrorKind;
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::newRow("invalid") << int(ErrorKind::InvalidArgument) << 2;
        QTest::newRow("not authorized") << int(ErrorKind::NotAuthorized) << 3;
        QTest::newRow("not found") << int(ErrorKind::NotFound) << 4;
        QTest::newRow("busy") << int(ErrorKind::Busy) << 5;
        QTest::newRow("no helper") << int(ErrorKind::NoHelper) << 6;
        QTest::newRow("exists") << int(ErrorKind::AlreadyExists) << 1;
        QTest::newRow("failed") << int(ErrorKind::Failed) << 1;
        QTest::newRow("changed") << int(ErrorKind::Changed) << 1;
    }
    void exitCodes()
    {
        QFETCH(int, kind);
        QFETCH(int, code);
        QCOMPARE(exitCodeFor(berth::client::ErrorKind(kind)), code);
    }

    // exec's command that never started: 127 and 126 as a shell, else the kind's code.
    void execExitCodes()
    {
        using berth::client::clientError;
        QCOMPARE(exitCodeForExec(clientError(QStringLiteral("org.berth.Error.CommandNotFound"), {})), 127);
        QCOMPARE(exitCodeForExec(clientError(QStringLiteral("org.berth.Error.CommandNotRunnable"), {})), 126);
        QCOMPARE(exitCodeForExec(clientError(QStringLiteral("org.berth.Error.Failed"), {})), 1);
        QCOMPARE(exitCodeForExec(clientError(QStringLiteral("org.berth.Error.NotFound"), {})), 4);
    }

    void commandStatus()
    {
        QCOMPARE(exitCodeForStatus(7, 0), 7);
        QCOMPARE(exitCodeForStatus(137, 9), 137);
        QCOMPARE(exitCodeForStatus(0, 15), 143);
        QCOMPARE(exitCodeForStatus(256 + 3, 0), 3);
    }

    // lxc-start -l's names, in any case; anything else is a usage error naming it.
    void logLevels_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("level"); // -1: refused
        QTest::newRow("FATAL") << "FATAL" << int(LogLevel::Fatal);
        QTest::newRow("ALERT") << "ALERT" << int(LogLevel::Alert);
        QTest::newRow("CRIT") << "CRIT" << int(LogLevel::Crit);
        QTest::newRow("ERROR") << "ERROR" << int(LogLevel::Error);
        QTest::newRow("WARN") << "WARN" << int(LogLevel::Warn);
        QTest::newRow("NOTICE") << "NOTICE" << int(LogLevel::Notice);
        QTest::newRow("INFO") << "INFO" << int(LogLevel::Info);
        QTest::newRow("DEBUG") << "DEBUG" << int(LogLevel::Debug);
        QTest::newRow("TRACE") << "TRACE" << int(LogLevel::Trace);
        QTest::newRow("lower case") << "info" << int(LogLevel::Info);
        QTest::newRow("mixed case") << "Warn" << int(LogLevel::Warn);
        QTest::newRow("unknown") << "BOGUS" << -1;
        QTest::newRow("syslog's name") << "WARNING" << -1;
        QTest::newRow("number") << "3" << -1;
        QTest::newRow("empty") << "" << -1;
    }
    void logLevels()
    {
        QFETCH(QString, text);
        QFETCH(int, level);
        const auto parsed = parseLogLevel(text);
        QCOMPARE(parsed.has_value(), level >= 0);
        if (parsed)
            QCOMPARE(int(*parsed), level);
        else
            QVERIFY2(parsed.error().contains(QLatin1Char('\'') + text + QLatin1Char('\'')) &&
                         parsed.error().contains(QLatin1String("DEBUG")),
                     qPrintable(parsed.error()));
    }
    void logLevelNamesRoundTrip()
    {
        for (int level = int(LogLevel::Trace); level <= int(LogLevel::Fatal); ++level)
            QCOMPARE(int(*parseLogLevel(logLevelName(LogLevel(level)))), level);
    }

    void logLine()
    {
        const QDateTime when(QDate(2026, 12, 6), QTime(19, 1, 6, 123), Qt::UTC);
        QCOMPARE(logLineText(when, LogLevel::Warn, QStringLiteral("config: line 3")),
                 QStringLiteral("2026-12-06T19:01:06.123Z WARN config: line 3\n"));
        // A message of several lines is one event, one line.
        QCOMPARE(logLineText(when, LogLevel::Error, QStringLiteral("c failed to start: first\nsecond\n")),
                 QStringLiteral("2026-12-06T19:01:06.123Z ERROR c failed to start: first second\n"));
    }

    // -o appends (as lxc-start), creates the file under the umask and
    // leaves out what is below the level.
    void logFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("start.log"));
        QFile before(path);
        QVERIFY(before.open(QIODevice::WriteOnly));
        before.write("earlier\n");
        before.close();
        {
            auto log = StartLog::openFile(path, LogLevel::Warn);
            QVERIFY(log && log->isFile());
            log->write(LogLevel::Info, QStringLiteral("left out"));
            log->write(LogLevel::Warn, QStringLiteral("kept warning"));
            log->write(LogLevel::Fatal, QStringLiteral("kept fatal"));
        }
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = after.readAll().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QByteArray("earlier"));
        QVERIFY2(lines[1].endsWith(" WARN kept warning"), lines[1].constData());
        QVERIFY2(lines[2].endsWith(" FATAL kept fatal"), lines[2].constData());

        const mode_t previous = ::umask(027);
        const auto created = StartLog::openFile(dir.filePath(QStringLiteral("new.log")), LogLevel::Error);
        ::umask(previous);
        QVERIFY(created);
        struct stat st {};
        QCOMPARE(::stat(qPrintable(dir.filePath(QStringLiteral("new.log"))), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));

        const auto refused = StartLog::openFile(dir.filePath(QStringLiteral("no/such/dir.log")), LogLevel::Error);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("no/such/dir.log")), qPrintable(refused.error()));
    }
};

QTEST_GUILESS_MAIN(TestCliParsers)
#include "test_cli_parsers.moc"
