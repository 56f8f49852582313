// bench_helper: round trips of berth-helper's read calls (ListContainers,
// GetContainer) and of GetStats with N running busybox containers, the idle
// helper's memory and one berth-monitor's, side by side with LXC's tools
// (lxc-ls --fancy, lxc-info, the monitor of one `lxc-start -d` container).
// The helper runs as it ships: activated on a private bus (tests/system's
// harness) with the real polkitd. Needs root. Figures only, no thresholds.
//   bench_helper [--calls N] [--containers N]
#include "bench_bus.h"
#include "bench_env.h"
#include "command.h"
#include "system_bus.h"

#include "berth/engine.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using namespace berth;
using namespace berth::bench;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

struct Options {
    int calls = 200;
    int containers = 100;
};

struct Row {
    std::string what;
    std::vector<double> berthMs;
    std::vector<double> lxcMs;
    std::string lxcWhat;
};

struct Memory {
    long rssKiB = 0;
    long privateKiB = 0;
};

Result<int> parseCount(std::string_view flag, const char* text)
{
    const std::string_view value = text ? text : "";
    int result = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || result < 1 || result > 10000)
        return failWith(EINVAL, std::string(flag) + " needs a number from 1 to 10000", "'" + std::string(value) + "'");
    return result;
}

Result<Options> parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag != "--calls" && flag != "--containers")
            return failWith(EINVAL, "usage: bench_helper [--calls N] [--containers N]", std::string(flag));
        auto count = parseCount(flag, i + 1 < argc ? argv[i + 1] : nullptr);
        if (!count)
            return fail(count.error());
        (flag == "--calls" ? options.calls : options.containers) = *count;
    }
    return options;
}

// Linear interpolation between the nearest ranks.
double percentile(std::vector<double> samples, double q)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const double rank = q * double(samples.size() - 1);
    const auto low = std::size_t(rank);
    const std::size_t high = std::min(low + 1, samples.size() - 1);
    return samples[low] + (samples[high] - samples[low]) * (rank - double(low));
}

// Rss and Private_Clean + Private_Dirty from smaps_rollup, in KiB.
Memory memoryOf(long pid)
{
    Memory memory;
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string line;
    std::getline(rollup, line); // the address range
    std::string key, unit;
    long value = 0;
    while (rollup >> key >> value >> unit) {
        if (key == "Rss:")
            memory.rssKiB = value;
        else if (key == "Private_Clean:" || key == "Private_Dirty:")
            memory.privateKiB += value;
    }
    return memory;
}

long parentPid(long pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string key;
    long value = 0;
    while (status >> key) {
        if (key == "PPid:" && status >> value)
            return value;
    }
    return 0;
}

// One method call on the helper, blocking; the wall time in ms or why it failed.
Result<double> timedCall(const QDBusConnection& bus, const QString& method, const QVariantList& args)
{
    auto message =
        QDBusMessage::createMethodCall(QStringLiteral("org.berth.Berth1"), QStringLiteral("/org/berth/Berth1"),
                                       QStringLiteral("org.berth.Manager1"), method);
    message.setArguments(args);
    const auto begin = Clock::now();
    const QDBusMessage reply = bus.call(message, QDBus::Block, 120000);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
    if (reply.type() != QDBusMessage::ReplyMessage)
        return failWith(EIO, method.toStdString() + " failed: " + reply.errorMessage().toStdString());
    return ms;
}

Result<std::vector<double>> repeat(int times, const std::function<Result<double>()>& once)
{
    std::vector<double> samples;
    for (int i = 0; i < times; ++i) {
        auto ms = once();
        if (!ms)
            return fail(ms.error());
        samples.push_back(*ms);
    }
    return samples;
}

Result<std::vector<double>> repeatCall(const QDBusConnection& bus, int times, const QString& method,
                                       const QVariantList& args = {})
{
    return repeat(times, [&] { return timedCall(bus, method, args); });
}

std::string nameOf(int i)
{
    return "hb" + std::to_string(i);
}

