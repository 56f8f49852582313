// bench_cli (issue #22): berthctl's commands timed as whole processes by
// hyperfine, next to LXC, crun, podman and systemd-nspawn, round-robin
// (hyperfine_rounds.h), Berth's rows as root and as a member of group
// berth (through setpriv, whose own cost is a row):
//   1. run --rm busybox -- /bin/true and run --rm IMAGE -- /bin/true /
//      lxc-execute / podman run --rm IMAGE / crun run / systemd-nspawn,
//      IMAGE being the references' rootfs as an image on a local registry
//      (rootfs_registry.h), pulled once before the rounds;
//   2. create, start, stop, destroy one by one (where a run's time goes);
//   3. start and stop of a sleeping container / lxc-start -d, lxc-stop;
//   4. exec /bin/true / lxc-attach / podman exec;
//   5. list and stats with N running / lxc-ls --fancy with N running.
// Needs root. Figures and ratios, no thresholds.
//   bench_cli [--runs N] [--containers N]
#include "bench_env.h"
#include "bench_main.h"
#include "bench_member.h"
#include "berthctl_side.h"
#include "cgroup_move.h"
#include "crun_reference.h"
#include "hyperfine_rounds.h"
#include "lxc_daemon.h"
#include "lxc_reference.h"
#include "nspawn_reference.h"
#include "podman_reference.h"
#include "ratio_table.h"
#include "rootfs_registry.h"

#include <QCoreApplication>

#include <charconv>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace berth;
using namespace berth::bench;
namespace fs = std::filesystem;

constexpr int kWarmupRounds = 1;

struct Options {
    int runs = 30;
    int containers = 100;
};

Result<Options> parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; i += 2) {
        const std::string_view flag = argv[i];
        int* target = flag == "--runs" ? &options.runs : flag == "--containers" ? &options.containers : nullptr;
        const std::string_view value = i + 1 < argc ? argv[i + 1] : "";
        int parsed = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (!target || value.empty() || ec != std::errc() || end != value.data() + value.size() || parsed < 1 ||
            parsed > 10000)
            return failWith(EINVAL, "usage: bench_cli [--runs N] [--containers N] (each 1-10000)", std::string(flag));
        *target = parsed;
    }
    return options;
}

// One row of a comparison before it is timed: what hyperfine runs, or why
// it cannot run here, and the rows its median is compared with.
struct Planned {
    TimedCommand command;
    std::string label;
    std::string notAvailable;
    std::vector<std::size_t> ratiosTo;
};

// A row computed from two timed rows, round by round (start + stop).
struct SumRow {
    std::string name;
    std::string label;
    std::size_t first, second;
    std::vector<std::size_t> ratiosTo; // indices into the rows after the timed ones
};

class CliBench {
public:
    CliBench(const Options& options, BenchEnvironment& env)
        : m_options(options), m_env(env), m_berth(m_member, env.tempDir() / "berthctl.log")
    {}

    Status run();

private:
    Status setUp();
    Status makeReferenceRootfs();
    Status pullImage();
    Status compareRun();
    Status compareSteps();
    Status compareStartStop();
    Status compareExec();
    Status compareListing();
    Status createSleeper(const std::string& name, bool asMember);
    Status measure(const std::string& title, std::vector<Planned> planned, const std::vector<SumRow>& sums = {});
    Planned plainRow(const std::string& name, const Argv& argv) const;
    Argv berthctl(bool asMember, const Argv& args) const
    {
        return asMember ? m_berth.member(args) : m_berth.root(args);
    }
    static std::string who(bool asMember) { return asMember ? " (member)" : " (root)"; }

    // Destroyed in reverse: the references' containers first, then Berth's
    // (and the bus), the cgroup move, the member last.
    Options m_options;
    BenchEnvironment& m_env;
    BenchMember m_member;
    CgroupMove m_cgroup;
    BerthctlSide m_berth;
    fs::path m_rootfs;
    RootfsRegistry m_registry; // stopped once the image is pulled
    CrunReference m_crun;
    LxcReference m_lxcExecute;
    NspawnReference m_nspawn;
    LxcDaemons m_lxc;
    LxcDaemons m_lxcFleet;
    PodmanReference m_podman; // after m_crun: removed while crun's namespace is there
};

