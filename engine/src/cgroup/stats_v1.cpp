// Statistics of a v1 cgroup: each controller's directory in its hierarchy.
#include "cgroup/stats_read.h"

#include "cgroup/stats_fields.h"
#include "cgroup/stats_parse.h"

#include <array>
#include <cerrno>

namespace berth::cgroup {

using namespace stats_detail;

namespace {

const Placement* placementWith(const std::vector<Placement>& placements, std::string_view controller)
{
    for (const Placement& placement : placements)
        if (!placement.hierarchy.unified && placement.hierarchy.has(controller))
            return &placement;
    return nullptr;
}

// Runs `read` on the controller's directory; a controller the host does
// not mount leaves its fields alone.
template <class Read>
Status withController(const std::vector<Placement>& placements, std::string_view controller, Read read)
{
    const Placement* placement = placementWith(placements, controller);
    if (!placement)
        return {};
    Result<ControlDir> dir = ControlDir::open(placement->dir);
    if (!dir)
        return std::unexpected(std::move(dir.error()));
    return read(*dir);
}

Status memory(const ControlDir& dir, Buffer buffer, ContainerStats& s)
{
    Status read = firstFailure({
        counter(dir, "memory.usage_in_bytes", buffer, s.memoryCurrent),
        optionalCounter(dir, "memory.max_usage_in_bytes", buffer, s.memoryPeak),
        limit(dir, "memory.limit_in_bytes", buffer, s.memoryLimit),
        limit(dir, "memory.soft_limit_in_bytes", buffer, s.memorySoftLimit),
        keys(dir, "memory.stat", buffer, {{"total_cache", &s.memoryCache}, {"total_rss", &s.memoryAnon}}),
        keys(dir, "memory.oom_control", buffer, {{"oom_kill", &s.oomKills}}),
    });
    return read;
}

Status cpuQuota(const ControlDir& dir, Buffer buffer, ContainerStats& s)
{
    std::array<char, 32> period;
    Result<std::string_view> quotaText = dir.read("cpu.cfs_quota_us", buffer);
    Result<std::string_view> periodText = dir.read("cpu.cfs_period_us", period);
    if (!quotaText || !periodText) {
        const Error& error = !quotaText ? quotaText.error() : periodText.error();
        return error.code == ENOENT ? Status{} : std::unexpected(error);
    }
    Result<std::optional<CpuQuota>> quota =
        parseCfsQuota(*quotaText, *periodText, (dir.path() / "cpu.cfs_quota_us").string());
    if (!quota)
        return std::unexpected(std::move(quota.error()));
    s.cpuQuota = *quota;
    return {};
}

// The recursive files count what sub-cgroups did too; older kernels and
// some configurations only have the plain ones.
Result<ReadWrite> blkioTotals(const ControlDir& dir, Buffer buffer, const char* recursive, const char* plain)
{
    Result<std::string_view> text = dir.read(recursive, buffer);
    const char* used = recursive;
    if (!text && text.error().code == ENOENT) {
        text = dir.read(plain, buffer);
        used = plain;
    }
    if (!text && text.error().code == ENOENT)
        return ReadWrite{};
    if (!text)
        return std::unexpected(std::move(text.error()));
    return parseBlkioTotals(*text, (dir.path() / used).string());
}

Status blkio(const ControlDir& dir, Buffer buffer, ContainerStats& s)
{
    Result<ReadWrite> bytes =
        blkioTotals(dir, buffer, "blkio.throttle.io_service_bytes_recursive", "blkio.throttle.io_service_bytes");
    if (!bytes)
        return std::unexpected(std::move(bytes.error()));
    Result<ReadWrite> ops =
        blkioTotals(dir, buffer, "blkio.throttle.io_serviced_recursive", "blkio.throttle.io_serviced");
    if (!ops)
        return std::unexpected(std::move(ops.error()));
    s.ioReadBytes = bytes->read;
    s.ioWriteBytes = bytes->write;
    s.ioReadOps = ops->read;
    s.ioWriteOps = ops->write;
    return {};
}

} // namespace

Result<ContainerStats> readV1Stats(const std::vector<Placement>& placements)
{
    std::array<char, kControlBufferSize> storage;
    const Buffer buffer(storage);
    ContainerStats s;
    Status read = firstFailure({
        withController(placements, "memory", [&](const ControlDir& dir) { return memory(dir, buffer, s); }),
        withController(placements, "cpuacct",
                       [&](const ControlDir& dir) { return counter(dir, "cpuacct.usage", buffer, s.cpuUsageNs); }),
        withController(placements, "cpu",
                       [&](const ControlDir& dir) {
                           return firstFailure({keys(dir, "cpu.stat", buffer, {{"throttled_time", &s.cpuThrottledNs}}),
                                                cpuQuota(dir, buffer, s)});
                       }),
        withController(placements, "pids",
                       [&](const ControlDir& dir) {
                           return firstFailure({counter(dir, "pids.current", buffer, s.pidsCurrent),
                                                limit(dir, "pids.max", buffer, s.pidsLimit)});
                       }),
        withController(placements, "blkio", [&](const ControlDir& dir) { return blkio(dir, buffer, s); }),
    });
    if (!read)
        return std::unexpected(std::move(read.error()));
    return s;
}

} // namespace berth::cgroup
