// Statistics sampling cost: N running busybox containers (default 100),
// Engine::stats() once a second, printed as time per container and as the
// CPU share that sampling at 1 Hz costs; and the memory each container's
// berth-monitor holds.
//
//   bench_stats [--containers N] [--samples S]
#include "bench_env.h"
#include "stats.h"

#include "berth/engine.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

#include <sys/resource.h>

using namespace berth;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int containers = 100;
    int samples = 10;
};

bool parseOptions(int argc, char** argv, Options& options)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        const int value = std::atoi(argv[i + 1]);
        if (value <= 0)
            return false;
        if (std::strcmp(argv[i], "--containers") == 0)
            options.containers = value;
        else if (std::strcmp(argv[i], "--samples") == 0)
            options.samples = value;
        else
            return false;
    }
    return argc % 2 == 1;
}

// Rss, Pss and private (anonymous + private file) memory of a process, in KiB.
struct MemoryKiB {
    long rss = 0;
    long pss = 0; // shared pages divided among their users: what one more monitor adds, roughly
    long priv = 0;
};

MemoryKiB processMemoryKiB(pid_t pid)
{
    MemoryKiB memory;
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string line;
    std::getline(rollup, line); // the address range header
    std::string key, unit;
    long value;
    while (rollup >> key >> value >> unit) {
        if (key == "Rss:")
            memory.rss = value;
        else if (key == "Pss:")
            memory.pss = value;
        else if (key == "Private_Clean:" || key == "Private_Dirty:")
            memory.priv += value;
    }
    return memory;
}

double cpuSecondsOfThisProcess()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

std::string nameOf(int i)
{
    return "stat" + std::to_string(i);
}

bool startContainers(Engine& engine, int count)
{
    for (int i = 0; i < count; ++i) {
        CreateRequest request{.name = nameOf(i), .kind = ContainerKind::Application, .command = {"sleep", "3600"}};
        if (auto created = engine.create(request); !created) {
            std::fprintf(stderr, "bench_stats: %s\n", created.error().describe().c_str());
            return false;
        }
        if (auto started = engine.start(nameOf(i)); !started) {
            std::fprintf(stderr, "bench_stats: %s\n", started.error().describe().c_str());
            return false;
        }
    }
    return true;
}

void reportMonitorMemory(Engine& engine, int count)
{
    std::vector<double> rss, pss, priv;
    for (int i = 0; i < count; ++i) {
        auto state = engine.state(nameOf(i));
        if (!state || state->monitorPid <= 0)
            continue;
        const MemoryKiB memory = processMemoryKiB(state->monitorPid);
        rss.push_back(memory.rss / 1024.0);
        pss.push_back(memory.pss / 1024.0);
        priv.push_back(memory.priv / 1024.0);
    }
    const bench::Summary r = bench::summarize(rss), s = bench::summarize(pss), p = bench::summarize(priv);
    std::printf("\nberth-monitor memory per container (MB): RSS median %.2f (max %.2f), Pss median %.2f (max %.2f), "
                "private median %.2f (max %.2f)\n",
                r.median, r.max, s.median, s.max, p.median, p.max);
    std::printf("(reference, measured on this machine class: LXC's monitor 3.0 MB RSS, 1.4 MB private)\n");
}

} // namespace

int main(int argc, char** argv)
{
    Options options;
    if (!parseOptions(argc, argv, options)) {
        std::fprintf(stderr, "usage: bench_stats [--containers N] [--samples S]\n");
        return 2;
    }
    bench::BenchEnvironment env;
    if (auto entered = env.enter(); !entered) {
        std::fprintf(stderr, "bench_stats: %s\n", entered.error().describe().c_str());
        return 1;
    }
    EngineSettings settings;
    settings.paths = Paths(env.tempDir() / "state");
    settings.cgroupParent = env.cgroupParent();
    settings.libexecDir = BERTH_BUILD_LIBEXECDIR;
    Engine engine(settings);

    int status = 0;
    if (startContainers(engine, options.containers)) {
        std::vector<double> perContainerUs;
        const double cpuBefore = cpuSecondsOfThisProcess();
        for (int s = 0; s < options.samples; ++s) {
            const auto begin = Clock::now();
            auto stats = engine.stats();
            const double us = std::chrono::duration<double, std::micro>(Clock::now() - begin).count();
            if (!stats || stats->size() != static_cast<size_t>(options.containers)) {
                std::fprintf(stderr, "bench_stats: stats() returned %zu of %d containers\n", stats ? stats->size() : 0,
                             options.containers);
                status = 1;
                break;
            }
            perContainerUs.push_back(us / options.containers / 1000.0); // summarize() takes ms
            std::this_thread::sleep_until(begin + std::chrono::seconds(1));
        }
        const double cpu = cpuSecondsOfThisProcess() - cpuBefore;
        const bench::Summary per = bench::summarize(perContainerUs);
        std::printf("Engine::stats() over %d running containers, %d samples at 1 Hz\n", options.containers,
                    options.samples);
        std::printf("time per container: median %.1f us, p90 %.1f us, max %.1f us\n", per.median * 1000, per.p90 * 1000,
                    per.max * 1000);
        std::printf("CPU share of sampling at 1 Hz: %.3f %% of one core\n", 100.0 * cpu / options.samples);
        reportMonitorMemory(engine, options.containers);
    } else {
        status = 1;
    }
    for (int i = 0; i < options.containers; ++i)
        (void)engine.destroy(nameOf(i), true);
    return status;
}