// A row that is compared with nothing itself (references, baselines, steps).
Planned CliBench::plainRow(const std::string& name, const Argv& argv) const
{
    return {{name, argv, {}}, name, {}, {}};
}

Status CliBench::measure(const std::string& title, std::vector<Planned> planned, const std::vector<SumRow>& sums)
{
    std::vector<TimedCommand> commands;
    for (const Planned& row : planned)
        if (row.notAvailable.empty())
            commands.push_back(row.command);
    RoundRobin rounds(m_env.tempDir(), std::move(commands));
    if (Status ok = rounds.run(m_options.runs, kWarmupRounds); !ok)
        return fail(ok.error().wrap(title));
    std::vector<RatioRow> rows;
    std::vector<std::vector<double>> samples;
    std::size_t timed = 0;
    for (const Planned& row : planned) {
        samples.push_back(row.notAvailable.empty() ? rounds.samples().at(timed++) : std::vector<double>());
        rows.push_back({row.command.name, row.label, summarize(samples.back()), row.notAvailable, row.ratiosTo});
    }
    for (const SumRow& sum : sums) {
        std::vector<double> total;
        for (std::size_t i = 0; i < samples[sum.first].size() && i < samples[sum.second].size(); ++i)
            total.push_back(samples[sum.first][i] + samples[sum.second][i]);
        std::vector<std::size_t> to;
        for (const std::size_t index : sum.ratiosTo)
            to.push_back(planned.size() + index);
        rows.push_back({sum.name, sum.label, summarize(std::move(total)), {}, to});
    }
    std::printf("\n%s", formatRatioTable(title, rows).c_str());
    std::fflush(stdout);
    return {};
}

// The references' rootfs: a copy of a busybox container's, so every
// runtime runs the same files and none writes into Berth's.
Status CliBench::makeReferenceRootfs()
{
    const std::string name = "bench-reference";
    if (Status ok = m_berth.run(m_berth.root({"create", name, "-t", "busybox", "--privileged"})); !ok)
        return ok;
    m_rootfs = m_env.tempDir() / "rootfs";
    const fs::path source = m_env.tempDir() / "state/var/lib/berth/containers" / name / "rootfs";
    if (Status ok = runChecked({"cp", "-a", source.string(), m_rootfs.string()}); !ok)
        return ok;
    if (Status ok = m_berth.run(m_berth.root({"destroy", name})); !ok)
        return ok;
    std::error_code ec;
    if (!fs::exists(m_rootfs / "bin/busybox", ec))
        return failWith(ENOENT, "the busybox container's rootfs has no bin/busybox", m_rootfs.string());
    return {};
}

// IMAGE: the references' rootfs on the local registry, pulled into
// Berth's store (as root; the member runs it from the same store) and
// podman's, each once and untimed. The registry is stopped then, so that
// no timed command can reach it: a run that wanted to pull would fail.
Status CliBench::pullImage()
{
    if (Status ok = m_registry.publish(m_rootfs, "bench/busybox"); !ok)
        return ok;
    if (Status ok = m_berth.run(m_berth.root({"pull", "-q", m_registry.reference()})); !ok)
        return ok;
    if (Status ok = m_podman.setUp(m_env.tempDir(), m_registry.reference(), m_env.cgroupParent(), m_crun.enterArgv());
        !ok)
        return ok;
    m_registry.stop();
    // Once each way, as busybox's: that both may run it.
    for (const bool asMember : {false, true})
        if (Status ok = m_berth.run(berthctl(asMember, {"run", "--rm", m_registry.reference(), "--", "/bin/true"}));
            !ok)
            return ok;
    return {};
}