Status createSleeper(Engine& engine, const std::string& name, bool start)
{
    CreateRequest request{.name = name, .kind = ContainerKind::Application, .command = {"sleep", "3600"}};
    if (auto created = engine.create(request); !created)
        return created;
    return start ? engine.start(name) : Status{};
}

// LXC's counterpart of application containers: `sleep 3600` as PID 1 on
// the same busybox rootfs, started with `lxc-start -d`, their cgroups under
// the bench's parent.
class LxcFleet {
public:
    Status start(const fs::path& workDir, const fs::path& rootfs, const std::string& cgroupParent, int count)
    {
        m_lxcPath = workDir / "lxc";
        m_log = workDir / "lxc.log";
        for (; m_started < count; ++m_started) {
            if (auto ok = writeConfig(nameOf(m_started), rootfs, cgroupParent); !ok)
                return ok;
            if (auto ok = runChecked({"lxc-start", "-P", m_lxcPath.string(), "-n", nameOf(m_started), "-d"}); !ok)
                return ok;
        }
        return {};
    }
    void stop()
    {
        for (int i = 0; i < m_started; ++i)
            (void)runChecked({"lxc-stop", "-P", m_lxcPath.string(), "-n", nameOf(i), "-k"});
        m_started = 0;
    }
    ~LxcFleet() { stop(); }

    [[nodiscard]] Argv lsArgv() const { return {"lxc-ls", "-P", m_lxcPath.string(), "--fancy"}; }
    [[nodiscard]] Argv infoArgv() const { return {"lxc-info", "-P", m_lxcPath.string(), "-n", nameOf(0)}; }
    [[nodiscard]] const fs::path& log() const { return m_log; }
    // The first container's monitor: its init's parent (`[lxc monitor] PATH NAME`).
    [[nodiscard]] long monitorPid() const
    {
        QString out;
        berth::test::run(QStringLiteral("lxc-info"),
                         {QStringLiteral("-P"), QString::fromStdString(m_lxcPath.string()), QStringLiteral("-n"),
                          QString::fromStdString(nameOf(0)), QStringLiteral("-p"), QStringLiteral("-H")},
                         &out);
        return parentPid(out.trimmed().toLong());
    }

private:
    static std::string nameOf(int i) { return "hb-lxc-" + std::to_string(i); }

    Status writeConfig(const std::string& name, const fs::path& rootfs, const std::string& cgroupParent) const
    {
        const fs::path dir = m_lxcPath / name;
        std::error_code ec;
        fs::create_directories(dir, ec);
        std::ofstream out(dir / "config", std::ios::trunc);
        out << "lxc.uts.name = " << name << "\nlxc.rootfs.path = dir:" << rootfs.string()
            << "\nlxc.net.0.type = empty\nlxc.mount.auto = proc:mixed sys:ro\nlxc.autodev = 1\n"
            << "lxc.apparmor.profile = unconfined\nlxc.init.cmd = /bin/sleep 3600\n"
            << "lxc.cgroup.dir.monitor = " << cgroupParent << "/lxc-monitor-" << name << "\n"
            << "lxc.cgroup.dir.container = " << cgroupParent << "/lxc-payload-" << name << "\n"
            << "lxc.cgroup.dir.monitor.pivot = " << cgroupParent << "/lxc-pivot\n";
        if (ec || !out.flush())
            return failWith(EIO, "cannot write the LXC config", dir.string());
        return {};
    }

    fs::path m_lxcPath;
    fs::path m_log;
    int m_started = 0;
};

void printTimings(const std::vector<Row>& rows)
{
    std::printf("\n%-44s %10s %10s   %-28s %10s %10s\n", "berth-helper call (ms)", "median", "p95",
                "LXC equivalent (ms)", "median", "p95");
    for (const Row& row : rows) {
        std::printf("%-44s %10.3f %10.3f   ", row.what.c_str(), percentile(row.berthMs, 0.5),
                    percentile(row.berthMs, 0.95));
        if (row.lxcMs.empty())
            std::printf("%-28s %10s %10s\n", "-", "", "");
        else
            std::printf("%-28s %10.3f %10.3f\n", row.lxcWhat.c_str(), percentile(row.lxcMs, 0.5),
                        percentile(row.lxcMs, 0.95));
    }
}

