// Limits, statistics and the freezer on running busybox containers: on
// this machine's cgroup v1 controllers, and (BERTH_EXPECT_V2) on cgroup v2
// inside user-mode Linux (tests/uml), where the same limits are written to
// the v2 files.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <thread>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;

namespace {

constexpr std::uint64_t MiB = 1024 * 1024;

#ifdef BERTH_EXPECT_V2
constexpr bool kHierarchyPerController = false;
constexpr const char* kFreezerFile = "cgroup.freeze";
#else
constexpr bool kHierarchyPerController = true;
constexpr const char* kFreezerFile = "freezer.state";
#endif

// The test's cgroup parent where `controller` is.
std::filesystem::path cgroupDir(const std::string& controller)
{
    const std::filesystem::path root = "/sys/fs/cgroup";
    return (kHierarchyPerController ? root / controller : root) / IntegrationEnvironment::instance().cgroupParent();
}

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestResources : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    void createApp(const std::string& name, const std::string& script, const std::string& configLines = {})
    {
        auto created =
            m_engine.create({.name = name, .kind = ContainerKind::Application, .command = {"/bin/sh", "-c", script}});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        if (!configLines.empty())
            std::ofstream(m_engine.settings().paths.configFile(name), std::ios::app) << configLines;
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
    }

    std::optional<ContainerStats> statsOf(const std::string& name)
    {
        auto all = m_engine.stats();
        if (!all)
            return std::nullopt;
        for (const ContainerStats& stats : *all)
            if (stats.name == name)
                return stats;
        return std::nullopt;
    }

    // Waits for `needle` in the container's console log.
    bool logShows(const std::string& name, const std::string& needle, std::chrono::milliseconds timeout = 10s)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (readConsoleLog(m_engine, name).find(needle) != std::string::npos)
                return true;
            std::this_thread::sleep_for(50ms);
        }
        return false;
    }

