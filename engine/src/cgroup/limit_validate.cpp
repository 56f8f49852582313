// Range and host checks of a Limits value before anything is written, so a
// bad value changes nothing. Messages name the limit and the value.
#include "cgroup/limit_writes.h"

#include "cgroup/limit_values.h"
#include "cgroup/limits_config.h"
#include "berth/model/units.h"

#include <algorithm>
#include <cerrno>
#include <cmath>

namespace berth::cgroup {

namespace {

using model::LimitKey;
using model::limitRow;

constexpr std::uint64_t kMinQuotaUs = 1000; // the kernel refuses shorter quotas

std::unexpected<Error> invalid(std::string message)
{
    return failWith(EINVAL, std::move(message));
}

Status checkMemory(std::string_view what, std::optional<std::uint64_t> bytes, std::uint64_t minimum,
                   const HostResources& host)
{
    if (!bytes || *bytes == kUnlimited)
        return {};
    if (*bytes < minimum)
        return invalid(std::string(what) + " " + std::to_string(*bytes) + " bytes is below the minimum of " +
                       model::formatSize(minimum, model::SizeStyle::Long));
    if (*bytes > host.memoryBytes)
        return invalid(std::string(what) + " " + std::to_string(*bytes) + " bytes exceeds the host's memory (" +
                       std::to_string(host.memoryBytes) + " bytes)");
    return {};
}

Status checkSwap(const Limits& limits, const HostResources& host, Mode mode)
{
    if (!limits.swapMax)
        return {};
    if (mode == Mode::Unified && !host.v2Swap)
        return invalid("swap limits need swap accounting (memory.swap.max is missing)");
    if (mode != Mode::Unified && !host.v1SwapAccounting)
        return invalid("swap limits need swap accounting (swapaccount=1)");
    return {};
}

// The range of kLimitTable's row for `key`.
template <class T> Status checkRange(std::string_view what, std::optional<T> value, LimitKey key)
{
    const std::uint64_t min = limitRow(key).min;
    const std::uint64_t max = limitRow(key).max;
    if (value && (*value < min || *value > max))
        return invalid(std::string(what) + " " + std::to_string(*value) + " is out of range " + std::to_string(min) +
                       ".." + std::to_string(max));
    return {};
}

// A weight in both families at once would leave it to the write order.
template <class A, class B>
Status checkOneOf(std::string_view a, const std::optional<A>& first, std::string_view b, const std::optional<B>& second)
{
    if (first && second)
        return invalid(std::string(a) + " and " + std::string(b) + " are the same weight: give one");
    return {};
}

std::size_t countIds(const std::vector<IdRange>& ranges)
{
    std::size_t n = 0;
    for (const IdRange& r : ranges)
        n += r.second - r.first + 1;
    return n;
}

std::string coresText(double cores)
{
    std::string text = std::to_string(cores);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.ends_with('.'))
        text.pop_back();
    return text;
}

Status checkQuota(const std::optional<CpuQuota>& quota, const HostResources& host)
{
    if (!quota)
        return {};
    const auto& period = limitRow(LimitKey::CpuPeriod);
    if (quota->periodUs < period.min || quota->periodUs > period.max)
        return invalid("CPU quota period " + std::to_string(quota->periodUs) + " us is out of range " +
                       std::to_string(period.min) + ".." + std::to_string(period.max));
    if (!std::isfinite(quota->cores) || quota->cores < 0)
        return invalid("CPU quota of " + coresText(quota->cores) + " cores is not a positive number");
    if (quota->cores == 0)
        return {};
    auto online = parseIdList(host.onlineCpus);
    const std::size_t cpus = online ? countIds(*online) : 0;
    if (quota->cores > static_cast<double>(cpus))
        return invalid("CPU quota of " + coresText(quota->cores) + " cores exceeds the host's " + std::to_string(cpus) +
                       " online CPUs");
    if (quotaMicros(*quota) < kMinQuotaUs)
        return invalid("CPU quota of " + coresText(quota->cores) + " cores is below 1 ms per " +
                       std::to_string(quota->periodUs) + " us period");
    return {};
}

Status checkCpuset(std::string_view what, const std::optional<std::string>& list, const std::string& online)
{
    if (!list)
        return {};
    auto wanted = parseIdList(*list);
    if (!wanted)
        return fail(wanted.error().wrap(what));
    auto have = parseIdList(online);
    if (!have || !idListCovers(*have, *wanted))
        return invalid(std::string(what) + " '" + *list + "' names " + (what == "cpuset" ? "CPUs" : "memory nodes") +
                       " the host does not have (online: " + online + ")");
    return {};
}

Status checkPids(std::optional<std::uint64_t> pids)
{
    const auto& row = limitRow(LimitKey::PidsMax);
    if (pids && *pids != kUnlimited && (*pids < row.min || *pids > row.max))
        return invalid("pids limit " + std::to_string(*pids) + " is out of range " + std::to_string(row.min) + ".." +
                       std::to_string(row.max));
    return {};
}

Status checkDevice(const IoDeviceLimit& d, const HostResources& host)
{
    const std::string dev = deviceNumber(d.major, d.minor);
    const auto& devices = host.blockDevices;
    if (std::find(devices.begin(), devices.end(), std::pair{d.major, d.minor}) == devices.end())
        return invalid("io limit for device " + dev + ": the host has no such block device");
    for (std::uint64_t rate : {d.readBps, d.writeBps, d.readIops, d.writeIops}) {
        // v1 reads 0 as "no limit"; nobody means to stop all IO.
        if (rate == 0)
            return invalid("io limit for device " + dev + ": 0 is not a rate (use max for none)");
    }
    return {};
}

} // namespace