void printMemory(const std::string& what, const Memory& memory, const std::string& lxcWhat, const Memory* lxc)
{
    std::printf("%-44s %7.2f MB RSS %7.2f MB private", what.c_str(), memory.rssKiB / 1024.0,
                memory.privateKiB / 1024.0);
    if (lxc)
        std::printf("   %s: %.2f MB RSS %.2f MB private", lxcWhat.c_str(), lxc->rssKiB / 1024.0,
                    lxc->privateKiB / 1024.0);
    std::printf("\n");
}

class HelperBench {
public:
    HelperBench(const Options& options, BenchEnvironment& env)
        : m_options(options), m_env(env), m_engine(settingsFor(env))
    {}
    ~HelperBench() { cleanUp(); }

    Status run();

private:
    static EngineSettings settingsFor(const BenchEnvironment& env)
    {
        EngineSettings settings;
        settings.paths = Paths(env.tempDir() / "state");
        settings.cgroupParent = env.cgroupParent();
        settings.libexecDir = BERTH_BUILD_LIBEXECDIR;
        return settings;
    }
    Status startBus();
    Status measureFewContainers();
    Status measureManyContainers();
    Status measureLxc(int count, std::size_t first);
    Status addRow(std::vector<Row>& rows, std::string what, const QString& method, const QVariantList& args = {});
    void destroyContainers();
    void cleanUp();

    Options m_options;
    BenchEnvironment& m_env;
    Engine m_engine;
    berth::test::SystemBus m_bus;
    LxcFleet m_lxc;
    std::vector<Row> m_rows;
    double m_activationMs = 0;
    Memory m_idleHelper, m_settledHelper, m_busyHelper, m_monitor, m_lxcMonitor;
    int m_created = 0;
};

Status HelperBench::startBus()
{
    if (Status started = startBenchBus(m_bus, m_engine.settings().paths.root(), m_env.cgroupParent()); !started)
        return started;
    // The first call activates the helper: its start-up, once.
    auto first = timedCall(m_bus.connection(), QStringLiteral("ListContainers"), {});
    if (!first)
        return fail(first.error());
    m_activationMs = *first;
    return {};
}

Status HelperBench::addRow(std::vector<Row>& rows, std::string what, const QString& method, const QVariantList& args)
{
    auto samples = repeatCall(m_bus.connection(), m_options.calls, method, args);
    if (!samples)
        return fail(samples.error());
    rows.push_back({std::move(what), std::move(*samples), {}, {}});
    return {};
}

// One stopped container: the cost of the call itself.
Status HelperBench::measureFewContainers()
{
    if (auto created = createSleeper(m_engine, "probe", false); !created)
        return created;
    if (auto ok = addRow(m_rows, "ListContainers, 1 stopped container", QStringLiteral("ListContainers")); !ok)
        return ok;
    if (auto ok = addRow(m_rows, "GetContainer, stopped", QStringLiteral("GetContainer"), {QStringLiteral("probe")});
        !ok)
        return ok;
    const long helper = long(m_bus.ownerPid(QStringLiteral("org.berth.Berth1")));
    m_idleHelper = memoryOf(helper);
    // The helper gives memory back 5 s after its last call (Lifetime::settled).
    std::this_thread::sleep_for(std::chrono::seconds(6));
    m_settledHelper = memoryOf(helper);
    return {};
}

Status HelperBench::measureManyContainers()
{
    for (; m_created < m_options.containers; ++m_created) {
        if (auto ok = createSleeper(m_engine, nameOf(m_created), true); !ok)
            return ok;
    }
    const std::string n = std::to_string(m_options.containers);
    if (auto ok = addRow(m_rows, "ListContainers, " + n + " running", QStringLiteral("ListContainers")); !ok)
        return ok;
    if (auto ok = addRow(m_rows, "GetContainer, running (" + n + " running)", QStringLiteral("GetContainer"),
                         {QString::fromStdString(nameOf(0))});
        !ok)
        return ok;
    if (auto ok = addRow(m_rows, "GetStats, " + n + " running", QStringLiteral("GetStats")); !ok)
        return ok;
    m_busyHelper = memoryOf(long(m_bus.ownerPid(QStringLiteral("org.berth.Berth1"))));
    auto state = m_engine.state(nameOf(0));
    if (!state)
        return fail(state.error());
    m_monitor = memoryOf(long(state->monitorPid));
    return {};
}

