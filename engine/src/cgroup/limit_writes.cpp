// The v1 and v2 translation tables: which files a Limits value becomes.
// Ranges are validateLimits' job; this file only refuses what a host cannot
// express at all (swap without accounting, v1 swap without a memory limit).
#include "cgroup/limit_writes.h"

#include "cgroup/limit_values.h"

#include <algorithm>
#include <cerrno>

namespace berth::cgroup {

namespace {

using Writes = std::vector<CgroupWrite>;

std::string count(std::uint64_t value, std::string_view unlimited)
{
    return value == kUnlimited ? std::string(unlimited) : std::to_string(value);
}

void cpusetWrites(const Limits& limits, Writes& out)
{
    if (limits.cpus)
        out.push_back({"cpuset", "cpuset.cpus", *limits.cpus});
    if (limits.mems)
        out.push_back({"cpuset", "cpuset.mems", *limits.mems});
}

// v1 has no swap file of its own: memsw is memory plus swap together.
Result<std::string> memswValue(const Limits& limits, const HostResources& host)
{
    if (!host.v1SwapAccounting)
        return failWith(EINVAL, "swap limits need swap accounting (swapaccount=1)");
    if (*limits.swapMax == kUnlimited)
        return std::string("-1");
    if (!limits.memoryMax || *limits.memoryMax == kUnlimited)
        return failWith(EINVAL, "a swap limit on cgroup v1 needs a memory limit as well (memsw = memory + swap)");
    if (*limits.swapMax > kUnlimited - 1 - *limits.memoryMax)
        return failWith(EINVAL, "swap limit " + std::to_string(*limits.swapMax) + " is too large");
    return std::to_string(*limits.memoryMax + *limits.swapMax);
}

Status v1MemoryWrites(const Limits& limits, const HostResources& host, Writes& out)
{
    if (limits.memoryMax)
        out.push_back({"memory", "memory.limit_in_bytes", count(*limits.memoryMax, "-1")});
    if (limits.memorySoft)
        out.push_back({"memory", "memory.soft_limit_in_bytes", count(*limits.memorySoft, "-1")});
    if (limits.swapMax) {
        auto memsw = memswValue(limits, host);
        if (!memsw)
            return fail(memsw.error());
        out.push_back({"memory", "memory.memsw.limit_in_bytes", *memsw});
    }
    return {};
}

void v1CpuWrites(const Limits& limits, Writes& out)
{
    if (limits.cpuShares)
        out.push_back({"cpu", "cpu.shares", std::to_string(*limits.cpuShares)});
    else if (limits.cpuWeight)
        out.push_back({"cpu", "cpu.shares", std::to_string(weightToShares(*limits.cpuWeight))});
    if (limits.cpuQuota) {
        // Period first: the quota is checked against it.
        const std::uint64_t quota = quotaMicros(*limits.cpuQuota);
        out.push_back({"cpu", "cpu.cfs_period_us", std::to_string(limits.cpuQuota->periodUs)});
        out.push_back({"cpu", "cpu.cfs_quota_us", quota == 0 ? "-1" : std::to_string(quota)});
    }
}

void v1IoWrites(const Limits& limits, Writes& out)
{
    if (limits.blkioWeight)
        out.push_back({"blkio", "blkio.weight", std::to_string(*limits.blkioWeight)});
    else if (limits.ioWeight)
        out.push_back({"blkio", "blkio.weight", std::to_string(ioWeightToBlkioWeight(*limits.ioWeight))});
    // Every direction is written, 0 for none, so that an earlier limit goes.
    for (const IoDeviceLimit& d : limits.ioDevices) {
        const std::string dev = deviceNumber(d.major, d.minor) + " ";
        out.push_back({"blkio", "blkio.throttle.read_bps_device", dev + count(d.readBps, "0")});
        out.push_back({"blkio", "blkio.throttle.write_bps_device", dev + count(d.writeBps, "0")});
        out.push_back({"blkio", "blkio.throttle.read_iops_device", dev + count(d.readIops, "0")});
        out.push_back({"blkio", "blkio.throttle.write_iops_device", dev + count(d.writeIops, "0")});
    }
}

Result<Writes> v1Writes(const Limits& limits, const HostResources& host)
{
    Writes out;
    cpusetWrites(limits, out);
    if (Status memory = v1MemoryWrites(limits, host, out); !memory)
        return fail(memory.error());
    v1CpuWrites(limits, out);
    if (limits.pidsMax)
        out.push_back({"pids", "pids.max", count(*limits.pidsMax, "max")});
    v1IoWrites(limits, out);
    return out;
}

Status v2MemoryWrites(const Limits& limits, const HostResources& host, Writes& out)
{
    if (limits.memoryMax)
        out.push_back({"memory", "memory.max", count(*limits.memoryMax, "max")});
    if (limits.memorySoft)
        out.push_back({"memory", "memory.high", count(*limits.memorySoft, "max")});
    if (limits.swapMax) {
        if (!host.v2Swap)
            return failWith(EINVAL, "swap limits need swap accounting (memory.swap.max is missing)");
        out.push_back({"memory", "memory.swap.max", count(*limits.swapMax, "max")});
    }
    return {};
}

void v2CpuWrites(const Limits& limits, Writes& out)
{
    if (limits.cpuWeight)
        out.push_back({"cpu", "cpu.weight", std::to_string(*limits.cpuWeight)});
    else if (limits.cpuShares)
        out.push_back({"cpu", "cpu.weight", std::to_string(sharesToWeight(*limits.cpuShares))});
    if (limits.cpuQuota) {
        const std::uint64_t quota = quotaMicros(*limits.cpuQuota);
        out.push_back(
            {"cpu", "cpu.max",
             count(quota == 0 ? kUnlimited : quota, "max") + " " + std::to_string(limits.cpuQuota->periodUs)});
    }
}

void v2IoWrites(const Limits& limits, Writes& out)
{
    if (limits.ioWeight)
        out.push_back({"io", "io.weight", "default " + std::to_string(*limits.ioWeight)});
    else if (limits.blkioWeight)
        out.push_back({"io", "io.weight", "default " + std::to_string(blkioWeightToIoWeight(*limits.blkioWeight))});
    for (const IoDeviceLimit& d : limits.ioDevices)
        out.push_back({"io", "io.max", formatIoMax(d)});
}

Result<Writes> v2Writes(const Limits& limits, const HostResources& host)
{
    Writes out;
    cpusetWrites(limits, out);
    if (Status memory = v2MemoryWrites(limits, host, out); !memory)
        return fail(memory.error());
    v2CpuWrites(limits, out);
    if (limits.pidsMax)
        out.push_back({"pids", "pids.max", count(*limits.pidsMax, "max")});
    v2IoWrites(limits, out);
    return out;
}

} // namespace

Result<std::vector<CgroupWrite>> limitWrites(const Limits& limits, Mode mode, const HostResources& host)
{
    return mode == Mode::Unified ? v2Writes(limits, host) : v1Writes(limits, host);
}

} // namespace berth::cgroup
