// bench_gui: the desktop application's own costs, in one invocation.
//  - launch: from exec to the first painted main window, `berth` next to a
//    bare Qt Widgets window (this program with --empty-window), both
//    offscreen and with the helper unreachable, so that what is timed is
//    the application and not the bus;
//  - list: 500 containers (recorded GetContainer and GetStats replies,
//    multiplied) loaded into the list model, sorted by memory through the
//    filter model, and one statistics update applied;
//  - charts: the Resources tab's charts redrawn with 15 minutes of 1 Hz
//    samples (limits moving, so the limit lines are step lines);
//  - window: the main window with those 500 containers and one selected,
//    one statistics update applied and painted (list and charts), as the
//    once-a-second timer does.
// No root needed. See README.md.
//   bench_gui [--runs N]
#include "bench_main.h"
#include "stats.h"

#include "container_filter_model.h"
#include "container_list_model.h"
#include "fake_container_source.h"
#include "main_window.h"
#include "usage_charts.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QProcess>
#include <QTimer>

#include <charconv>
#include <cstdio>
#include <functional>
#include <string_view>

namespace {

using namespace berth;
using namespace berth::bench;

constexpr int kContainers = 500;

struct Options {
    int runs = 10;
    bool emptyWindow = false; // the child side of the launch baseline
};

Result<Options> parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--empty-window") {
            options.emptyWindow = true;
            continue;
        }
        const std::string_view value = i + 1 < argc ? argv[i + 1] : "";
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), options.runs);
        if (arg != "--runs" || value.empty() || ec != std::errc() || end != value.data() + value.size() ||
            options.runs < 1 || options.runs > 10000)
            return failWith(EINVAL, "usage: bench_gui [--runs N (1..10000)]", std::string(arg));
        ++i;
    }
    return options;
}

// The launch baseline's child: a bare main window that says when it is painted.
int runEmptyWindow()
{
    QMainWindow window;
    window.resize(960, 640);
    window.show();
    QTimer::singleShot(0, [] {
        std::puts("painted");
        std::fflush(stdout);
        QApplication::quit();
    });
    return QApplication::exec();
}