Status checkIoWeightFile(const Limits& limits, bool available, Mode mode)
{
    if ((!limits.ioWeight && !limits.blkioWeight) || available)
        return {};
    const std::string_view given = limits.blkioWeight ? "blkio.weight" : "io.weight";
    if (given == ioWeightFile(mode))
        return invalid(ioWeightMissing(mode));
    return invalid(std::string(given) + " is written as " + std::string(ioWeightFile(mode)) + " on this host; " +
                   ioWeightMissing(mode));
}

Status checkLimitFilesOnHost(const Config& config)
{
    auto limits = limitsFromConfig(config);
    if (!limits)
        return fail(limits.error());
    if (!limits->ioWeight && !limits->blkioWeight)
        return {};
    auto layout = detectLayout();
    if (!layout)
        return {};
    const std::string key = limits->blkioWeight ? model::lxcKey(LimitKey::BlkioWeight, model::CgroupFamily::V1)
                                                : model::lxcKey(LimitKey::IoWeight, model::CgroupFamily::V2);
    if (Status s = checkIoWeightFile(*limits, hasIoWeight(*layout), layout->mode); !s)
        return fail(s.error().wrap(key));
    return {};
}

Status validateLimits(const Limits& limits, const HostResources& host, Mode mode)
{
    Status checks[] = {
        checkMemory("memory limit", limits.memoryMax, limitRow(LimitKey::MemoryMax).min, host),
        checkMemory("memory soft limit", limits.memorySoft, limitRow(LimitKey::MemoryHigh).min, host),
        checkSwap(limits, host, mode),
        checkRange("CPU weight", limits.cpuWeight, LimitKey::CpuWeight),
        checkRange("CPU shares", limits.cpuShares, LimitKey::CpuShares),
        checkOneOf("cpu.weight", limits.cpuWeight, "cpu.shares", limits.cpuShares),
        checkQuota(limits.cpuQuota, host),
        checkCpuset("cpuset", limits.cpus, host.onlineCpus),
        checkCpuset("cpuset mems", limits.mems, host.onlineMems),
        checkPids(limits.pidsMax),
        checkRange("IO weight", limits.ioWeight, LimitKey::IoWeight),
        checkRange("blkio weight", limits.blkioWeight, LimitKey::BlkioWeight),
        checkOneOf("io.weight", limits.ioWeight, "blkio.weight", limits.blkioWeight),
        checkIoWeightFile(limits, host.ioWeight, mode),
    };
    for (Status& s : checks) {
        if (!s)
            return s;
    }
    for (const IoDeviceLimit& device : limits.ioDevices) {
        if (Status s = checkDevice(device, host); !s)
            return s;
    }
    return {};
}

Result<HostContext> validateLimitsOnHost(const Limits& limits)
{
    auto layout = detectLayout();
    if (!layout)
        return std::unexpected(layout.error());
    auto host = readHostResources(*layout);
    if (!host)
        return std::unexpected(host.error());
    if (auto valid = validateLimits(limits, *host, layout->mode); !valid)
        return std::unexpected(valid.error());
    return HostContext{std::move(*layout), std::move(*host)};
}

} // namespace berth::cgroup
