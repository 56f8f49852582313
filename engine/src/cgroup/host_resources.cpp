// What the host offers, read from /proc and /sys below a root directory so
// that unit tests can point it at fixture trees.
#include "cgroup/limit_writes.h"

#include "cgroup/cgroup_file.h"
#include "cgroup/limit_values.h"
#include "config/values.h"

#include <algorithm>
#include <cerrno>

namespace berth::cgroup {

namespace fs = std::filesystem;

namespace {

fs::path below(const fs::path& root, const fs::path& absolute)
{
    return root / absolute.relative_path();
}

// "MemTotal:       24684084 kB" -> bytes.
Result<std::uint64_t> memTotal(const fs::path& meminfo)
{
    auto text = readFile(meminfo);
    if (!text)
        return fail(text.error());
    for (const std::string& line : split(*text, "\n")) {
        const std::vector<std::string> words = split(line);
        if (words.size() != 3 || words[0] != "MemTotal:" || words[2] != "kB")
            continue;
        auto kib = parseUnsignedValue(words[1], 1, UINT64_MAX / 1024);
        if (!kib)
            return fail(kib.error().wrap(meminfo.string() + ": MemTotal"));
        return *kib * 1024;
    }
    return failWith(EINVAL, meminfo.string() + " has no MemTotal line", meminfo.string());
}

// An online list, checked so that validation can rely on it.
Result<std::string> onlineList(const fs::path& file, std::string_view whenAbsent)
{
    std::error_code ec;
    if (!whenAbsent.empty() && !fs::exists(file, ec))
        return std::string(whenAbsent);
    auto line = readLine(file);
    if (!line)
        return line;
    std::string list(trimBlanks(*line));
    if (auto parsed = parseIdList(list); !parsed)
        return fail(parsed.error().wrap(file.string()));
    return list;
}

// /sys/dev/block has one "major:minor" link per block device.
Result<std::vector<std::pair<unsigned, unsigned>>> blockDevices(const fs::path& dir)
{
    std::vector<std::pair<unsigned, unsigned>> devices;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (auto number = parseDeviceNumber(it->path().filename().string()))
            devices.push_back(*number);
    }
    if (ec)
        return failErrno(ec.value(), "read " + dir.string());
    std::sort(devices.begin(), devices.end());
    return devices;
}

bool fileExists(const fs::path& file)
{
    std::error_code ec;
    return fs::exists(file, ec);
}

// v1: the memory hierarchy's root has memory.memsw.* only with swapaccount=1.
bool v1SwapAccounting(const Layout& layout)
{
    for (const Hierarchy& h : layout.legacy) {
        if (h.has("memory"))
            return fileExists(h.mountPoint / "memory.memsw.limit_in_bytes");
    }
    return false;
}

// v2: the root cgroup has no memory.swap.max, so look at its children; a
// tree without children with memory files cannot tell, and kernels since
// 5.8 account swap unless the command line turned it off.
bool v2Swap(const Layout& layout, const fs::path& root)
{
    if (!layout.unified || layout.mode != Mode::Unified || !layout.unified->has("memory"))
        return false;
    std::error_code ec;
    for (fs::directory_iterator it(layout.unified->mountPoint, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && fileExists(it->path() / "memory.max"))
            return fileExists(it->path() / "memory.swap.max");
    }
    auto cmdline = readFile(below(root, "/proc/cmdline"));
    return !cmdline || cmdline->find("swapaccount=0") == std::string::npos;
}

} // namespace

std::string_view ioWeightFile(Mode mode)
{
    return mode == Mode::Unified ? "io.weight" : "blkio.weight";
}

// v1: the blkio hierarchy's root has the file. v2: io.weight is only in
// child cgroups, io.cost.qos (the same controller) only in the root.
bool hasIoWeight(const Layout& layout)
{
    if (layout.mode == Mode::Unified)
        return layout.unified && layout.unified->has("io") && fileExists(layout.unified->mountPoint / "io.cost.qos");
    for (const Hierarchy& h : layout.legacy) {
        if (h.has("blkio"))
            return fileExists(h.mountPoint / "blkio.weight");
    }
    return false;
}

std::string ioWeightMissing(Mode mode)
{
    if (mode == Mode::Unified)
        return "io.weight: not available (no io.cost controller: the kernel has no io.weight file)";
    return "blkio.weight: not available (no CFQ/BFQ weight: the kernel has no blkio.weight file)";
}

// The layout's mount points are used as they are: detectLayout already put
// them below the root it was given.
Result<HostResources> readHostResources(const Layout& layout, const fs::path& root)
{
    HostResources host;
    auto memory = memTotal(below(root, "/proc/meminfo"));
    auto cpus = onlineList(below(root, "/sys/devices/system/cpu/online"), {});
    auto mems = onlineList(below(root, "/sys/devices/system/node/online"), "0");
    auto devices = blockDevices(below(root, "/sys/dev/block"));
    if (!memory || !cpus || !mems || !devices) {
        const Error& e = !memory ? memory.error() : !cpus ? cpus.error() : !mems ? mems.error() : devices.error();
        return fail(e.wrap("read host resources"));
    }
    host.memoryBytes = *memory;
    host.onlineCpus = std::move(*cpus);
    host.onlineMems = std::move(*mems);
    host.blockDevices = std::move(*devices);
    host.v1SwapAccounting = v1SwapAccounting(layout);
    host.v2Swap = v2Swap(layout, root);
    host.ioWeight = hasIoWeight(layout);
    return host;
}

} // namespace berth::cgroup
