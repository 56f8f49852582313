// bench_images (issue #21): one 5-layer image on one local registry
// (docker-registry on 127.0.0.1 in the bench's own netns, plain http,
// insecure as localhost is by default), in one invocation:
//   - pull, cold (store empty) and warm (image present): `berthctl pull`
//     next to `skopeo copy docker://… oci:…` and `podman pull`;
//   - create from the pulled image: `berthctl create NAME --image REF` next
//     to `podman create`;
//   - disk used by ten containers of the image: Berth's store and
//     containers, podman's storage, and ten full copies (`cp -a`) of the
//     image's flattened tree.
// Whole commands are timed by hyperfine (--export-json). berthctl talks to
// the BUILT helper activated on a private bus (tests/system's harness, the
// real polkitd), as bench_helper's does. Needs root. Figures, no thresholds.
//   bench_images [--runs N] [--containers N] [--layer-mib N]
#include "bench_bus.h"
#include "bench_env.h"
#include "stats.h"
#include "system_bus.h"
#include "test_registry.h"

#include "berth/paths.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace berth;
using namespace berth::bench;
namespace fs = std::filesystem;
using berth::test::CommandResult;
using berth::test::runCommand;

struct Options {
    int runs = 10;
    int containers = 10;
    int layerMiB = 12; // four such layers and busybox: about Debian's 49 MB
};

Result<Options> parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; i += 2) {
        const std::string_view flag = argv[i];
        int* target = flag == "--runs"         ? &options.runs
                      : flag == "--containers" ? &options.containers
                      : flag == "--layer-mib"  ? &options.layerMiB
                                               : nullptr;
        const std::string_view value = i + 1 < argc ? argv[i + 1] : "";
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), target ? *target : i);
        if (!target || value.empty() || ec != std::errc() || end != value.data() + value.size() || *target < 1)
            return failWith(EINVAL, "usage: bench_images [--runs N] [--containers N] [--layer-mib N]",
                            std::string(flag));
    }
    return options;
}

// "'a'" for a shell command line (the paths here have no quotes).
std::string quoted(const std::string& text)
{
    return "'" + text + "'";
}

// Kilobytes `du -skx` counts for the paths together (each inode once).
Result<long> diskKiB(const std::vector<fs::path>& paths)
{
    std::vector<std::string> argv = {"du", "-skxc"};
    for (const fs::path& path : paths)
        argv.push_back(path.string());
    const CommandResult result = runCommand(argv);
    const std::size_t last = result.output.rfind('\n', result.output.size() - 2);
    if (result.exitCode != 0)
        return failWith(EIO, "du: " + result.output);
    return std::atol(result.output.c_str() + (last == std::string::npos ? 0 : last + 1));
}

// One hyperfine row: a name, the command and what runs before each run.
struct Timed {
    std::string name;
    std::string command;
    std::string prepare; // empty: nothing
};

class ImageBench {
public:
    ImageBench(const Options& options, BenchEnvironment& env) : m_options(options), m_env(env)
    {
        m_paths = Paths(env.tempDir() / "state");
        m_podman = "podman --root " + quoted((env.tempDir() / "podman/root").string()) + " --runroot " +
                   quoted((env.tempDir() / "podman/run").string()) +
                   " --storage-driver overlay --cgroup-manager cgroupfs --events-backend file --tmpdir " +
                   quoted((env.tempDir() / "podman/tmp").string());
    }
    ~ImageBench() { cleanUp(); }

    Status run();

private:
    Status startRegistry();
    Status startBus();
    Status checkBerth();
    Result<std::vector<TableRow>> hyperfine(const std::vector<Timed>& rows, const std::string& tag);
    Status measurePulls();
    Status measureCreates();
    Status measureDisk();
    Result<long> fullCopiesKiB();
    std::string berthctl() const { return quoted(BERTHCTL_BINARY); }
    void cleanUp();

    Options m_options;
    BenchEnvironment& m_env;
    Paths m_paths{fs::path("/")};
    berth::test::TestRegistry m_registry;
    berth::test::SystemBus m_bus;
    berth::test::BuiltImage m_image;
    std::string m_reference;
    std::string m_podman;
    std::string m_berthMissing; // why berthctl cannot pull here, when it cannot
    std::vector<std::pair<std::string, std::vector<TableRow>>> m_tables;
    std::vector<std::pair<std::string, long>> m_disk;
};

