// Statistics of a v2 cgroup: one directory, every controller's files.
#include "cgroup/stats_read.h"

#include "cgroup/stats_fields.h"
#include "cgroup/stats_parse.h"

#include <array>
#include <cerrno>

namespace berth::cgroup {

using namespace stats_detail;

namespace {

Status cpuMax(const ControlDir& dir, Buffer buffer, ContainerStats& stats)
{
    Result<std::string_view> text = dir.read("cpu.max", buffer);
    if (!text)
        return text.error().code == ENOENT ? Status{} : std::unexpected(std::move(text.error()));
    Result<std::optional<CpuQuota>> quota = parseCpuMax(*text, (dir.path() / "cpu.max").string());
    if (!quota)
        return std::unexpected(std::move(quota.error()));
    stats.cpuQuota = *quota;
    return {};
}

Status ioStat(const ControlDir& dir, Buffer buffer, ContainerStats& stats)
{
    Result<std::string_view> text = dir.read("io.stat", buffer);
    if (!text)
        return text.error().code == ENOENT ? Status{} : std::unexpected(std::move(text.error()));
    Result<IoTotals> io = parseIoStat(*text, (dir.path() / "io.stat").string());
    if (!io)
        return std::unexpected(std::move(io.error()));
    stats.ioReadBytes = io->readBytes;
    stats.ioWriteBytes = io->writeBytes;
    stats.ioReadOps = io->readOps;
    stats.ioWriteOps = io->writeOps;
    return {};
}

} // namespace

Result<ContainerStats> readV2Stats(const std::filesystem::path& path)
{
    Result<ControlDir> dir = ControlDir::open(path);
    if (!dir)
        return std::unexpected(std::move(dir.error()));
    std::array<char, kControlBufferSize> buffer;
    ContainerStats s;
    constexpr std::uint64_t kNsPerUs = 1000;
    Status read = firstFailure({
        counter(*dir, "memory.current", buffer, s.memoryCurrent),
        optionalCounter(*dir, "memory.peak", buffer, s.memoryPeak),
        limit(*dir, "memory.max", buffer, s.memoryLimit),
        limit(*dir, "memory.high", buffer, s.memorySoftLimit),
        keys(*dir, "memory.stat", buffer, {{"file", &s.memoryCache}, {"anon", &s.memoryAnon}}),
        keys(*dir, "memory.events", buffer, {{"oom_kill", &s.oomKills}}),
        keys(*dir, "cpu.stat", buffer, {{"usage_usec", &s.cpuUsageNs}, {"throttled_usec", &s.cpuThrottledNs}},
             kNsPerUs),
        cpuMax(*dir, buffer, s),
        counter(*dir, "pids.current", buffer, s.pidsCurrent),
        limit(*dir, "pids.max", buffer, s.pidsLimit),
        ioStat(*dir, buffer, s),
    });
    if (!read)
        return std::unexpected(std::move(read.error()));
    return s;
}

} // namespace berth::cgroup
