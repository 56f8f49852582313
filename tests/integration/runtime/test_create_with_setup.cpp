// Engine::create with a CreateSetup, on the real kernel in the test's own
// network namespace: the address, forwards, limits, autostart, environment
// and extra lines land in the new config (and read back as given), and a
// setup that cannot hold on this host (a host port another container
// forwards, an address outside the network or held by another container, a
// limit this kernel has no file for, a cancel) leaves nothing: no
// container directory, no staging directory, no run directory, no lock.
// Also Engine::setAutostart, which edits lxc.start.auto alone, and
// Engine::setConfig's compare-and-set. And the monitor of a container
// marked berth.remove_when_stopped runs the wake command when it stopped.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include "berth/config.h"
#include "cgroup/layout.h"

#include <QtTest/QtTest>

#include <atomic>
#include <filesystem>
#include <fstream>

using namespace berth;
using namespace berth::test;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// Gone, or a zombie nobody reaped.
bool processEnded(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(stat, text))
        return true;
    const auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] == 'Z';
}

CreateRequest busybox(const std::string& name, CreateSetup setup)
{
    return {.name = name,
            .kind = ContainerKind::Application,
            .command = {"sleep", "1000"},
            .network = "tcs0",
            .setup = std::move(setup)};
}

} // namespace

Q_DECLARE_METATYPE(berth::CreateSetup)