Status ImageBench::startRegistry()
{
    using namespace berth::test;
    if (runCommand({"ip", "link", "set", "lo", "up"}).exitCode != 0)
        return failWith(EIO, "cannot bring lo up in the bench's netns");
    ImageSpec spec;
    spec.layers.push_back({busyboxFiles()});
    for (unsigned i = 1; i <= 4; ++i) {
        const std::string data = pseudoRandomData(std::size_t(m_options.layerMiB) << 20, i);
        spec.layers.push_back({{LayerFile::dir("data"), LayerFile::file("data/layer" + std::to_string(i), data)}});
    }
    spec.config.cmd = {"/bin/sh"};
    m_image = buildImage(spec);
    std::string why;
    if (!m_registry.start({}, &why) || !m_registry.push(m_image, "bench/five", "latest", &why))
        return failWith(EIO, why);
    m_reference = m_registry.reference("bench/five", "latest");
    return {};
}

Status ImageBench::startBus()
{
    return startBenchBus(m_bus, m_paths.root(), m_env.cgroupParent());
}

// Berth's rows need the engine's pull (issue #21): without it the bench
// still measures the others and says why Berth's rows are missing.
Status ImageBench::checkBerth()
{
    const CommandResult pulled = runCommand({BERTHCTL_BINARY, "pull", m_reference});
    if (pulled.exitCode != 0)
        m_berthMissing = "berthctl pull " + m_reference + " failed: " + pulled.output;
    return {};
}

Result<std::vector<TableRow>> ImageBench::hyperfine(const std::vector<Timed>& rows, const std::string& tag)
{
    const fs::path json = m_env.tempDir() / ("hyperfine-" + tag + ".json");
    std::vector<std::string> argv = {"hyperfine",     "--style",    "basic", "--runs", std::to_string(m_options.runs),
                                     "--export-json", json.string()};
    for (const Timed& row : rows)
        argv.insert(argv.end(), {"--prepare", row.prepare.empty() ? "true" : row.prepare});
    for (const Timed& row : rows)
        argv.insert(argv.end(), {"-n", row.name, row.command});
    const CommandResult result = runCommand(argv);
    if (result.exitCode != 0)
        return failWith(EIO, "hyperfine: " + result.output);
    const nlohmann::json report = nlohmann::json::parse(berth::test::readWholeFile(json), nullptr, false);
    std::vector<TableRow> table;
    for (const nlohmann::json& entry : report.value("results", nlohmann::json::array())) {
        std::vector<double> ms;
        for (const double seconds : entry.value("times", std::vector<double>()))
            ms.push_back(seconds * 1000);
        table.push_back({entry.value("command", std::string()), summarize(ms)});
    }
    return table;
}

Status ImageBench::measurePulls()
{
    const std::string oci = quoted((m_env.tempDir() / "skopeo-oci").string());
    const std::string skopeo = "skopeo --insecure-policy copy --quiet --src-tls-verify=false docker://" + m_reference +
                               " oci:" + oci + ":latest";
    const std::string podman = m_podman + " pull -q --tls-verify=false " + m_reference + " >/dev/null";
    const std::string berth = berthctl() + " pull " + m_reference + " >/dev/null";
    std::vector<Timed> cold = {
        {"skopeo copy (cold)", skopeo, "rm -rf " + oci},
        {"podman pull (cold)", podman, m_podman + " rmi -af >/dev/null 2>&1 || true"},
    };
    std::vector<Timed> warm = {{"skopeo copy (warm)", skopeo, {}}, {"podman pull (warm)", podman, {}}};
    if (m_berthMissing.empty()) {
        const std::string clear = berthctl() + " image rm " + m_reference + " >/dev/null 2>&1; " + berthctl() +
                                  " image prune --all >/dev/null 2>&1; true";
        cold.insert(cold.begin(), {"berthctl pull (cold)", berth, clear});
        warm.insert(warm.begin(), {"berthctl pull (warm)", berth, {}});
    }
    auto coldRows = hyperfine(cold, "cold");
    if (!coldRows)
        return fail(coldRows.error());
    auto warmRows = hyperfine(warm, "warm");
    if (!warmRows)
        return fail(warmRows.error());
    m_tables.emplace_back("pull of a 5-layer image (ms)", *coldRows);
    m_tables.back().second.insert(m_tables.back().second.end(), warmRows->begin(), warmRows->end());
    return {};
}

Status ImageBench::measureCreates()
{
    std::vector<Timed> rows = {
        {"podman create", m_podman + " create -q --network none --name bench-create " + m_reference + " >/dev/null",
         m_podman + " rm -f bench-create >/dev/null 2>&1 || true"}};
    if (m_berthMissing.empty())
        rows.insert(rows.begin(),
                    {"berthctl create --image", berthctl() + " create bench-create --image " + m_reference,
                     berthctl() + " destroy bench-create -f >/dev/null 2>&1 || true"});
    auto table = hyperfine(rows, "create");
    if (!table)
        return fail(table.error());
    m_tables.emplace_back("create from the pulled image (ms)", *table);
    (void)runCommand({"sh", "-c", berthctl() + " destroy bench-create -f; " + m_podman + " rm -f bench-create"});
    return {};
}