private slots:
    void memoryLimitOomKills()
    {
        createApp("oom", "dd if=/dev/zero of=/dev/null bs=100M count=1; echo dd-status=$?; sleep 1000",
                  "lxc.cgroup.memory.limit_in_bytes = 32M\n");
        QVERIFY2(logShows("oom", "dd-status="), readConsoleLog(m_engine, "oom").c_str());
        QVERIFY2(readConsoleLog(m_engine, "oom").find("dd-status=137") != std::string::npos,
                 readConsoleLog(m_engine, "oom").c_str());
        auto stats = statsOf("oom");
        QVERIFY(stats);
        QCOMPARE(stats->memoryLimit, 32 * MiB);
        QVERIFY(stats->oomKills >= 1);
        QVERIFY(m_engine.destroy("oom", true));
    }

    void cpuQuotaHoldsABusyLoop()
    {
        createApp("busy", "while :; do :; done", "lxc.cgroup2.cpu.max = 20000 100000\n");
        auto first = statsOf("busy");
        QVERIFY(first);
        std::this_thread::sleep_for(2s);
        auto second = statsOf("busy");
        QVERIFY(second);
        const double cores =
            double(second->cpuUsageNs - first->cpuUsageNs) / double(second->timestampNs - first->timestampNs);
        // 0.2 cores, with loose bounds: a ratio of CPU time to wall time.
        QVERIFY2(cores > 0.05 && cores < 0.4, std::to_string(cores).c_str());
        QVERIFY(second->cpuQuota);
        QVERIFY(std::abs(second->cpuQuota->cores - 0.2) < 1e-9);
        QVERIFY(second->cpuThrottledNs > 0);
        QVERIFY(m_engine.destroy("busy", true));
    }

    void pidsLimitStopsAForkBomb()
    {
        // The bomb runs in a child shell: when fork fails it gives up, and the
        // outer shell needs no fork to report and wait.
        createApp("forks", "sh -c 'for i in $(seq 60); do sleep 1000 & done'; echo forked; exec sleep 1000",
                  "lxc.cgroup.pids.max = 20\n");
        QVERIFY2(logShows("forks", "forked"), readConsoleLog(m_engine, "forks").c_str());
        auto stats = statsOf("forks");
        QVERIFY(stats);
        QCOMPARE(stats->pidsLimit, std::uint64_t(20));
        QVERIFY2(stats->pidsCurrent <= 20 && stats->pidsCurrent >= 15, std::to_string(stats->pidsCurrent).c_str());
        QVERIFY(readConsoleLog(m_engine, "forks").find("can't fork") != std::string::npos);
        QVERIFY(m_engine.destroy("forks", true));
    }

    void liveChangeTakesEffectAndPersists()
    {
        createApp("live", "sleep 1000");
        Limits limits;
        limits.memoryMax = 64 * MiB;
        limits.pidsMax = 50;
        limits.cpuWeight = 200;
        auto set = m_engine.setLimits("live", limits);
        QVERIFY2(set, set ? "" : set.error().describe().c_str());
        auto stats = statsOf("live");
        QVERIFY(stats);
        QCOMPARE(stats->memoryLimit, 64 * MiB);
        QCOMPARE(stats->pidsLimit, std::uint64_t(50));
        // Persisted: the config says so, and the engine reads it back.
        auto stored = m_engine.limits("live");
        QVERIFY(stored);
        QCOMPARE(stored->memoryMax, std::optional<std::uint64_t>(64 * MiB));
        QCOMPARE(stored->pidsMax, std::optional<std::uint64_t>(50));
        QCOMPARE(stored->cpuWeight, std::optional<std::uint32_t>(200));

        // Raising it again works live too, and leaves the rest alone.
        Limits more;
        more.memoryMax = 128 * MiB;
        QVERIFY(m_engine.setLimits("live", more));
        QCOMPARE(statsOf("live")->memoryLimit, 128 * MiB);
        QCOMPARE(m_engine.limits("live")->pidsMax, std::optional<std::uint64_t>(50));
        QVERIFY(m_engine.destroy("live", true));
    }

    void badLimitsChangeNothing_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("cpuset beyond the host") << 0;
        QTest::newRow("memory below 4 MiB") << 1;
        QTest::newRow("memory above the host") << 2;
        QTest::newRow("weight out of range") << 3;
        QTest::newRow("io device that does not exist") << 4;
    }

    void badLimitsChangeNothing()
    {
        QFETCH(int, which);
        createApp("strict", "sleep 1000", "lxc.cgroup2.memory.max = 96M\n");
        const std::string configBefore = readText(m_engine.settings().paths.configFile("strict"));
        Limits bad;
        switch (which) {
        case 0:
            bad.cpus = "0-511";
            break;
        case 1:
            bad.memoryMax = 1 * MiB;
            break;
        case 2:
            bad.memoryMax = std::uint64_t(1) << 50;
            break;
        case 3:
            bad.cpuWeight = 20000;
            break;
        default:
            bad.ioDevices.push_back({.major = 250, .minor = 77, .readBps = 1 * MiB});
            break;
        }
        auto set = m_engine.setLimits("strict", bad);
        QVERIFY(!set);
        QCOMPARE(set.error().code, EINVAL);
        QCOMPARE(readText(m_engine.settings().paths.configFile("strict")), configBefore);
        QCOMPARE(statsOf("strict")->memoryLimit, 96 * MiB);
        QVERIFY(m_engine.destroy("strict", true));
    }

