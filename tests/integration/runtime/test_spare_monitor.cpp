// A berth-monitor kept ready ahead of the next start (EngineSettings::
// spareMonitor, runtime/spare_monitor.h): starts go through it, a
// command override reaches it, a spare that died is replaced by a fresh
// monitor, and none is left once its engine is gone.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

using namespace berth;
using namespace berth::test;

namespace {

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The berth-monitor processes of this test's state root, by what they are
// called: "berth-spare" while waiting, "berth-monitor" once assigned.
std::vector<pid_t> monitorsCalled(const std::string& comm)
{
    const std::string root = IntegrationEnvironment::instance().stateRoot().string();
    std::vector<pid_t> found;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string pid = entry.path().filename();
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::string cmdline = readText(entry.path() / "cmdline");
        std::string name = readText(entry.path() / "comm");
        if (!name.empty() && name.back() == '\n')
            name.pop_back();
        if (name == comm && cmdline.find(std::string("\0--root\0", 8) + root + '\0') != std::string::npos)
            found.push_back(static_cast<pid_t>(std::stoi(pid)));
    }
    return found;
}

// Monitors of this root started as spares, waiting or serving a container.
std::size_t startedAsSpares()
{
    std::size_t count = 0;
    const std::string root = IntegrationEnvironment::instance().stateRoot().string();
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string cmdline = readText(entry.path() / "cmdline");
        if (cmdline.find(std::string("\0--assignment-fd\0", 17)) != std::string::npos &&
            cmdline.find(std::string("\0--root\0", 8) + root + '\0') != std::string::npos)
            ++count;
    }
    return count;
}

// A spare exits when it reads the end of its assignment, a served
// container's monitor soon after its lock is released: give them a moment.
bool waitNoSpare()
{
    for (int i = 0; i < 500 && startedAsSpares() > 0; ++i)
        QTest::qWait(10);
    return startedAsSpares() == 0;
}

// A process's nice value, field 19 of /proc/PID/stat (the 17th after its name).
int niceOf(pid_t pid)
{
    const std::string stat = readText("/proc/" + std::to_string(pid) + "/stat");
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 0; i < 17; ++i)
        fields >> field;
    return std::stoi(field);
}

// A spare is ready once it waits for its assignment under its own name.
std::vector<pid_t> waitForSpare()
{
    for (int i = 0; i < 500 && monitorsCalled("berth-spare").empty(); ++i)
        QTest::qWait(10);
    return monitorsCalled("berth-spare");
}

} // namespace

class TestSpareMonitor : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Engine> m_engine;

    Engine makeSpareEngine()
    {
        EngineSettings settings = IntegrationEnvironment::instance().engineSettings();
        settings.spareMonitor = true;
        return Engine(settings);
    }

    void createSleeper(const std::string& name)
    {
        QVERIFY(m_engine->create({.name = name, .kind = ContainerKind::Application, .command = {"sleep", "600"}}));
    }

    static void expectStarted(const Status& started)
    {
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
    }

    void stopAndDestroy(const std::string& name)
    {
        QVERIFY(m_engine->stop(name, std::chrono::seconds(5)));
        QVERIFY(m_engine->destroy(name));
    }

private Q_SLOTS:
    void init()
    {
        m_engine = std::make_unique<Engine>(makeSpareEngine());
        QVERIFY(waitNoSpare());
    }

    void cleanup()
    {
        m_engine.reset();
        QVERIFY2(waitNoSpare(), "a spare monitor outlived its engine");
    }

    // The first start makes a spare ready; the second start is its, and
    // the container runs as from a monitor of its own.
    void startsGoThroughTheSpare()
    {
        createSleeper("spare-a");
        createSleeper("spare-b");
        expectStarted(m_engine->start("spare-a"));
        const auto spares = waitForSpare();
        QCOMPARE(spares.size(), std::size_t(1));
        QCOMPARE(niceOf(spares.front()), 19); // it waits in what the machine has to spare
        expectStarted(m_engine->start("spare-b"));
        // The spare became spare-b's monitor (called so now) and a new one waits.
        auto state = m_engine->state("spare-b");
        QVERIFY(state);
        QCOMPARE(state->state, RunState::Running);
        QCOMPARE(state->monitorPid, spares.front());
        QVERIFY(state->initPid > 0);
        QCOMPARE(niceOf(state->monitorPid), 0); // assigned, it runs as any monitor
        QCOMPARE(niceOf(state->initPid), 0);
        const auto monitors = monitorsCalled("berth-monitor");
        QVERIFY(std::find(monitors.begin(), monitors.end(), spares.front()) != monitors.end());
        const auto next = waitForSpare();
        QCOMPARE(next.size(), std::size_t(1));
        QVERIFY(next.front() != spares.front());
        stopAndDestroy("spare-a");
        stopAndDestroy("spare-b");
    }

    // A command override (lxc-start NAME -- CMD) is part of the assignment.
    void commandOverrideReachesTheSpare()
    {
        QVERIFY(m_engine->create({.name = "spare-c", .kind = ContainerKind::Application, .command = {"true"}}));
        createSleeper("spare-warm");
        expectStarted(m_engine->start("spare-warm")); // makes the spare ready
        QCOMPARE(waitForSpare().size(), std::size_t(1));
        expectStarted(m_engine->start("spare-c", {.command = {"sh", "-c", "echo override with spaces"}}));
        QVERIFY(m_engine->waitStopped("spare-c", std::chrono::seconds(10)));
        QVERIFY(readConsoleLog(*m_engine, "spare-c").find("override with spaces") != std::string::npos);
        QVERIFY(m_engine->destroy("spare-c"));
        stopAndDestroy("spare-warm");
    }

    // A spare killed while it waits: the next start spawns its monitor itself.
    void deadSpareIsReplaced()
    {
        createSleeper("spare-d");
        createSleeper("spare-e");
        expectStarted(m_engine->start("spare-d"));
        const auto spares = waitForSpare();
        QCOMPARE(spares.size(), std::size_t(1));
        QCOMPARE(::kill(spares.front(), SIGKILL), 0);
        // Dead, its socket closed (a zombie: nobody reaps orphans here).
        const auto stat = std::filesystem::path("/proc") / std::to_string(spares.front()) / "stat";
        for (int i = 0; i < 500 && std::filesystem::exists(stat) && readText(stat).find(") Z ") == std::string::npos;
             ++i)
            QTest::qWait(10);
        expectStarted(m_engine->start("spare-e"));
        auto state = m_engine->state("spare-e");
        QVERIFY(state);
        QCOMPARE(state->state, RunState::Running);
        QCOMPARE(waitForSpare().size(), std::size_t(1));
        stopAndDestroy("spare-d");
        stopAndDestroy("spare-e");
    }
};

BERTH_INTEGRATION_MAIN(TestSpareMonitor)
#include "test_spare_monitor.moc"