// Ten copies of the image's tree as a full copy per container would make
// them: the layers unpacked in order into one tree, then `cp -a` of it.
Result<long> ImageBench::fullCopiesKiB()
{
    const fs::path first = m_env.tempDir() / "copies/0";
    fs::create_directories(first);
    for (const std::string& digest : m_image.layerDigests) {
        const fs::path blob = m_env.tempDir() / "copies/layer.tar.gz";
        berth::test::writeWholeFile(blob, m_image.blobs.at(digest).data);
        const CommandResult unpacked = runCommand({"tar", "-xzf", blob.string(), "-C", first.string()});
        fs::remove(blob);
        if (unpacked.exitCode != 0)
            return failWith(EIO, "tar: " + unpacked.output);
    }
    std::vector<fs::path> copies = {first};
    for (int i = 1; i < m_options.containers; ++i) {
        copies.push_back(m_env.tempDir() / "copies" / std::to_string(i));
        const CommandResult copied = runCommand({"cp", "-a", first.string(), copies.back().string()});
        if (copied.exitCode != 0)
            return failWith(EIO, "cp -a: " + copied.output);
    }
    return diskKiB(copies);
}

Status ImageBench::measureDisk()
{
    const std::string n = std::to_string(m_options.containers);
    for (int i = 0; i < m_options.containers; ++i) {
        const std::string name = "bench-disk-" + std::to_string(i);
        if (m_berthMissing.empty())
            (void)runCommand({BERTHCTL_BINARY, "create", name, "--image", m_reference});
        (void)runCommand({"sh", "-c", m_podman + " create -q --network none --name " + name + " " + m_reference});
    }
    auto berth = diskKiB({m_paths.imagesDir(), m_paths.containersDir()});
    auto podman = diskKiB({m_env.tempDir() / "podman/root"});
    auto copies = fullCopiesKiB();
    if (!podman || !copies)
        return fail((podman ? copies.error() : podman.error()).wrap("disk"));
    if (m_berthMissing.empty() && berth)
        m_disk.emplace_back("berth: image store + " + n + " containers", *berth);
    m_disk.emplace_back("podman: storage with the image + " + n + " containers", *podman);
    m_disk.emplace_back(n + " full copies (cp -a of the flattened image)", *copies);
    return {};
}

Status ImageBench::run()
{
    using Step = Status (ImageBench::*)();
    for (Step step : {&ImageBench::startRegistry, &ImageBench::startBus, &ImageBench::checkBerth,
                      &ImageBench::measurePulls, &ImageBench::measureCreates, &ImageBench::measureDisk}) {
        if (Status ok = (this->*step)(); !ok)
            return ok;
    }
    std::printf("\none registry (docker-registry on 127.0.0.1, plain http), image %s: 5 layers, %.1f MiB "
                "compressed; hyperfine, %d runs per row\n",
                m_reference.c_str(), double(m_image.layersSize()) / (1 << 20), m_options.runs);
    if (!m_berthMissing.empty())
        std::printf("Berth's rows are missing: %s\n", m_berthMissing.c_str());
    for (const auto& [title, rows] : m_tables)
        std::printf("\n%s\n%s", title.c_str(), formatTable(rows).c_str());
    std::printf("\ndisk used (du -skx, each inode counted once)\n");
    for (const auto& [what, kib] : m_disk)
        std::printf("%-60s %10.1f MiB\n", what.c_str(), double(kib) / 1024);
    return {};
}

void ImageBench::cleanUp()
{
    std::string script;
    for (int i = 0; i < m_options.containers; ++i)
        script += berthctl() + " destroy bench-disk-" + std::to_string(i) + " -f >/dev/null 2>&1; ";
    script += berthctl() + " destroy bench-create -f >/dev/null 2>&1; ";
    script += berthctl() + " image rm " + m_reference + " >/dev/null 2>&1; ";
    script += m_podman + " rm -af >/dev/null 2>&1; " + m_podman + " rmi -af >/dev/null 2>&1; true";
    if (!m_reference.empty())
        (void)runCommand({"sh", "-c", script});
    m_bus.stop();
    m_registry.stop();
}

} // namespace

int main(int argc, char** argv)
{
    auto options = parseOptions(argc, argv);
    if (!options) {
        std::fprintf(stderr, "bench_images: %s\n", options.error().describe().c_str());
        return 2;
    }
    QCoreApplication app(argc, argv);
    BenchEnvironment env;
    if (auto entered = env.enter(); !entered) {
        std::fprintf(stderr, "bench_images: %s\n", entered.error().describe().c_str());
        return 1;
    }
    Status status;
    {
        ImageBench bench(*options, env);
        status = bench.run();
    }
    if (!status) {
        std::fprintf(stderr, "bench_images: %s\n", status.error().describe().c_str());
        return 1;
    }
    return 0;
}
