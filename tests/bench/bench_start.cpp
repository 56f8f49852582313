// bench_start: start-to-exit latency of a busybox /bin/true application
// container through Berth's engine, privileged and unprivileged (a user
// namespace of its own, the rootfs through an idmapped mount), side by side
// with crun and lxc-execute (privileged, and with lxc.idmap and an idmapped
// rootfs) on the same rootfs, in one invocation. Needs root. See README.md.
//   bench_start [--runs N] [--warmup N]
#include "bench_env.h"
#include "bench_main.h"
#include "berth_contender.h"
#include "command.h"
#include "crun_reference.h"
#include "lxc_reference.h"
#include "stats.h"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string_view>
#include <vector>

namespace {

using namespace berth;
using namespace berth::bench;

struct Options {
    int runs = 50;
    int warmup = 3;
};

struct Contender {
    std::string name;
    std::function<Result<double>()> runOnce;
    std::vector<double> samples;
};

// Rows of the table crunWithoutNsenter reads.
constexpr std::size_t kCrunRow = 2;
constexpr std::size_t kNsenterRow = 3;

// LXC's unprivileged container takes the block after Berth's.
constexpr std::uint32_t kBlock = 65536;

Result<int> parseCount(std::string_view flag, const char* text, int min)
{
    const std::string_view value = text ? text : "";
    int result = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || result < min || result > 100000)
        return failWith(EINVAL, std::string(flag) + " needs a number from " + std::to_string(min) + " to 100000",
                        "'" + std::string(value) + "'");
    return result;
}

Result<Options> parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
        Result<int> count = arg == "--runs" ? parseCount(arg, value, 1)
                            : arg == "--warmup"
                                ? parseCount(arg, value, 0)
                                : failWith(EINVAL, "usage: bench_start [--runs N] [--warmup N]", std::string(arg));
        if (!count)
            return fail(count.error());
        (arg == "--runs" ? options.runs : options.warmup) = *count;
        ++i;
    }
    return options;
}

Contender commandContender(std::string name, Argv argv, std::filesystem::path logFile)
{
    auto once = [argv = std::move(argv), logFile = std::move(logFile)] { return timedRun(argv, logFile); };
    return Contender{std::move(name), std::move(once), {}};
}

// Round-robin, so drift in the machine's load touches every runtime alike.
Status measure(std::vector<Contender>& contenders, const Options& options)
{
    for (int run = 0; run < options.warmup + options.runs; ++run) {
        for (Contender& contender : contenders) {
            if (interrupted())
                return failWith(EINTR, "interrupted");
            Result<double> ms = contender.runOnce();
            if (!ms)
                return fail(ms.error().wrap(contender.name + ", run " + std::to_string(run + 1)));
            if (run >= options.warmup)
                contender.samples.push_back(*ms);
        }
    }
    return {};
}

// crun's figures include nsenter's process start; take the baseline's median off each sample.
TableRow crunWithoutNsenter(const Contender& crun, const Contender& baseline)
{
    const double offset = summarize(baseline.samples).median;
    std::vector<double> adjusted;
    for (double ms : crun.samples)
        adjusted.push_back(ms - offset);
    return {"crun run - nsenter median", summarize(std::move(adjusted))};
}

void printResults(const std::vector<Contender>& contenders)
{
    std::vector<TableRow> rows;
    for (const Contender& contender : contenders)
        rows.push_back({contender.name, summarize(contender.samples)});
    rows.push_back(crunWithoutNsenter(contenders[kCrunRow], contenders[kNsenterRow]));
    std::printf("\nstart to exit of /bin/true in a busybox container (wall time, steady_clock)\n%s",
                formatTable(rows).c_str());
}

Status runBench(const Options& options)
{
    BenchEnvironment env;
    if (Status ok = env.enter(); !ok)
        return ok;
    EngineSettings settings;
    settings.paths = Paths(env.tempDir());
    settings.cgroupParent = env.cgroupParent();
    settings.libexecDir = BERTH_BUILD_LIBEXECDIR;
    BerthContender berthContender(settings, "bench-true", /*privileged=*/true);
    BerthContender unprivileged(std::move(settings), "bench-true-u", /*privileged=*/false);
    CrunReference crun;
    LxcReference lxc;
    LxcReference lxcIdmap("berth-bench-lxc-u");
    if (Status ok = berthContender.create(); !ok)
        return ok;
    if (Status ok = unprivileged.create(); !ok)
        return ok;
    // Each row runs as it says: read once, not assumed from the configs.
    Result<std::uint32_t> berthRoot = unprivileged.hostRoot();
    if (!berthRoot || *berthRoot == 0)
        return failWith(EIO, "the unprivileged Berth container's root is host root",
                        berthRoot ? "" : berthRoot.error().describe());
    if (Status ok = crun.setUp(env.tempDir(), berthContender.rootfs(), env.cgroupParent()); !ok)
        return ok;
    if (Status ok = lxc.setUp(env.tempDir(), berthContender.rootfs(), env.cgroupParent()); !ok)
        return ok;
    if (Status ok = lxcIdmap.setUp(env.tempDir(), unprivileged.rootfs(), env.cgroupParent(), *berthRoot + kBlock); !ok)
        return ok;
    if (Result<std::uint32_t> lxcRoot = lxcIdmap.hostRoot(); !lxcRoot || *lxcRoot != *berthRoot + kBlock)
        return failWith(EIO, "LXC's container does not run in its block", lxcRoot ? "" : lxcRoot.error().describe());
    std::printf("unprivileged: Berth's root is host ID %u, LXC's %u\n", *berthRoot, *berthRoot + kBlock);
    const std::filesystem::path logs = env.tempDir();
    // The order of rows in the table (kCrunRow, kNsenterRow).
    std::vector<Contender> contenders;
    contenders.push_back({"berth, privileged (engine API)", [&] { return berthContender.runOnce(); }, {}});
    contenders.push_back({"berth, unprivileged (engine API)", [&] { return unprivileged.runOnce(); }, {}});
    contenders.push_back(commandContender("crun run (via nsenter)", crun.runArgv(), logs / "crun.log"));
    contenders.push_back(commandContender("nsenter /bin/true (baseline)", crun.baselineArgv(), logs / "nsenter.log"));
    contenders.push_back(commandContender("lxc-execute, privileged", lxc.runArgv(), logs / "lxc.log"));
    contenders.push_back(commandContender("lxc-execute, lxc.idmap", lxcIdmap.runArgv(), logs / "lxc-idmap.log"));
    contenders.push_back(commandContender("host /bin/true (spawn cost)", {"/bin/true"}, logs / "true.log"));
    std::printf("bench_start: %d runs (+%d warm-up) of each runtime, round-robin\n", options.runs, options.warmup);
    if (Status ok = measure(contenders, options); !ok)
        return ok;
    printResults(contenders);
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    return benchMain("bench_start", parseOptions(argc, argv), runBench);
}