Status CliBench::setUp()
{
    if (Status ok = m_member.create(); !ok)
        return ok;
    if (Status ok = m_berth.startBus(m_env.tempDir() / "state", m_env.cgroupParent()); !ok)
        return ok;
    // Started after the bus: the helper stays where it would be anyway.
    if (Status ok = m_cgroup.enter(m_env.cgroupParent(), "bench"); !ok)
        return ok;
    // Once each way before any timing: the template cache, and that both may run.
    for (const bool asMember : {false, true})
        if (Status ok = m_berth.run(berthctl(asMember, {"run", "--rm", "busybox", "--", "/bin/true"})); !ok)
            return ok;
    if (Status ok = makeReferenceRootfs(); !ok)
        return ok;
    const fs::path work = m_env.tempDir();
    if (Status ok = m_crun.setUp(work, m_rootfs, m_env.cgroupParent()); !ok)
        return ok;
    if (Status ok = m_lxcExecute.setUp(work, m_rootfs, m_env.cgroupParent()); !ok)
        return ok;
    if (Status ok = pullImage(); !ok)
        return ok;
    if (Status ok = m_nspawn.setUp(work, m_rootfs); !ok)
        return ok;
    if (Status ok = m_lxc.setUp(work, "lxc-daemons", m_rootfs, m_env.cgroupParent()); !ok)
        return ok;
    return m_lxcFleet.setUp(work, "lxc-fleet", m_rootfs, m_env.cgroupParent());
}

Status CliBench::compareRun()
{
    const Argv runTrue = {"run", "--rm", "busybox", "--", "/bin/true"};
    const Argv runImage = {"run", "--rm", m_registry.reference(), "--", "/bin/true"};
    std::vector<std::size_t> references = {6, 7, 8, 10};
    Argv privileged = {"run", "--rm", "--privileged", "busybox", "--", "/bin/true"};
    std::vector<Planned> rows = {
        {{"berthctl run --rm busybox (root)", m_berth.root(runTrue), {}}, "run", {}, references},
        {{"berthctl run --rm busybox (member)", m_berth.member(runTrue), {}}, "run", {}, references},
        {{"berthctl run --rm --privileged busybox (root)", m_berth.root(privileged), {}}, "run", {}, references},
        {{"berthctl run --rm IMAGE (root)", m_berth.root(runImage), {}}, "run", {}, references},
        {{"berthctl run --rm IMAGE (member)", m_berth.member(runImage), {}}, "run", {}, references},
        plainRow("setpriv /bin/true (member's wrapper)", m_member.as({"/bin/true"})),
        plainRow("lxc-execute", m_lxcExecute.runArgv()),
        plainRow("podman run --rm IMAGE (via nsenter)", m_podman.runArgv({"/bin/true"})),
        plainRow("crun run (via nsenter)", m_crun.runArgv()),
        plainRow("nsenter /bin/true (crun's, podman's wrapper)", m_crun.baselineArgv()),
        plainRow("systemd-nspawn", m_nspawn.runArgv()),
        plainRow("/bin/true (process start)", {"/bin/true"}),
    };
    rows[6].label = "lxc-execute";
    rows[7].label = "podman run";
    rows[8].label = "crun run";
    rows[10].label = "nspawn";
    if (!m_nspawn.available())
        rows[10].notAvailable = m_nspawn.notAvailable();
    return measure("1. /bin/true in a new container, to exit and removal (ms; busybox: Berth's template, a rootfs "
                   "made each run; IMAGE: the references' rootfs from the store)",
                   std::move(rows));
}

Status CliBench::compareSteps()
{
    std::vector<Planned> rows;
    for (const bool asMember : {false, true}) {
        const std::string name = asMember ? "bench-step-m" : "bench-step";
        const Argv steps[] = {{"create", name, "-t", "busybox", "--app", "--", "/bin/sleep", "3600"},
                              {"start", name},
                              {"stop", name},
                              {"destroy", name}};
        for (const Argv& args : steps)
            rows.push_back(plainRow("berthctl " + args[0] + who(asMember), berthctl(asMember, args)));
        rows.push_back(plainRow("berthctl run --rm busybox -- /bin/true" + who(asMember),
                                berthctl(asMember, {"run", "--rm", "busybox", "--", "/bin/true"})));
    }
    // What every berthctl command pays before its first call: the client's start.
    rows.push_back(plainRow("berthctl --version (no D-Bus call)", m_berth.root({"--version"})));
    rows.push_back(plainRow("setpriv /bin/true (member's wrapper)", m_member.as({"/bin/true"})));
    return measure("2. a container's life one command at a time (ms): create (busybox, --app sleep 3600), start, "
                   "stop, destroy; run --rm for comparison",
                   std::move(rows));
}