// LXC's tools next to the rows from `first` on: lxc-ls --fancy and lxc-info
// with `count` running containers.
Status HelperBench::measureLxc(int count, std::size_t first)
{
    const fs::path rootfs = m_engine.settings().paths.rootfsDir("probe");
    if (auto ok = m_lxc.start(m_env.tempDir(), rootfs, m_env.cgroupParent(), count); !ok)
        return ok;
    auto ls = repeat(m_options.calls, [&] { return timedRun(m_lxc.lsArgv(), m_lxc.log()); });
    auto info = repeat(m_options.calls, [&] { return timedRun(m_lxc.infoArgv(), m_lxc.log()); });
    if (!ls || !info)
        return fail((ls ? info.error() : ls.error()).wrap("LXC"));
    const std::string running = std::to_string(count) + " running";
    m_rows[first].lxcWhat = "lxc-ls --fancy, " + running;
    m_rows[first].lxcMs = std::move(*ls);
    m_rows[first + 1].lxcWhat = "lxc-info -n NAME, " + running;
    m_rows[first + 1].lxcMs = std::move(*info);
    if (count == 1)
        m_lxcMonitor = memoryOf(m_lxc.monitorPid());
    m_lxc.stop();
    return {};
}

Status HelperBench::run()
{
    if (auto ok = startBus(); !ok)
        return ok;
    if (auto ok = measureFewContainers(); !ok)
        return ok;
    if (auto ok = measureLxc(1, 0); !ok)
        return ok;
    if (auto ok = measureManyContainers(); !ok)
        return ok;
    destroyContainers(); // one fleet at a time
    if (auto ok = measureLxc(m_options.containers, 2); !ok)
        return ok;
    std::printf("\nberth-helper by D-Bus activation on a private bus, %d calls per row, one caller, "
                "blocking calls; LXC: the tools' wall time from spawn to exit\n",
                m_options.calls);
    std::printf("first call (activation of the helper): %.1f ms\n", m_activationMs);
    printTimings(m_rows);
    std::printf("\n");
    printMemory("berth-helper, right after the 1-container reads", m_idleHelper, "", nullptr);
    printMemory("berth-helper, idle (6 s after them)", m_settledHelper, "", nullptr);
    printMemory("berth-helper after the " + std::to_string(m_options.containers) + "-container reads", m_busyHelper, "",
                nullptr);
    printMemory("berth-monitor of one running container", m_monitor, "lxc monitor (lxc-start -d)", &m_lxcMonitor);
    return {};
}

void HelperBench::destroyContainers()
{
    for (int i = 0; i < m_created; ++i)
        (void)m_engine.destroy(nameOf(i), true);
    m_created = 0;
}

void HelperBench::cleanUp()
{
    m_lxc.stop();
    destroyContainers();
    (void)m_engine.destroy("probe", true);
    m_bus.stop();
}

} // namespace

int main(int argc, char** argv)
{
    auto options = parseOptions(argc, argv);
    if (!options) {
        std::fprintf(stderr, "bench_helper: %s\n", options.error().describe().c_str());
        return 2;
    }
    QCoreApplication app(argc, argv);
    BenchEnvironment env;
    if (auto entered = env.enter(); !entered) {
        std::fprintf(stderr, "bench_helper: %s\n", entered.error().describe().c_str());
        return 1;
    }
    Status status;
    {
        HelperBench bench(*options, env);
        status = bench.run();
    }
    if (!status) {
        std::fprintf(stderr, "bench_helper: %s\n", status.error().describe().c_str());
        return 1;
    }
    return 0;
}