// Milliseconds from starting `program` to its "painted" line.
Result<double> timeLaunch(const QString& program, const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("BERTH_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/berth-bench"));
    env.insert(QStringLiteral("BERTH_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(30000))
            return failWith(EIO, "no 'painted' line from " + program.toStdString(),
                            process.readAllStandardError().toStdString());
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    process.waitForFinished(30000);
    return ms;
}

// 500 containers from the recorded three, renamed; each stats sample likewise.
test::FakeContainerSource* manyContainers(QObject* parent)
{
    auto* recorded = new test::FakeContainerSource;
    recorded->load(QStringLiteral(BERTH_GUI_FIXTURES "/three_containers.json"));
    auto* source = new test::FakeContainerSource;
    source->setParent(parent);
    const auto infos = recorded->containers.values();
    for (int i = 0; i < kContainers; ++i) {
        auto info = infos.at(i % infos.size());
        info.name = QStringLiteral("%1-%2").arg(info.name).arg(i, 3, 10, QLatin1Char('0'));
        source->containers.insert(info.name, info);
    }
    for (const auto& sample : std::as_const(recorded->statsSamples)) {
        QList<client::ContainerStats> many;
        for (const auto& info : std::as_const(source->containers)) {
            for (auto stats : sample)
                if (info.name.startsWith(stats.name + QLatin1Char('-'))) {
                    stats.name = info.name;
                    stats.memoryCurrent += quint64(info.name.right(3).toInt()) << 20;
                    many << stats;
                }
        }
        source->statsSamples << many;
    }
    delete recorded;
    return source;
}

// 15 minutes at 1 Hz of a container that is busy: rising and falling
// memory, half a core, a few processes, steady IO and network.
QList<gui::UsageSample> quarterHourOfSamples(qint64 endNs)
{
    constexpr int kSamples = 15 * 60 + 1;
    QList<gui::UsageSample> samples;
    for (int i = 0; i < kSamples; ++i) {
        gui::UsageSample sample;
        sample.timestampNs = endNs - qint64(kSamples - 1 - i) * 1000000000;
        sample.memoryBytes = quint64(64 + (i % 120)) << 20;
        sample.cpuUsageNs = quint64(i) * 500000000;
        sample.pids = 5 + i % 7;
        sample.ioReadBytes = quint64(i) * 40960;
        sample.ioWriteBytes = quint64(i) * 81920;
        sample.netRxBytes = quint64(i) * 2048;
        sample.netTxBytes = quint64(i) * 1024;
        sample.oomKills = quint64(i / 300);
        sample.wallMs = sample.timestampNs / 1000000;
        // The limit raised twice: the limit lines are step lines of their history.
        sample.limits = {
            .memoryMiB = i < 300 ? 192.0 : 256.0, .memorySoftMiB = 192, .cpuCores = 0.5, .pids = i < 600 ? 32.0 : 64.0};
        samples << sample;
    }
    return samples;
}

// One update as the tab gets it: new samples in, every chart painted.
Status timeCharts(int minutes, std::vector<double>& times)
{
    gui::UsageCharts charts;
    charts.resize(700, 520);
    charts.setWindowMinutes(minutes);
    charts.setLimits({.memoryMiB = 256, .memorySoftMiB = 192, .cpuCores = 0.5, .pids = 64});
    charts.show();
    const QList<gui::UsageSample> samples = quarterHourOfSamples(qint64(3600) * 1000000000);
    QElapsedTimer clock;
    clock.start();
    charts.setSamples(samples);
    const QPixmap painted = charts.grab();
    times.push_back(double(clock.nsecsElapsed()) / 1e6);
    // The whole window drawn (thinned to the plot's pixel columns).
    const QList<QPointF> drawn = charts.seriesPoints(gui::UsageKind::MemoryUsed);
    if (painted.isNull() || drawn.isEmpty() || drawn.first().x() > 1 - minutes * 60)
        return failWith(EIO, "the charts did not draw " + std::to_string(minutes) + " minutes of samples");
    return {};
}

// One more GetStats answer, a second after the last, every figure moved.
void addStatsSecond(test::FakeContainerSource& source)
{
    QList<client::ContainerStats> next = source.statsSamples.last();
    for (client::ContainerStats& stats : next) {
        stats.timestampNs += 1000000000;
        stats.memoryCurrent += 1 << 20;
        stats.cpuUsageNs += 300000000;
    }
    while (source.statsSamples.size() <= source.statsCalls)
        source.statsSamples << next;
}

// The main window with 500 containers, one selected (its Resources charts
// following), as once a second: from asking for the statistics to the list
// painted again.
Status timeWindowUpdates(int updates, std::vector<double>& times)
{
    QObject owner;
    auto* source = manyContainers(&owner);
    gui::MainWindow window(*source);
    window.resize(1280, 800);
    window.show();
    QElapsedTimer clock;
    clock.start();
    while (window.model().rowCount() < kContainers || !window.model().row(kContainers - 1).info.kind) {
        if (clock.elapsed() > 60000)
            return failWith(ETIMEDOUT, "the main window did not list 500 containers");
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
    window.selectContainer(window.model().row(0).info.name);
    for (int i = 0; i < updates; ++i) {
        addStatsSecond(*source);
        const int answered = source->statsAnswered;
        clock.restart();
        window.model().pollStats();
        while (source->statsAnswered == answered)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        window.repaint(); // the list and the charts, painted now
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return {};
}

struct ListTimes {
    std::vector<double> load, sort, update;
};

Status timeList(ListTimes& times)
{
    QObject owner;
    auto* source = manyContainers(&owner);
    gui::ContainerListModel model(*source);
    gui::ContainerFilterModel proxy;
    proxy.setSourceModel(&model);
    QElapsedTimer clock;
    clock.start();
    model.reload();
    // Loaded when every row has its details (GetContainer's answer).
    auto complete = [&] {
        if (model.rowCount() < kContainers)
            return false;
        for (int row = 0; row < kContainers; ++row)
            if (!model.row(row).info.kind)
                return false;
        return true;
    };
    while (!complete()) {
        if (clock.elapsed() > 60000)
            return failWith(ETIMEDOUT, "the list model did not load 500 containers");
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
    times.load.push_back(double(clock.nsecsElapsed()) / 1e6);

    clock.restart();
    proxy.sort(gui::ContainerListModel::MemoryColumn, Qt::DescendingOrder);
    (void)proxy.index(0, 0).data();
    times.sort.push_back(double(clock.nsecsElapsed()) / 1e6);

    const int answered = source->statsAnswered;
    clock.restart();
    model.pollStats();
    while (source->statsAnswered == answered)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    times.update.push_back(double(clock.nsecsElapsed()) / 1e6);
    return {};
}

void printTable(const char* title, const std::vector<TableRow>& rows)
{
    std::printf("\n%s\n%s", title, formatTable(rows).c_str());
}

Status run(const Options& options)
{
    std::vector<double> berthLaunch, bareLaunch, charts1, charts5, charts15, window;
    ListTimes list;
    for (int i = 0; i < options.runs && !interrupted(); ++i) {
        Result<double> berthMs = timeLaunch(QStringLiteral(BERTH_GUI_BINARY), {});
        if (!berthMs)
            return fail(berthMs.error());
        Result<double> bareMs = timeLaunch(QCoreApplication::applicationFilePath(), {QStringLiteral("--empty-window")});
        if (!bareMs)
            return fail(bareMs.error());
        berthLaunch.push_back(*berthMs);
        bareLaunch.push_back(*bareMs);
        if (Status ok = timeList(list); !ok)
            return ok;
        for (auto [minutes, times] : {std::pair{1, &charts1}, std::pair{5, &charts5}, std::pair{15, &charts15}})
            if (Status ok = timeCharts(minutes, *times); !ok)
                return ok;
        if (Status ok = timeWindowUpdates(5, window); !ok)
            return ok;
    }
    printTable("launch to a painted main window (ms, offscreen)",
               {{"berth", summarize(berthLaunch)}, {"bare Qt Widgets window", summarize(bareLaunch)}});
    printTable("container list of 500 (ms)", {{"load (ListContainers + 500 GetContainer)", summarize(list.load)},
                                              {"sort by memory", summarize(list.sort)},
                                              {"one GetStats update", summarize(list.update)}});
    printTable("main window with 500 containers, one update a second as the timer does (ms)",
               {{"GetStats answer applied, list and charts painted", summarize(window)}});
    printTable("Resources charts, one update and paint from 15 minutes of 1 Hz samples (ms)",
               {{"1-minute window", summarize(charts1)},
                {"5-minute window", summarize(charts5)},
                {"15-minute window", summarize(charts15)}});
    std::printf("\nNo reference runtime has a GUI to compare with: the launch baseline is an empty\n"
                "Qt Widgets window started the same way.\n\n");
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const Result<Options> options = parseOptions(argc, argv);
    if (options && options->emptyWindow)
        return runEmptyWindow();
    return benchMain("bench_gui", options, run);
}
