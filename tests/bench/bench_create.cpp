// bench_create: creating a container from a cached template (a stopped
// source container) by overlayfs snapshot (privileged, and unprivileged: a
// block of IDs of its own, the tree not chowned) and by full copy, for a
// small (busybox) and a large rootfs, side by side with `cp -a` of the same
// tree and with a chown shift of it into a block (what an unprivileged
// container costs where the rootfs cannot be idmapped), in one invocation.
// The snapshot's time should not depend on the size, nor should the
// destroy of a snapshot (issue #22: it removes only its own files).
// Needs root. See README.md.
//   bench_create [--runs N] [--files N] [--megabytes N]
#include "bench_env.h"
#include "bench_main.h"
#include "command.h"
#include "stats.h"

#include "berth/engine.h"
#include "berth/model/id_map.h"
#include "idmap/tree_shift.h"
#include "berth/unique_fd.h"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace berth;
using namespace berth::bench;

namespace fsys = std::filesystem;

struct Options {
    int runs = 5;
    int files = 20000;
    int megabytes = 300;
};

struct Contender {
    std::string name;
    std::function<Result<double>()> runOnce;
    std::vector<double> samples;
};

Result<int> parseCount(std::string_view flag, const char* text)
{
    const std::string_view value = text ? text : "";
    int result = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || result < 1 || result > 1000000)
        return failWith(EINVAL, std::string(flag) + " needs a number from 1 to 1000000",
                        "'" + std::string(value) + "'");
    return result;
}

Result<Options> parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; i += 2) {
        const std::string_view arg = argv[i];
        int* target = arg == "--runs"        ? &options.runs
                      : arg == "--files"     ? &options.files
                      : arg == "--megabytes" ? &options.megabytes
                                             : nullptr;
        if (!target)
            return failWith(EINVAL, "usage: bench_create [--runs N] [--files N] [--megabytes N]", std::string(arg));
        Result<int> count = parseCount(arg, i + 1 < argc ? argv[i + 1] : nullptr);
        if (!count)
            return fail(count.error());
        *target = *count;
    }
    return options;
}

Status writeFile(const fsys::path& file, const std::string& data, std::size_t size)
{
    UniqueFd fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (!fd)
        return failErrno(errno, "create " + file.string());
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = ::write(fd.get(), data.data(), std::min(size - done, data.size()));
        if (n <= 0)
            return failErrno(errno, "write " + file.string());
        done += static_cast<std::size_t>(n);
    }
    return {};
}

