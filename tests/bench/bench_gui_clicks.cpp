// bench_gui_clicks: what a click in the desktop application costs on top of
// the engine's own work (issue #22: "a click shows its result within 100 ms
// plus the kernel's own time"). The main window runs on the real helper
// (tests/system's private bus, in the bench's own namespaces, state root
// and cgroup parent), a busybox application container selected:
//  - Start: from the action's trigger to the list showing "Running";
//  - Stop: from the trigger to "Stopped";
//  - a memory limit slider let go of: from the release to the Resources
//    tab told the limit is in force (the helper answered SetLimits);
// next to them the engine's own start, stop and limit change of a twin
// container, timed in this process without Qt's event loop, the bus or
// the helper: what any runtime pays the kernel for the same steps.
// Root. See README.md.
//   bench_gui_clicks [--runs N]
#include "bench_bus.h"
#include "bench_env.h"
#include "bench_main.h"
#include "stats.h"

#include "berth/engine.h"

#include "client.h"
#include "client_container_source.h"
#include "container_list_model.h"
#include "limit_slider.h"
#include "main_window.h"
#include "resources_tab.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSlider>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string_view>

namespace {

using namespace berth;
using namespace berth::bench;
using berth::gui::ContainerListModel;
using berth::gui::MainWindow;

const QString kClicked = QStringLiteral("clickbox");
const std::string kTwin = "enginebox";
constexpr auto kWaitLimit = std::chrono::seconds(60);

struct Options {
    int runs = 10;
};

Result<Options> parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const std::string_view value = i + 1 < argc ? argv[i + 1] : "";
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), options.runs);
        if (arg != "--runs" || value.empty() || ec != std::errc() || end != value.data() + value.size() ||
            options.runs < 1 || options.runs > 1000)
            return failWith(EINVAL, "usage: bench_gui_clicks [--runs N]");
        ++i;
    }
    return options;
}

EngineSettings settingsFor(const BenchEnvironment& env)
{
    EngineSettings settings;
    settings.paths = Paths(env.tempDir() / "state");
    settings.cgroupParent = env.cgroupParent();
    settings.libexecDir = BERTH_BUILD_LIBEXECDIR;
    return settings;
}

Status createSleeper(Engine& engine, const std::string& name)
{
    CreateRequest request{.name = name, .kind = ContainerKind::Application, .command = {"sleep", "3600"}};
    return engine.create(request);
}

// Milliseconds from now until `done()` holds, the event loop running.
Result<double> timeUntil(const std::function<bool()>& done, const char* what)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.nsecsElapsed() > std::chrono::nanoseconds(kWaitLimit).count() || interrupted())
            return failWith(ETIMEDOUT, std::string("the window never showed ") + what);
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return double(clock.nsecsElapsed()) / 1e6;
}

template <class Step> Result<double> timeEngine(Step step)
{
    const auto begin = std::chrono::steady_clock::now();
    if (Status ok = step(); !ok)
        return fail(ok.error());
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
}

class ClickBench {
public:
    explicit ClickBench(BenchEnvironment& env) : m_env(env), m_engine(settingsFor(env)) {}
    ~ClickBench()
    {
        m_window.reset();
        m_source.reset();
        m_client.reset();
        for (const std::string& name : {kClicked.toStdString(), kTwin}) {
            (void)m_engine.stop(name, std::chrono::seconds(0));
            (void)m_engine.destroy(name, true);
        }
        m_bus.stop();
    }

    Status setUp();
    Status round();
    void print() const;

private:
    QString stateShown() const
    {
        const auto& model = m_window->model();
        const int row = model.rowOf(kClicked);
        return row < 0 ? QString() : model.index(row, ContainerListModel::StateColumn).data().toString();
    }
    Result<double> click(MainWindow::Action action, const QString& shows);
    Result<double> releaseMemorySlider(int position);

    BenchEnvironment& m_env;
    Engine m_engine;
    berth::test::SystemBus m_bus;
    std::unique_ptr<client::Client> m_client;
    std::unique_ptr<gui::ClientContainerSource> m_source;
    std::unique_ptr<MainWindow> m_window;
    std::vector<double> m_start, m_stop, m_slider, m_engineStart, m_engineStop, m_engineLimit;
    int m_round = 0;
};

Status ClickBench::setUp()
{
    if (Status started = startBenchBus(m_bus, m_engine.settings().paths.root(), m_env.cgroupParent()); !started)
        return started;
    for (const std::string& name : {kClicked.toStdString(), kTwin})
        if (Status created = createSleeper(m_engine, name); !created)
            return created;
    m_client = std::make_unique<client::Client>();
    m_source = std::make_unique<gui::ClientContainerSource>(*m_client);
    m_window = std::make_unique<MainWindow>(*m_source);
    m_window->setConfirmation([](const QString&, const QString&) { return true; });
    m_window->show();
    auto listed = timeUntil([this] { return m_window->selectContainer(kClicked); }, "the container");
    return listed ? Status{} : fail(listed.error());
}

