// berthctl's output: tables, progress text, the detach sequence, views.
#include "escape_detector.h"
#include "line_ends.h"
#include "table.h"
#include "views.h"

#include "berth/model/progress_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace berth::cli;
using berth::client::ContainerInfo;
using berth::client::ContainerStats;

class TestCliOutput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Wide characters count twice, so Chinese headers still line up.
    void tablesAlignWideText()
    {
        QCOMPARE(displayWidth(QStringLiteral("名称")), qsizetype(4));
        QCOMPARE(displayWidth(QStringLiteral("web-1")), qsizetype(5));
        const QString table = formatTable({QStringLiteral("名称"), QStringLiteral("状态")},
                                          {{QStringLiteral("web"), QStringLiteral("running")}});
        QCOMPARE(table, QStringLiteral("名称  状态\nweb   running\n"));
    }

    // Console output for a pipe: CR LF becomes LF, also across pieces.
    void lineEndsFolded()
    {
        QByteArray pending;
        QCOMPARE(foldLineEnds(pending, "a\r\nb\r"), QByteArray("a\nb"));
        QCOMPARE(pending, QByteArray("\r"));
        QCOMPARE(foldLineEnds(pending, "\nc\rd"), QByteArray("\nc\rd")); // a lone CR stays
        QVERIFY(pending.isEmpty());
        QCOMPARE(foldLineEnds(pending, ""), QByteArray());
    }

    void tables_data()
    {
        QTest::addColumn<QStringList>("headers");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QStringList{"NAME", "STATE"} << QList<QStringList>{} << "NAME  STATE\n";
        QTest::newRow("aligned") << QStringList{"NAME", "STATE", "PID"}
                                 << QList<QStringList>{{"web", "running", "42"}, {"database-1", "stopped", "-"}}
                                 << "NAME        STATE    PID\nweb         running  42\ndatabase-1  stopped  -\n";
        QTest::newRow("short row, no trailing blanks")
            << QStringList{"A", "B"} << QList<QStringList>{{"x"}} << "A  B\nx\n";
        QTest::newRow("wide last column")
            << QStringList{"K", "V"} << QList<QStringList>{{"a", "a long value"}} << "K  V\na  a long value\n";
    }
    void tables()
    {
        QFETCH(QStringList, headers);
        QFETCH(QList<QStringList>, rows);
        QFETCH(QString, expected);
        QCOMPARE(formatTable(headers, rows), expected);
    }

    void progressBars_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<QString>("step");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("expected");
        QTest::newRow("start") << 0.0 << "" << 80 << "[....................]   0%";
        QTest::newRow("half") << 0.5 << "unpacking" << 80 << "[##########..........]  50%  unpacking";
        QTest::newRow("done") << 1.0 << "done" << 80 << "[####################] 100%  done";
        QTest::newRow("clamped") << 1.7 << "" << 80 << "[####################] 100%";
        QTest::newRow("unknown") << -1.0 << "debootstrap" << 80 << "[         ...        ]       debootstrap";
        QTest::newRow("truncated") << 0.25 << "a long step name" << 30 << "[#####...............]  25%  a";
        // Cut between characters, never inside one (UTF-8).
        QTest::newRow("truncated between characters")
            << 0.25 << QStringLiteral("\u00fcber") << 30 << QStringLiteral("[#####...............]  25%  \u00fc");
    }
    void progressBars()
    {
        QFETCH(double, fraction);
        QFETCH(QString, step);
        QFETCH(int, width);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(berth::model::progressBarText(fraction, step.toStdString(), width)), expected);
    }

    void progressLines()
    {
        using berth::model::progressLineText;
        QCOMPARE(progressLineText(0.45, "unpacking"), std::string("45% unpacking"));
        QCOMPARE(progressLineText(-1, "unpacking"), std::string("unpacking"));
        QCOMPARE(progressLineText(1, ""), std::string("100%"));
    }

    void escapes_data()
    {
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QByteArray>("passed");
        QTest::addColumn<bool>("detached");
        QTest::newRow("plain") << QList<QByteArray>{"ls\r"} << QByteArray("ls\r") << false;
        QTest::newRow("detach") << QList<QByteArray>{"ab\x01q"} << QByteArray("ab") << true;
        QTest::newRow("bytes after detach dropped") << QList<QByteArray>{"\x01qrest"} << QByteArray() << true;
        QTest::newRow("split over reads") << QList<QByteArray>{"a\x01", "q"} << QByteArray("a") << true;
        QTest::newRow("literal ctrl-a") << QList<QByteArray>{"\x01\x01x"} << QByteArray("\x01x") << false;
        QTest::newRow("ctrl-a other") << QList<QByteArray>{"\x01z"} << QByteArray("\x01z") << false;
        QTest::newRow("q alone") << QList<QByteArray>{"q"} << QByteArray("q") << false;
        QTest::newRow("pending at end") << QList<QByteArray>{"x\x01"} << QByteArray("x") << false;
    }
    void escapes()
    {
        QFETCH(QList<QByteArray>, chunks);
        EscapeDetector detector;
        QByteArray passed;
        bool detached = false;
        for (const auto& chunk : chunks) {
            passed += detector.feed(chunk, &detached);
            if (detached)
                break;
        }
        QTEST(passed, "passed");
        QTEST(detached, "detached");
    }

    void containerJsonFields()
    {
        ContainerInfo info;
        info.name = QStringLiteral("web");
        info.state = berth::model::RunState::Running;
        info.pid = 42;
        info.addresses = {QStringLiteral("10.0.3.5/24")};
        info.limits.pidsMax = 100;
        info.startOrder = -3;
        info.startDelay = 5;
        info.waitLinks = {QStringLiteral("br0")};
        const auto json = containerJson(info);
        QCOMPARE(json.value(QStringLiteral("startOrder")).toInt(), -3);
        QCOMPARE(json.value(QStringLiteral("startDelay")).toInt(), 5);
        QCOMPARE(json.value(QStringLiteral("waitLinks")).toArray().first().toString(), QStringLiteral("br0"));
        QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("web"));
        QCOMPARE(json.value(QStringLiteral("pid")).toInt(), 42);
        QCOMPARE(json.value(QStringLiteral("addresses")).toArray().first().toString(), QStringLiteral("10.0.3.5/24"));
        QCOMPARE(json.value(QStringLiteral("limits")).toObject().value(QStringLiteral("pids.max")).toString(),
                 QStringLiteral("100"));
        QVERIFY(!json.contains(QStringLiteral("lastExitCode")));
        info.hasExited = true;
        QCOMPARE(containerJson(info).value(QStringLiteral("lastExitCode")).toInt(), 0);
    }

    // Warnings of the config (issue #14, item 9) are shown by `info`, one row each, and in its JSON.
    void containerWarnings()
    {
        ContainerInfo info{.name = QStringLiteral("web"), .state = berth::model::RunState::Stopped};
        QVERIFY(!containerDetails(info).contains(QLatin1String("Warning:")));
        QVERIFY(!containerJson(info).contains(QStringLiteral("warnings")));
        info.warnings = {QStringLiteral("config:4: lxc.apparmor.profile = 'x': AppArmor is not used by Berth"),
                         QStringLiteral("config:5: lxc.seccomp.profile = '/p': not applied")};
        const QString details = containerDetails(info);
        QVERIFY2(details.contains(QLatin1String("Warning:          config:4: lxc.apparmor.profile = 'x'")),
                 qPrintable(details));
        QVERIFY2(details.contains(QLatin1String("Warning:          config:5: lxc.seccomp.profile")),
                 qPrintable(details));
        QCOMPARE(containerJson(info).value(QStringLiteral("warnings")).toArray().size(), 2);
    }

    // Every label of `info` keeps a space before its value, in every row
    // (issue #19: "Reserved addresses:-" ran into its value).
    void detailsLabelsNeverTouchTheirValue()
    {
        ContainerInfo info{.name = QStringLiteral("web"), .state = berth::model::RunState::Running, .pid = 42};
        info.addresses = {QStringLiteral("10.0.3.57/24")};
        info.reservedAddresses = {QStringLiteral("10.0.3.20/24")};
        info.hasExited = true;
        info.lastError = QStringLiteral("x");
        info.warnings = {QStringLiteral("config:4: lxc.foo = 'x'")};
        for (const QString& line : containerDetails(info).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            QVERIFY2(colon > 0 && line.size() > colon + 1 && line.at(colon + 1) == QLatin1Char(' '), qPrintable(line));
        }
    }

    void containersTableText()
    {
        ContainerInfo running{.name = QStringLiteral("web"), .state = berth::model::RunState::Running, .pid = 42};
        running.kind = berth::model::ContainerKind::System;
        running.templateName = QStringLiteral("busybox");
        ContainerInfo stopped{.name = QStringLiteral("db"), .state = berth::model::RunState::Stopped};
        stopped.privileged = true;
        QCOMPARE(containersTable({running, stopped}),
                 QStringLiteral("NAME  STATE    PID  KIND    PRIV  TEMPLATE  ADDRESSES\n"
                                "web   running  42   system  no    busybox   -\n"
                                "db    stopped  -    -       yes   -         -\n"));
    }

    // info says whose IDs root inside has: a block of the host's, or the host's own.
    void userNamespaceLine()
    {
        ContainerInfo info{.name = QStringLiteral("web"), .state = berth::model::RunState::Stopped};
        info.idMap = QStringLiteral("u 0 1000000000 65536, g 0 1000000000 65536");
        info.rootfsIds = QStringLiteral("idmapped");
        info.hostUidFirst = 1000000000;
        info.hostUidCount = 65536;
        QString details = containerDetails(info);
        QVERIFY2(details.contains(QString::fromUtf8("User namespace:   host IDs 1000000000\u20131000065535 "
                                                    "(rootfs through an idmapped mount)\n")),
                 qPrintable(details));
        QVERIFY(!details.contains(QLatin1String("Privileged:")));
        info.rootfsIds = QStringLiteral("shifted");
        QVERIFY(containerDetails(info).contains(QLatin1String("(rootfs shifted into them once at creation)")));
        ContainerInfo privileged{.name = QStringLiteral("old"), .state = berth::model::RunState::Stopped};
        privileged.privileged = true;
        details = containerDetails(privileged);
        QVERIFY2(details.contains(QLatin1String("Privileged:       yes: root inside is root on the host\n")),
                 qPrintable(details));
        QCOMPARE(containerJson(privileged).value(QStringLiteral("privileged")).toBool(), true);
        QCOMPARE(containerJson(info).value(QStringLiteral("idmap")).toString(), info.idMap);
    }

    void statsNoLimitIsNull()
    {
        ContainerStats stats;
        stats.name = QStringLiteral("web");
        stats.memoryCurrent = 1024;
        const auto json = statsJson(stats);
        QVERIFY(json.value(QStringLiteral("memoryLimit")).isNull());
        QCOMPARE(json.value(QStringLiteral("memoryCurrent")).toDouble(), 1024.0);
        stats.pidsLimit = 100;
        QCOMPARE(statsJson(stats).value(QStringLiteral("pidsLimit")).toDouble(), 100.0);
    }

    void cpuPercents_data()
    {
        QTest::addColumn<qint64>("t0");
        QTest::addColumn<quint64>("cpu0");
        QTest::addColumn<qint64>("t1");
        QTest::addColumn<quint64>("cpu1");
        QTest::addColumn<double>("percent");
        QTest::newRow("one core busy") << qint64(0) << quint64(0) << qint64(1'000'000'000) << quint64(1'000'000'000)
                                       << 100.0;
        QTest::newRow("half") << qint64(1000) << quint64(500) << qint64(2000) << quint64(1000) << 50.0;
        QTest::newRow("no time passed") << qint64(5) << quint64(0) << qint64(5) << quint64(10) << -1.0;
        QTest::newRow("counter went back") << qint64(0) << quint64(100) << qint64(10) << quint64(50) << -1.0;
    }
    void cpuPercents()
    {
        QFETCH(qint64, t0);
        QFETCH(quint64, cpu0);
        QFETCH(qint64, t1);
        QFETCH(quint64, cpu1);
        ContainerStats before, after;
        before.timestampNs = t0;
        before.cpuUsageNs = cpu0;
        after.timestampNs = t1;
        after.cpuUsageNs = cpu1;
        QTEST(cpuPercent(before, after), "percent");
    }

    void statsTableText()
    {
        ContainerStats s;
        s.name = QStringLiteral("web");
        s.cpuUsageNs = 2'500'000'000;
        s.memoryCurrent = 512 * 1024 * 1024;
        s.pidsCurrent = 3;
        s.pidsLimit = 100;
        s.oomKills = 2;
        const QString text = statsTable({s}, {{QStringLiteral("web"), 12.5}});
        // Issue #16: the OOM kills of a memory limit are a column of their own.
        QVERIFY2(text.contains(QLatin1String("MEMORY / LIMIT  OOM KILLS  PIDS")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("web   12.5%  2.50s     512.0M / max    2          3/100")),
                 qPrintable(text));
    }

    void templatesTextShowsOptions()
    {
        berth::client::TemplateInfo info;
        info.name = QStringLiteral("debian");
        info.defaultKind = berth::model::ContainerKind::System;
        info.description = QStringLiteral("Debian");
        berth::client::TemplateOption release;
        release.key = QStringLiteral("release");
        release.type = QStringLiteral("choice");
        release.defaultValue = QStringLiteral("bookworm");
        release.choices = {QStringLiteral("bookworm"), QStringLiteral("trixie")};
        berth::client::TemplateOption archive;
        archive.key = QStringLiteral("archive");
        archive.type = QStringLiteral("file");
        archive.required = true;
        info.options = {release, archive};
        QCOMPARE(templatesText({info}),
                 QStringLiteral("debian (system)  Debian\n"
                                "    -o release=<choice> [default bookworm, one of bookworm|trixie]\n"
                                "    --file PATH (archive) [required]\n"));
        const auto json = templateJson(info);
        QCOMPARE(json.value(QStringLiteral("options")).toArray().size(), 2);
    }

    void jsonTextEndsWithNewline()
    {
        QVERIFY(jsonText(QJsonArray{}).endsWith(QLatin1Char('\n')));
        QCOMPARE(QJsonDocument::fromJson(jsonText(QJsonArray{1, 2}).toUtf8()).array().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliOutput)
#include "test_cli_output.moc"