class TestCreateWithSetup : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    [[nodiscard]] const Paths& paths() const { return m_engine.settings().paths; }

    // Nothing of `name` anywhere Berth keeps containers.
    void verifyNothingLeft(const std::string& name)
    {
        QVERIFY2(!std::filesystem::exists(paths().containerDir(name)), name.c_str());
        QVERIFY(!std::filesystem::exists(paths().containerRunDir(name)));
        QVERIFY(!std::filesystem::exists(paths().lockFile(name)));
        for (const auto& entry : std::filesystem::directory_iterator(paths().containerDir(name).parent_path()))
            QVERIFY2(entry.path().filename().string().find(".staging-") != 0, entry.path().c_str());
        auto names = m_engine.list();
        QVERIFY(names && std::ranges::find(*names, name) == names->end());
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto created = m_engine.createNetwork({.name = "tcs0", .address = "10.0.52.1/24"});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
    }

    // A row that wrongly succeeded must not spoil the next one.
    void cleanup() { (void)m_engine.destroy("refused", true); }

    void cleanupTestCase()
    {
        for (const char* name : {"web", "other"})
            (void)m_engine.destroy(name, true);
        (void)m_engine.deleteNetwork("tcs0", true);
    }

    void setupLandsInTheConfig()
    {
        CreateSetup setup;
        setup.address = "10.0.52.20";
        setup.forwards = {"tcp:18080:80", "udp:15353:53"};
        setup.limits.memoryMax = 256 * kMiB;
        setup.limits.pidsMax = 100;
        setup.autostart = true;
        setup.environment = {"GREETING=hello"};
        setup.config = {{"lxc.init.cwd", "/tmp"}};
        auto created = m_engine.create(busybox("web", setup));
        QVERIFY2(created, created ? "" : created.error().describe().c_str());

        ConfigParseOptions options;
        auto config = Config::load(paths().configFile("web"), options);
        QVERIFY(config);
        QCOMPARE(config->getAll("lxc.net.0.ipv4.address"), std::vector<std::string>{"10.0.52.20/24"});
        QCOMPARE(config->get("lxc.start.auto"), std::optional<std::string>("1"));
        QCOMPARE(config->getAll("lxc.environment"), std::vector<std::string>{"GREETING=hello"});
        QCOMPARE(config->get("lxc.init.cwd"), std::optional<std::string>("/tmp"));
        QVERIFY(!config->get("berth.remove_when_stopped"));
        auto forwards = m_engine.forwards("web");
        QVERIFY(forwards);
        QCOMPARE(*forwards, (std::vector<std::string>{"tcp:18080:80", "udp:15353:53"}));
        auto limits = m_engine.limits("web");
        QVERIFY(limits);
        QCOMPARE(limits->memoryMax, std::optional<std::uint64_t>(256 * kMiB));
        QCOMPARE(limits->pidsMax, std::optional<std::uint64_t>(100));
        QVERIFY(!limits->cpuQuota && !limits->cpuWeight && !limits->cpuShares && !limits->swapMax);
    }

    void emptySetupWritesNothingMore()
    {
        auto created = m_engine.create(busybox("other", {}));
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        const std::string text = readText(paths().configFile("other"));
        for (const char* key : {"ipv4.address", "berth.net.forward", "lxc.start.auto", "lxc.environment", "lxc.cgroup",
                                "berth.remove_when_stopped"})
            QVERIFY2(text.find(key) == std::string::npos, key);
        QVERIFY(m_engine.destroy("other"));
    }

    void refusedSetupLeavesNothing_data()
    {
        QTest::addColumn<CreateSetup>("setup");
        QTest::addColumn<int>("code"); // 0: any
        CreateSetup port;
        port.forwards = {"tcp:18080:81"}; // web forwards 18080
        QTest::newRow("host port of another container") << port << EEXIST;
        CreateSetup outside;
        outside.address = "10.0.99.5";
        QTest::newRow("address outside the network") << outside << EINVAL;
        CreateSetup gateway;
        gateway.address = "10.0.52.1";
        QTest::newRow("the network's own address") << gateway << EINVAL;
        CreateSetup held;
        held.address = "10.0.52.20/24"; // web's
        QTest::newRow("address held by another container") << held << EEXIST;
        CreateSetup twice;
        twice.forwards = {"tcp:18090:80", "tcp:18090:81"};
        QTest::newRow("one host port twice") << twice << 0;
        CreateSetup badForward;
        badForward.forwards = {"tcp:nope"};
        QTest::newRow("unreadable forward") << badForward << EINVAL;
        CreateSetup badEnvironment;
        badEnvironment.environment = {"NOEQUALS"};
        QTest::newRow("environment line without =") << badEnvironment << 0;
        CreateSetup memory;
        memory.limits.memoryMax = 1; // below any kernel's minimum
        QTest::newRow("limit out of range") << memory << 0;
        // A v2 weight on a v1 host whose blkio has no weight file (no CFQ):
        // no file for it (this test machine's case).
        auto layout = cgroup::detectLayout();
        if (layout && layout->mode != cgroup::Mode::Unified &&
            !std::filesystem::exists("/sys/fs/cgroup/blkio/blkio.weight")) {
            CreateSetup io;
            io.limits.ioWeight = 100;
            QTest::newRow("io.weight on cgroup v1") << io << 0;
        }
    }

    void refusedSetupLeavesNothing()
    {
        QFETCH(CreateSetup, setup);
        QFETCH(int, code);
        auto created = m_engine.create(busybox("refused", setup));
        QVERIFY(!created);
        if (code != 0)
            QCOMPARE(created.error().code, code);
        verifyNothingLeft("refused");
    }

    void addressWithoutNetworkIsRefused()
    {
        CreateRequest request = busybox("refused", {});
        request.network.clear();
        request.setup.address = "10.0.52.30";
        auto created = m_engine.create(request);
        QVERIFY(!created);
        QCOMPARE(created.error().code, EINVAL);
        verifyNothingLeft("refused");
    }

    void cancelLeavesNothing()
    {
        CreateSetup setup;
        setup.address = "10.0.52.31";
        setup.forwards = {"tcp:18091:80"};
        std::atomic<bool> cancel{true};
        auto created = m_engine.create(busybox("refused", setup), Progress({}, &cancel));
        QVERIFY(!created);
        QCOMPARE(created.error().code, ECANCELED);
        verifyNothingLeft("refused");
    }

    void setAutostartChangesThatKeyAlone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("expected");
        const QString head = QStringLiteral("# web server\nlxc.uts.name = web\n");
        QTest::newRow("appended") << head << true << head + "lxc.start.auto = 1\n";
        QTest::newRow("replaced in place") << head + "lxc.start.auto = 1\nlxc.start.order = 20\n"
                                           << false << head + "lxc.start.auto = 0\nlxc.start.order = 20\n";
        QTest::newRow("comment left alone") << head + "# lxc.start.auto = 0\n"
                                            << true << head + "# lxc.start.auto = 0\nlxc.start.auto = 1\n";
        QTest::newRow("longer key left alone") << head + "berth.start.autox = 0\n"
                                               << true << head + "berth.start.autox = 0\nlxc.start.auto = 1\n";
        QTest::newRow("earlier copies dropped")
            << head + "lxc.start.auto = 0\nlxc.start.delay = 5\nlxc.start.auto = 0\n"
            << true << head + "lxc.start.delay = 5\nlxc.start.auto = 1\n";
    }

    void setAutostartChangesThatKeyAlone()
    {
        QFETCH(QString, text);
        QFETCH(bool, enabled);
        QFETCH(QString, expected);
        const std::string original = readText(paths().configFile("web"));
        std::ofstream(paths().configFile("web"), std::ios::trunc) << text.toStdString();
        auto set = m_engine.setAutostart("web", enabled);
        const std::string after = readText(paths().configFile("web"));
        std::ofstream(paths().configFile("web"), std::ios::trunc) << original;
        QVERIFY2(set, set ? "" : set.error().describe().c_str());
        QCOMPARE(QString::fromStdString(after), expected);
    }

    // Issue #19: an editor's save is a compare-and-set under the lock; a
    // config changed since the editor read it (SetLimits, autostart) stays.
    void setConfigBasedOnAnOlderTextIsRefused()
    {
        const std::string original = readText(paths().configFile("web"));
        const std::string edited = original + "lxc.start.delay = 3\n";
        auto first = m_engine.setConfig("web", edited, original);
        QVERIFY2(first, first ? "" : first.error().describe().c_str());
        QCOMPARE(readText(paths().configFile("web")), edited);
        // A second editor that read `original` too.
        auto stale = m_engine.setConfig("web", original + "lxc.start.delay = 9\n", original);
        const std::string after = readText(paths().configFile("web"));
        std::ofstream(paths().configFile("web"), std::ios::trunc) << original;
        QVERIFY(!stale);
        QCOMPARE(stale.error().code, ESTALE);
        QVERIFY(stale.error().changedSinceRead);
        QVERIFY2(stale.error().message.find("'web'") != std::string::npos, stale.error().message.c_str());
        QCOMPARE(after, edited);
    }

    // Issue #20: once a container marked for removal has stopped, its
    // monitor runs the engine's wake command (the helper's: a bus message
    // that starts a helper to remove it); an unmarked one's does not.
    void markedContainerRunsTheWakeCommand_data()
    {
        QTest::addColumn<bool>("marked");
        QTest::newRow("marked") << true;
        QTest::newRow("unmarked") << false;
    }
    void markedContainerRunsTheWakeCommand()
    {
        QFETCH(bool, marked);
        const std::string name = marked ? "woken" : "unwoken";
        const std::filesystem::path woken = paths().root() / (name + ".woke");
        EngineSettings settings = m_engine.settings();
        settings.wakeCommand = {"/usr/bin/touch", woken.string()};
        Engine engine(settings);
        CreateSetup setup;
        setup.removeWhenStopped = marked;
        auto created = engine.create(
            {.name = name, .kind = ContainerKind::Application, .command = {"sleep", "1"}, .setup = setup});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        auto started = engine.start(name, {});
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        auto running = engine.state(name);
        QVERIFY(running && running->monitorPid > 0);
        auto stopped = engine.waitStopped(name, std::chrono::seconds(60));
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        // It wakes after letting go of its lock, just before it exits (a
        // zombie: this machine's PID 1 may not reap).
        QTRY_VERIFY_WITH_TIMEOUT(processEnded(running->monitorPid), 10000);
        QCOMPARE(std::filesystem::exists(woken), marked);
        QVERIFY(engine.destroy(name));
    }

    void setAutostartOfAMissingContainer()
    {
        auto set = m_engine.setAutostart("nosuch", true);
        QVERIFY(!set);
        QCOMPARE(set.error().code, ENOENT);
    }
};

BERTH_INTEGRATION_MAIN(TestCreateWithSetup)
#include "test_create_with_setup.moc"