Result<double> ClickBench::click(MainWindow::Action action, const QString& shows)
{
    QAction* button = m_window->action(action);
    if (auto ready = timeUntil([button] { return button->isEnabled(); }, "the action enabled"); !ready)
        return ready;
    QElapsedTimer clock;
    clock.start();
    button->trigger();
    if (auto shown = timeUntil([this, &shows] { return stateShown() == shows; }, qPrintable(shows)); !shown)
        return shown;
    return double(clock.nsecsElapsed()) / 1e6;
}

// Pressed, moved to `position`, let go of: timed from the release.
Result<double> ClickBench::releaseMemorySlider(int position)
{
    m_window->showTab(MainWindow::Tab::Resources);
    auto* resources = m_window->findChild<gui::ResourcesTab*>();
    if (!resources)
        return failWith(ENOENT, "no Resources tab");
    gui::LimitSlider* memory = resources->slider(QStringLiteral("memory.max"));
    if (auto ready = timeUntil([memory] { return memory->isEnabled(); }, "the memory slider enabled"); !ready)
        return ready;
    QSignalSpy applied(resources, &gui::ResourcesTab::limitsApplied);
    QSlider* slider = memory->slider();
    slider->setSliderDown(true);
    slider->setValue(position);
    QElapsedTimer clock;
    clock.start();
    slider->setSliderDown(false);
    if (auto told = timeUntil([&applied] { return !applied.isEmpty(); }, "the limit in force"); !told)
        return told;
    return double(clock.nsecsElapsed()) / 1e6;
}

Status ClickBench::round()
{
    auto started = click(MainWindow::Action::Start, QStringLiteral("Running"));
    if (!started)
        return fail(started.error());
    // Two resting places in turn, so that every release changes the limit.
    auto limited = releaseMemorySlider(m_round % 2 == 0 ? 8 : 12);
    if (!limited)
        return fail(limited.error());
    auto stopped = click(MainWindow::Action::Stop, QStringLiteral("Stopped"));
    if (!stopped)
        return fail(stopped.error());
    m_start.push_back(*started);
    m_slider.push_back(*limited);
    m_stop.push_back(*stopped);

    auto engineStart = timeEngine([this] { return m_engine.start(kTwin); });
    if (!engineStart)
        return fail(engineStart.error());
    model::Limits limits;
    limits.memoryMax = (m_round % 2 == 0 ? 512 : 768) * 1024ULL * 1024ULL;
    auto engineLimit = timeEngine([this, &limits] { return m_engine.setLimits(kTwin, limits); });
    if (!engineLimit)
        return fail(engineLimit.error());
    auto engineStop = timeEngine([this] { return m_engine.stop(kTwin, std::chrono::seconds(10)); });
    if (!engineStop)
        return fail(engineStop.error());
    m_engineStart.push_back(*engineStart);
    m_engineLimit.push_back(*engineLimit);
    m_engineStop.push_back(*engineStop);
    ++m_round;
    return {};
}

void ClickBench::print() const
{
    std::printf("\nclick to result shown in the main window, real helper on a private bus (ms)\n%s",
                formatTable({{"Start -> \"Running\"", summarize(m_start)},
                             {"Stop -> \"Stopped\"", summarize(m_stop)},
                             {"memory slider let go of -> limit in force", summarize(m_slider)}})
                    .c_str());
    std::printf("\nthe engine's own work for the same steps, in this process (ms)\n%s",
                formatTable({{"Engine::start", summarize(m_engineStart)},
                             {"Engine::stop", summarize(m_engineStop)},
                             {"Engine::setLimits (memory)", summarize(m_engineLimit)}})
                    .c_str());
    const auto over = [](const std::vector<double>& clicks, const std::vector<double>& engine) {
        return summarize(clicks).median - summarize(engine).median;
    };
    std::printf("\nwhat the window, the bus and the helper add (medians, ms): Start %.1f, Stop %.1f, slider %.1f\n\n",
                over(m_start, m_engineStart), over(m_stop, m_engineStop), over(m_slider, m_engineLimit));
}

Status run(BenchEnvironment& env, const Options& options)
{
    ClickBench bench(env);
    if (Status ready = bench.setUp(); !ready)
        return ready;
    for (int i = 0; i < options.runs && !interrupted(); ++i)
        if (Status ok = bench.round(); !ok)
            return ok;
    bench.print();
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    BenchEnvironment env;
    auto options = parseOptions(argc, argv);
    if (options)
        if (Status entered = env.enter(); !entered) {
            std::fprintf(stderr, "bench_gui_clicks: %s\n", entered.error().describe().c_str());
            return 1;
        }
    static BenchEnvironment* environment = &env;
    return benchMain<Options>("bench_gui_clicks", options, [](const Options& o) { return run(*environment, o); });
}