// `files` files in directories of 100, sizes spread around the average so
// the total is about `megabytes`; contents not all zero (no sparse files).
Status fillLargeTree(const fsys::path& dir, const Options& options)
{
    const std::size_t average = std::size_t(options.megabytes) * 1024 * 1024 / std::size_t(options.files);
    std::string data(2 * average + 1, '\0');
    for (std::size_t i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>('a' + (i * 7919) % 26);
    for (int i = 0; i < options.files; ++i) {
        const fsys::path sub = dir / ("d" + std::to_string(i / 100));
        if (i % 100 == 0 && ::mkdir(sub.c_str(), 0755) != 0)
            return failErrno(errno, "create " + sub.string());
        // Sizes from about average/2 to 3*average/2, averaging `average`.
        const std::size_t size = average / 2 + (std::size_t(i) * 2654435761u) % (average + 1);
        if (Status ok = writeFile(sub / ("f" + std::to_string(i)), data, size); !ok)
            return ok;
    }
    return {};
}

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Times Engine::create of a clone of `source`, then destroys it (not timed).
// Dirty pages of the previous run are flushed first, so no run pays for another's writeback.
Result<double> timedClone(Engine& engine, const std::string& source, bool snapshot, bool privileged = true)
{
    ::sync();
    const std::string name = source + (snapshot ? "-snap" : "-copy") + (privileged ? "" : "-u");
    CreateRequest request{.name = name, .templateName = "clone", .privileged = privileged};
    request.options = {{"source", source}, {"snapshot", snapshot ? "true" : "false"}};
    const auto start = std::chrono::steady_clock::now();
    if (Status created = engine.create(request); !created)
        return fail(created.error());
    const double ms = msSince(start);
    if (Status destroyed = engine.destroy(name); !destroyed)
        return fail(destroyed.error());
    return ms;
}

// Times Engine::destroy of a snapshot of `source`, made first (not timed):
// it removes the snapshot's own files, never walks the source's tree.
Result<double> timedSnapshotDestroy(Engine& engine, const std::string& source)
{
    ::sync();
    const std::string name = source + "-gone";
    CreateRequest request{.name = name, .templateName = "clone"};
    request.options = {{"source", source}, {"snapshot", "true"}};
    if (Status created = engine.create(request); !created)
        return fail(created.error());
    const auto start = std::chrono::steady_clock::now();
    if (Status destroyed = engine.destroy(name); !destroyed)
        return fail(destroyed.error());
    return msSince(start);
}

Result<double> timedCp(const fsys::path& rootfs, const fsys::path& dest, const fsys::path& log)
{
    ::sync();
    Result<double> ms = timedRun({"cp", "-a", rootfs.string(), dest.string()}, log);
    std::error_code ec;
    fsys::remove_all(dest, ec);
    if (ec)
        return failWith(ec.value(), "remove " + dest.string() + ": " + ec.message());
    return ms;
}

// A block of Berth's default range (_berth:1000000000:1000000000).
constexpr std::uint32_t kShiftBase = 1000000000;

// Times the engine's shift of `rootfs` into a block (what creation does
// where the file system has no idmapped mounts: owners, groups, ACLs, file
// capabilities, setuid bits kept), then shifts it back (not timed).
Result<double> timedShift(const fsys::path& rootfs)
{
    const idmap::IdShift into{.from = {}, .to = model::blockIdMap(kShiftBase)};
    const idmap::IdShift back{.from = model::blockIdMap(kShiftBase), .to = {}};
    ::sync();
    const auto start = std::chrono::steady_clock::now();
    if (Status ok = idmap::shiftTree(rootfs, into); !ok)
        return fail(ok.error());
    const double ms = msSince(start);
    if (Status ok = idmap::shiftTree(rootfs, back); !ok)
        return fail(ok.error());
    return ms;
}

// Round-robin, so drift in the machine's load touches every row alike.
Status measure(std::vector<Contender>& contenders, int runs)
{
    for (int run = 0; run < runs; ++run) {
        for (Contender& contender : contenders) {
            if (interrupted())
                return failWith(EINTR, "interrupted");
            Result<double> ms = contender.runOnce();
            if (!ms)
                return fail(ms.error().wrap(contender.name + ", run " + std::to_string(run + 1)));
            contender.samples.push_back(*ms);
        }
    }
    return {};
}

std::vector<Contender> contendersFor(Engine& engine, const std::string& source, const std::string& label,
                                     const fsys::path& tempDir)
{
    const fsys::path rootfs = engine.settings().paths.rootfsDir(source);
    std::vector<Contender> rows;
    rows.push_back({"snapshot, " + label, [&engine, source] { return timedClone(engine, source, true); }, {}});
    rows.push_back({"unpriv. snapshot, " + label,
                    [&engine, source] { return timedClone(engine, source, true, /*privileged=*/false); },
                    {}});
    rows.push_back(
        {"destroy of a snapshot, " + label, [&engine, source] { return timedSnapshotDestroy(engine, source); }, {}});
    rows.push_back({"full copy, " + label, [&engine, source] { return timedClone(engine, source, false); }, {}});
    rows.push_back({"cp -a, " + label,
                    [rootfs, tempDir] { return timedCp(rootfs, tempDir / "cp-dest", tempDir / "cp.log"); },
                    {}});
    rows.push_back({"chown shift, " + label, [rootfs] { return timedShift(rootfs); }, {}});
    return rows;
}

// Both sources: busybox alone, and busybox with the generated tree.
Status createSources(Engine& engine, const Options& options)
{
    for (const char* name : {"small", "large"})
        if (Status created = engine.create({.name = name}); !created)
            return fail(created.error().wrap("create the source '" + std::string(name) + "'"));
    const fsys::path data = engine.settings().paths.rootfsDir("large") / "srv/bench";
    std::error_code ec;
    fsys::create_directories(data, ec);
    if (ec)
        return failWith(ec.value(), "create " + data.string() + ": " + ec.message());
    std::printf("generating %d files, about %d MB, in the large source...\n", options.files, options.megabytes);
    return fillLargeTree(data, options);
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
    Engine engine(std::move(settings));
    if (Status ok = createSources(engine, options); !ok)
        return ok;
    std::vector<Contender> contenders = contendersFor(engine, "small", "busybox", env.tempDir());
    for (Contender& row : contendersFor(engine, "large", "busybox + files", env.tempDir()))
        contenders.push_back(std::move(row));
    std::printf("bench_create: %d runs of each, round-robin\n", options.runs);
    Status measured = measure(contenders, options.runs);
    for (const char* name : {"small", "large"})
        (void)engine.destroy(name);
    if (!measured)
        return measured;
    std::vector<TableRow> rows;
    for (const Contender& contender : contenders)
        rows.push_back({contender.name, summarize(contender.samples)});
    std::printf("\ncreate from a stopped source container (wall time, steady_clock; large = busybox + %d files, "
                "%d MB)\n%s",
                options.files, options.megabytes, formatTable(rows).c_str());
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    return benchMain("bench_create", parseOptions(argc, argv), runBench);
}
