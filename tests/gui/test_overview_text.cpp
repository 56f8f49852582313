// The Overview's sentences (issue #19): how a run ended in words
// (137 → "killed by SIGKILL"), the status, the command to get in, what it
// uses and what it is allowed, in units and never as config keys.
#include "container_list_model.h"
#include "fake_container_source.h"
#include "overview_text.h"

#include <QtTest>

#include <csignal>

using berth::client::ContainerInfo;
using berth::gui::ContainerRow;
using berth::model::RunState;

namespace {

constexpr std::uint64_t MiB = 1024 * 1024;

ContainerRow row(RunState state)
{
    return ContainerRow{berth::test::FakeContainerSource::info(QStringLiteral("web"), state), std::nullopt,
                        std::nullopt, QString()};
}

} // namespace

class TestOverviewText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exitText_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << 0 << "exited normally";
        QTest::newRow("3") << 3 << "exited with code 3";
        QTest::newRow("127") << 127 << "exited with code 127";
        QTest::newRow("137") << 137 << "killed by SIGKILL (Force stop, or out of memory)";
        QTest::newRow("143") << 143 << "stopped by SIGTERM";
        QTest::newRow("139") << 128 + SIGSEGV << "killed by SIGSEGV";
        QTest::newRow("RTMIN+3") << 128 + SIGRTMIN + 3 << "stopped by SIGRTMIN+3";
        QTest::newRow("255") << 255 << "exited with code 255";
    }

    void exitText()
    {
        QFETCH(int, status);
        QFETCH(QString, text);
        QCOMPARE(berth::gui::exitText(status), text);
    }

    void statusText_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("startedAgo");
        QTest::addColumn<bool>("exited");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("text");
        QTest::newRow("running 2 h 14 min") << int(RunState::Running) << qint64(2 * 3600 + 14 * 60) << false << 0 << ""
                                            << "Running for 2 h 14 min";
        QTest::newRow("frozen") << int(RunState::Frozen) << qint64(60) << false << 0 << ""
                                << "Frozen: its processes are paused until you thaw it";
        QTest::newRow("never ran") << int(RunState::Stopped) << qint64(0) << false << 0 << ""
                                   << "Stopped";
        QTest::newRow("stopped normally") << int(RunState::Stopped) << qint64(0) << true << 0 << ""
                                          << "Stopped — last run: exited normally";
        QTest::newRow("force stopped") << int(RunState::Stopped) << qint64(0) << true << 137 << ""
                                       << "Stopped — last run: killed by SIGKILL (Force stop, or out of memory)";
        QTest::newRow("failed") << int(RunState::Stopped) << qint64(0) << true << 3 << ""
                                << "Stopped — last run ended with an error: exited with code 3";
        QTest::newRow("start failed") << int(RunState::Stopped) << qint64(0) << false << 0
                                      << "no cgroup hierarchy is mounted"
                                      << "Stopped — last run ended with an error: no cgroup hierarchy is mounted";
        QTest::newRow("starting") << int(RunState::Starting) << qint64(0) << false << 0 << ""
                                  << "Starting…";
    }

    void statusText()
    {
        QFETCH(int, state);
        QFETCH(qint64, startedAgo);
        QFETCH(bool, exited);
        QFETCH(int, code);
        QFETCH(QString, error);
        QFETCH(QString, text);
        const qint64 now = 1764090000;
        ContainerRow r = row(RunState(state));
        r.info.startedAt = startedAgo > 0 ? now - startedAgo : 0;
        r.info.hasExited = exited;
        r.info.lastExitCode = code;
        r.info.lastError = error;
        QCOMPARE(berth::gui::statusText(r, now), text);
    }

    void execCommand()
    {
        ContainerInfo info = berth::test::FakeContainerSource::info(QStringLiteral("web"), RunState::Running);
        info.kind = berth::model::ContainerKind::System;
        info.templateName = QStringLiteral("debian");
        QCOMPARE(berth::gui::execCommand(info), QStringLiteral("berthctl exec web -- bash"));
        info.templateName = QStringLiteral("busybox");
        QCOMPARE(berth::gui::execCommand(info), QStringLiteral("berthctl exec web -- sh"));
    }

    void usingText()
    {
        ContainerRow r = row(RunState::Running);
        QCOMPARE(berth::gui::usingText(r), QString());
        berth::client::ContainerStats stats;
        stats.memoryCurrent = 212 * MiB;
        stats.memoryLimit = 256 * MiB;
        stats.pidsCurrent = 12;
        stats.pidsLimit = 100;
        r.stats = stats;
        r.cpuPercent = 37.0;
        QCOMPARE(berth::gui::usingText(r),
                 QStringLiteral("CPU 37.0 % of one core · memory 212 MiB of 256 MiB · 12 processes of at most 100"));
        r.stats->memoryLimit = berth::client::kNoLimit;
        r.stats->pidsLimit = berth::client::kNoLimit;
        r.stats->pidsCurrent = 1;
        r.cpuPercent.reset();
        QCOMPARE(berth::gui::usingText(r), QStringLiteral("memory 212 MiB (no limit) · 1 process"));
    }

    void allowedLines_data()
    {
        QTest::addColumn<QString>("limits"); // GetContainer's limits, as the helper sends them
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("none") << "" << QStringList{"Memory: no limit", "CPU: no limit", "Processes: no limit"};
        QTest::newRow("memory and pids") << "memory.max=268435456;pids.max=100"
                                         << QStringList{"Memory up to 256 MiB", "CPU: no limit",
                                                        "At most 100 processes"};
        QTest::newRow("max is no limit") << "memory.max=max;pids.max=max"
                                         << QStringList{"Memory: no limit", "CPU: no limit", "Processes: no limit"};
        QTest::newRow("cpu") << "cpu.max=1.5;cpu.weight=200;cpuset.cpus=0-1"
                             << QStringList{"Memory: no limit", "CPU up to 1.5 cores",
                                            "CPU weight 200 when containers compete (100 is the default)",
                                            "Runs only on CPUs 0-1", "Processes: no limit"};
        QTest::newRow("soft memory and swap")
            << "memory.max=1073741824;memory.high=805306368;memory.swap.max=0"
            << QStringList{"Memory up to 1 GiB", "Memory above 768 MiB is reclaimed first", "Swap up to 0 B",
                           "CPU: no limit", "Processes: no limit"};
    }

    void allowedLines()
    {
        QFETCH(QString, limits);
        QFETCH(QStringList, lines);
        std::map<std::string, std::string> args;
        for (const QString& pair : limits.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            args.emplace(pair.section(QLatin1Char('='), 0, 0).toStdString(),
                         pair.section(QLatin1Char('='), 1).toStdString());
        // None at all is no limit (parseLimitArgs wants at least one).
        const auto parsed = args.empty() ? std::expected<berth::model::Limits, berth::model::LimitProblem>()
                                         : berth::model::parseLimitArgs(args);
        QVERIFY(parsed);
        const QStringList got = berth::gui::allowedLines(*parsed);
        QCOMPARE(got, lines);
        for (const QString& line : got)
            QVERIFY2(!line.contains(QLatin1Char('.')) || line.contains(QLatin1String("1.5")), qPrintable(line));
    }

    // Issue #19: the addresses shown are the ones in use, never a
    // reservation while it is stopped.
    void addressesAsTheyAre()
    {
        berth::client::ContainerInfo info;
        QCOMPARE(berth::gui::addressesText(info), QStringLiteral("No network: loopback only"));
        info.interfaces.resize(1);
        info.reservedAddresses = {QStringLiteral("10.0.3.20/24")};
        QCOMPARE(berth::gui::addressesText(info),
                 QStringLiteral("None while it is not running (reserved: 10.0.3.20/24)"));
        info.state = berth::model::RunState::Running;
        QCOMPARE(berth::gui::addressesText(info), QStringLiteral("No address yet"));
        info.addresses = {QStringLiteral("10.0.3.57/24")};
        info.addressInterfaces = {QStringLiteral("eth0")};
        QCOMPARE(berth::gui::addressesText(info), QStringLiteral("10.0.3.57/24 on eth0"));
    }

    void kindAndForwards()
    {
        QCOMPARE(berth::gui::kindText(berth::model::ContainerKind::Application),
                 QStringLiteral("Application container: runs one command"));
        QCOMPARE(berth::gui::forwardText(QStringLiteral("tcp:8080:80")),
                 QStringLiteral("host port 8080 → port 80 (TCP)"));
        QCOMPARE(berth::gui::forwardText(QStringLiteral("udp:127.0.0.1:5353:53")),
                 QStringLiteral("127.0.0.1 port 5353 → port 53 (UDP)"));
    }
};

QTEST_MAIN(TestOverviewText)
#include "test_overview_text.moc"