#if !defined(BERTH_EXPECT_V2)
    // v1 only: cgroup2's memory.max takes a value below the usage and the
    // kernel OOM-kills what it cannot reclaim, with no set victim.
    void kernelRefusalKeepsTheOldLimit()
    {
        // dd holds its 48 MiB buffer while it blocks writing to a pipe nobody
        // reads; no swap on the host: v1 cannot reclaim it, so a limit below
        // it is refused by the kernel itself.
        createApp("holder", "dd if=/dev/zero bs=48M count=1 2>/dev/null | (echo holding; sleep 1000)",
                  "lxc.cgroup2.memory.max = 256M\n");
        QVERIFY(logShows("holder", "holding"));
        for (int i = 0; i < 200 && statsOf("holder")->memoryCurrent < 40 * MiB; ++i)
            std::this_thread::sleep_for(20ms);
        QVERIFY(statsOf("holder")->memoryCurrent >= 40 * MiB);
        const std::string configBefore = readText(m_engine.settings().paths.configFile("holder"));
        Limits tight;
        tight.memoryMax = 8 * MiB;
        auto set = m_engine.setLimits("holder", tight);
        QVERIFY(!set);
        QVERIFY2(set.error().describe().find("memory.limit_in_bytes") != std::string::npos,
                 set.error().describe().c_str());
        QCOMPARE(statsOf("holder")->memoryLimit, 256 * MiB);
        QCOMPARE(readText(m_engine.settings().paths.configFile("holder")), configBefore);
        QVERIFY(m_engine.destroy("holder", true));
    }
#endif

    void badConfiguredLimitsFailTheStart()
    {
        QVERIFY(m_engine.create({.name = "badcfg", .kind = ContainerKind::Application, .command = {"true"}}));
        std::ofstream(m_engine.settings().paths.configFile("badcfg"), std::ios::app) << "lxc.cgroup.cpu.shares = -5\n";
        auto started = m_engine.start("badcfg");
        QVERIFY(!started);
        QVERIFY2(started.error().describe().find("cpu.shares") != std::string::npos,
                 started.error().describe().c_str());
        QCOMPARE(m_engine.state("badcfg")->state, RunState::Stopped);
        QVERIFY(m_engine.destroy("badcfg"));
    }

    void freezeStopsAndThawResumes()
    {
        createApp("counter", "i=0; while :; do i=$((i+1)); echo $i > /tmp/count; done");
        const auto countFile = m_engine.settings().paths.rootfsDir("counter") / "tmp/count";
        std::this_thread::sleep_for(300ms);
        QVERIFY(m_engine.freeze("counter"));
        QCOMPARE(m_engine.state("counter")->state, RunState::Frozen);
        const std::string frozenAt = readText(countFile);
        std::this_thread::sleep_for(500ms);
        QCOMPARE(readText(countFile), frozenAt);
        QVERIFY(m_engine.thaw("counter"));
        QCOMPARE(m_engine.state("counter")->state, RunState::Running);
        // It counts on: wait for the file to change (the freeze may have
        // caught it between the truncation and the write, so compare, do not parse).
        bool advanced = false;
        std::string now;
        for (int i = 0; i < 250 && !advanced; ++i) {
            std::this_thread::sleep_for(20ms);
            now = readText(countFile);
            advanced = !now.empty() && now != frozenAt;
        }
        const auto freezer = cgroupDir("freezer") / "counter" / kFreezerFile;
        QVERIFY2(advanced, ("count stayed '" + frozenAt + "' -> '" + now + "', freezer " + readText(freezer)).c_str());
        // A command cannot join a frozen container (it would freeze with it
        // and its caller wait without a word): refused, saying why.
        QVERIFY(m_engine.freeze("counter"));
        ExecRequest request;
        request.argv = {"true"};
        auto exec = m_engine.exec("counter", request);
        const bool refused = !exec && exec.error().code == EBUSY &&
                             exec.error().describe().find("frozen: unfreeze (thaw) it first") != std::string::npos;
        // A frozen container still stops: the monitor thaws it first.
        QVERIFY(m_engine.stop("counter", 5s));
        QVERIFY2(refused, exec ? "exec ran" : exec.error().describe().c_str());
        QVERIFY(m_engine.destroy("counter"));
    }
};

BERTH_INTEGRATION_MAIN(TestResources)
#include "test_resources.moc"