Status CliBench::createSleeper(const std::string& name, bool asMember)
{
    return m_berth.run(berthctl(asMember, {"create", name, "-t", "busybox", "--app", "--", "/bin/sleep", "3600"}));
}

Status CliBench::compareStartStop()
{
    for (const bool asMember : {false, true})
        if (Status ok = createSleeper(asMember ? "bench-sleep-m" : "bench-sleep", asMember); !ok)
            return ok;
    if (Status ok = m_lxc.add("bench-lxc-sleep"); !ok)
        return ok;
    const std::string lxc = "bench-lxc-sleep";
    std::vector<Planned> rows = {
        {{"berthctl start (root)", m_berth.root({"start", "bench-sleep"}), {}}, "", {}, {4}},
        {{"berthctl stop (root)", m_berth.root({"stop", "bench-sleep"}), {}}, "", {}, {5, 7}},
        {{"berthctl start (member)", m_berth.member({"start", "bench-sleep-m"}), {}}, "", {}, {4}},
        {{"berthctl stop (member)", m_berth.member({"stop", "bench-sleep-m"}), {}}, "", {}, {5, 7}},
        {{"lxc-start -d", m_lxc.startArgv(lxc), {}}, "lxc-start -d", {}, {}},
        {{"lxc-stop -k", m_lxc.stopArgv(lxc, true), {}}, "lxc-stop -k", {}, {}},
        {{"lxc-start -d (before a plain stop)", m_lxc.startArgv(lxc), {}}, "lxc-start -d", {}, {}},
        {{"lxc-stop", m_lxc.stopArgv(lxc, false), m_lxc.waitForHaltHandlerArgv(lxc)}, "lxc-stop", {}, {}},
        plainRow("setpriv /bin/true (member's wrapper)", m_member.as({"/bin/true"})),
    };
    const std::vector<SumRow> sums = {
        {"start + stop (root)", "", 0, 1, {2, 3}},
        {"start + stop (member)", "", 2, 3, {2, 3}},
        {"lxc-start -d + lxc-stop -k", "lxc-start -d + lxc-stop -k", 4, 5, {}},
        {"lxc-start -d + lxc-stop", "lxc-start -d + lxc-stop", 6, 7, {}},
    };
    return measure("3. start and stop of a sleeping container (ms; Berth: an application container running "
                   "sleep 3600 under berth-init, LXC: a shell that exits on SIGPWR)",
                   std::move(rows), sums);
}

Status CliBench::compareExec()
{
    for (const bool asMember : {false, true})
        if (Status ok = m_berth.run(berthctl(asMember, {"start", asMember ? "bench-sleep-m" : "bench-sleep"})); !ok)
            return ok;
    if (Status ok = m_lxc.start("bench-lxc-sleep"); !ok)
        return ok;
    if (Status ok = m_podman.startSleeper("bench-podman-sleep"); !ok)
        return ok;
    const Argv runTrue = {"/bin/true"};
    std::vector<Planned> rows = {
        {{"berthctl exec (root)", m_berth.root({"exec", "bench-sleep", "--", "/bin/true"}), {}}, "", {}, {2, 3}},
        {{"berthctl exec (member)", m_berth.member({"exec", "bench-sleep-m", "--", "/bin/true"}), {}}, "", {}, {2, 3}},
        {{"lxc-attach", m_lxc.attachArgv("bench-lxc-sleep", runTrue), {}}, "lxc-attach", {}, {}},
        {{"podman exec (via nsenter)", m_podman.execArgv("bench-podman-sleep", runTrue), {}}, "podman exec", {}, {}},
        plainRow("nsenter /bin/true (podman's wrapper)", m_crun.baselineArgv()),
        plainRow("setpriv /bin/true (member's wrapper)", m_member.as({"/bin/true"})),
    };
    if (Status ok = measure("4. /bin/true in a running container (ms)", std::move(rows)); !ok)
        return ok;
    for (const char* name : {"bench-sleep", "bench-sleep-m"})
        if (Status ok = m_berth.run(m_berth.root({"destroy", name, "-f"})); !ok)
            return ok;
    return m_berth.run(m_lxc.stopArgv("bench-lxc-sleep", true));
}

Status CliBench::compareListing()
{
    for (int i = 0; i < m_options.containers; ++i) {
        const std::string name = "bench-fleet-" + std::to_string(i);
        if (interrupted())
            return failWith(EINTR, "interrupted");
        if (Status ok = createSleeper(name, false); !ok)
            return ok;
        if (Status ok = m_berth.run(m_berth.root({"start", name})); !ok)
            return ok;
        if (Status ok = m_lxcFleet.add(name); !ok)
            return ok;
        if (Status ok = m_lxcFleet.start(name); !ok)
            return ok;
    }
    auto names = m_berth.names();
    if (!names || names->size() != std::size_t(m_options.containers))
        return failWith(EIO, "berthctl list does not show the " + std::to_string(m_options.containers) + " containers");
    const std::string n = std::to_string(m_options.containers);
    std::vector<Planned> rows;
    for (const char* verb : {"list", "stats"})
        for (const bool asMember : {false, true})
            rows.push_back(
                {{"berthctl " + std::string(verb) + who(asMember), berthctl(asMember, {verb}), {}}, "", {}, {4}});
    rows.push_back({{"lxc-ls --fancy", m_lxcFleet.lsArgv(), {}}, "lxc-ls --fancy", {}, {}});
    rows.push_back(plainRow("setpriv /bin/true (member's wrapper)", m_member.as({"/bin/true"})));
    return measure("5. list and stats with " + n + " running containers (ms; " + n + " Berth and " + n +
                       " LXC containers run side by side, each tool sees its own)",
                   std::move(rows));
}

// The first line a command prints (versions, the load), for the header.
std::string firstLine(const std::string& command)
{
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return "?";
    char line[256] = {};
    const bool read = std::fgets(line, sizeof line, pipe) != nullptr;
    ::pclose(pipe);
    std::string text = read ? line : "?";
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

void printHeader(const Options& options, const std::string& member, const RootfsRegistry& image)
{
    std::time_t now = std::time(nullptr);
    char date[64];
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    std::printf("bench_cli %s: hyperfine -N, %d rounds (+%d warm-up) of one run of each command in turn; member "
                "'%s' in group berth through setpriv\n",
                date, options.runs, kWarmupRounds, member.c_str());
    std::printf("kernel %s; %s; lxc %s; %s; %s; %s; %s; %s\n", firstLine("uname -r").c_str(),
                firstLine(BERTHCTL_BINARY " --version").c_str(), firstLine("lxc-start --version").c_str(),
                firstLine("crun --version").c_str(), firstLine("podman --version").c_str(),
                firstLine("systemd-nspawn --version").c_str(), firstLine("hyperfine --version").c_str(),
                firstLine("setpriv --version").c_str());
    std::printf("IMAGE %s: the references' busybox rootfs as one layer (%zu entries, %.1f MiB gzip) on a local "
                "registry (docker-registry, 127.0.0.1 in the bench's netns, plain http), pulled once before the "
                "rounds by berthctl (root) and podman; registry stopped since\n",
                image.reference().c_str(), image.entries(), double(image.layerBytes()) / (1 << 20));
    std::printf("load average at the start: %s\n", firstLine("cat /proc/loadavg").c_str());
    std::fflush(stdout);
}

Status CliBench::run()
{
    if (Status ok = setUp(); !ok)
        return ok;
    printHeader(m_options, m_member.name(), m_registry);
    using Step = Status (CliBench::*)();
    for (Step step : {&CliBench::compareRun, &CliBench::compareSteps, &CliBench::compareStartStop,
                      &CliBench::compareExec, &CliBench::compareListing})
        if (Status ok = (this->*step)(); !ok)
            return ok;
    std::printf("\nload average at the end: %s\n", firstLine("cat /proc/loadavg").c_str());
    return {};
}

Status runBench(const Options& options)
{
    BenchEnvironment env;
    if (Status ok = env.enter(); !ok)
        return ok;
    CliBench bench(options, env);
    return bench.run();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return benchMain("bench_cli", parseOptions(argc, argv), runBench);
}
