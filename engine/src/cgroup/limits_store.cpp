// Limits -> config lines. A limit already in the config is rewritten where
// it stands, in its own family's syntax (so a legacy config stays legacy);
// a new one is added as lxc.cgroup2.*. Weights are stored in the family they
// were given in (cpu.shares/blkio.weight or cpu.weight/io.weight), so a v1
// value stays exact.
#include "cgroup/limits_config.h"

#include "cgroup/limit_values.h"
#include "cgroup/limit_writes.h"
#include "berth/model/units.h"

#include <cerrno>

namespace berth::cgroup {

namespace {

using model::CgroupFamily;
using model::LimitKey;

const std::string kV1(model::kLxcV1Prefix);
const std::string kV2(model::kLxcV2Prefix);

// A limit's LXC key in each family (kLimitTable).
std::string v1Key(LimitKey key)
{
    return model::lxcKey(key, CgroupFamily::V1);
}

std::string v2Key(LimitKey key)
{
    return model::lxcKey(key, CgroupFamily::V2);
}

// A byte count with the largest unit that divides it exactly ("512M",
// "1G", "1000"), as people write configs; the kernel's memparse reads it too.
std::string formatSize(std::uint64_t bytes)
{
    return model::formatSize(bytes, model::SizeStyle::Exact);
}

bool has(const Config& config, const std::string& key)
{
    return config.lineOf(key).has_value();
}

std::string sizeText(std::uint64_t bytes, std::string_view unlimited)
{
    return bytes == kUnlimited ? std::string(unlimited) : formatSize(bytes);
}

std::string countText(std::uint64_t value)
{
    return value == kUnlimited ? "max" : std::to_string(value);
}

// Updates whichever of the key's two LXC keys (kLimitTable) the config
// has; appends the v2 key if neither.
Status store(Config& config, LimitKey key, const std::string& v1Value, const std::string& v2Value)
{
    const bool v1 = has(config, v1Key(key));
    const bool v2 = has(config, v2Key(key));
    if (v1) {
        if (Status s = config.set(v1Key(key), v1Value); !s)
            return s;
    }
    if (v2 || !v1)
        return config.set(v2Key(key), v2Value);
    return {};
}

// A weight is stored as given, in its own family's key; the other family's
// key goes, or it would be read instead (converted, with loss).
Status storeWeight(Config& config, const std::string& key, const std::string& value, const std::string& otherKey)
{
    config.unset(otherKey);
    return config.set(key, value);
}

// v1 keeps memory + swap in one key: rewritten whenever either part changes.
Status storeSwap(Config& config, const Limits& limits, const Limits& current)
{
    const std::string memswKey = v1Key(LimitKey::SwapMax);
    const auto swap = limits.swapMax ? limits.swapMax : current.swapMax;
    const auto memory = limits.memoryMax ? limits.memoryMax : current.memoryMax;
    if (has(config, memswKey) && swap && (limits.swapMax || limits.memoryMax)) {
        if (*swap != kUnlimited && (!memory || *memory == kUnlimited))
            return failWith(EINVAL, memswKey + " cannot hold a swap limit without a memory limit");
        const bool unlimited = *swap == kUnlimited;
        if (!unlimited && *swap > kUnlimited - 1 - *memory)
            return failWith(EINVAL, "swap limit " + std::to_string(*swap) + " is too large");
        if (Status s = config.set(memswKey, unlimited ? "-1" : formatSize(*memory + *swap)); !s)
            return s;
    }
    if (limits.swapMax && (has(config, v2Key(LimitKey::SwapMax)) || !has(config, memswKey)))
        return config.set(v2Key(LimitKey::SwapMax), sizeText(*limits.swapMax, "max"));
    return {};
}

Status storeMemory(Config& config, const Limits& limits, const Limits& current)
{
    if (limits.memoryMax) {
        const std::uint64_t m = *limits.memoryMax;
        if (Status s = store(config, LimitKey::MemoryMax, sizeText(m, "-1"), sizeText(m, "max")); !s)
            return s;
    }
    if (limits.memorySoft) {
        const std::uint64_t m = *limits.memorySoft;
        if (Status s = store(config, LimitKey::MemoryHigh, sizeText(m, "-1"), sizeText(m, "max")); !s)
            return s;
    }
    return storeSwap(config, limits, current);
}

Status storeQuota(Config& config, const CpuQuota& quota)
{
    const std::uint64_t micros = quotaMicros(quota);
    const std::string period = std::to_string(quota.periodUs);
    const bool v1 = has(config, v1Key(LimitKey::CpuMax)) || has(config, v1Key(LimitKey::CpuPeriod));
    if (v1) {
        if (Status s = config.set(v1Key(LimitKey::CpuMax), micros == 0 ? "-1" : std::to_string(micros)); !s)
            return s;
        if (Status s = config.set(v1Key(LimitKey::CpuPeriod), period); !s)
            return s;
    }
    if (has(config, v2Key(LimitKey::CpuMax)) || !v1)
        return config.set(v2Key(LimitKey::CpuMax),
                          (micros == 0 ? std::string("max") : std::to_string(micros)) + " " + period);
    return {};
}

Status storeCpu(Config& config, const Limits& limits)
{
    if (limits.cpuShares) {
        if (Status s = storeWeight(config, v1Key(LimitKey::CpuShares), std::to_string(*limits.cpuShares),
                                   v2Key(LimitKey::CpuWeight));
            !s)
            return s;
    } else if (limits.cpuWeight) {
        if (Status s = storeWeight(config, v2Key(LimitKey::CpuWeight), std::to_string(*limits.cpuWeight),
                                   v1Key(LimitKey::CpuShares));
            !s)
            return s;
    }
    if (limits.cpuQuota)
        return storeQuota(config, *limits.cpuQuota);
    return {};
}

Status storeCpusetAndPids(Config& config, const Limits& limits)
{
    if (limits.cpus) {
        if (Status s = store(config, LimitKey::Cpus, *limits.cpus, *limits.cpus); !s)
            return s;
    }
    if (limits.mems) {
        if (Status s = store(config, LimitKey::Mems, *limits.mems, *limits.mems); !s)
            return s;
    }
    if (limits.pidsMax) {
        const std::string pids = countText(*limits.pidsMax);
        return store(config, LimitKey::PidsMax, pids, pids);
    }
    return {};
}

// A list key gets exactly `values`, where its last line stood.
Status replaceList(Config& config, const std::string& key, const std::vector<std::string>& values)
{
    if (values.empty()) {
        config.unset(key);
        return {};
    }
    if (Status s = config.set(key, values.front()); !s)
        return s;
    for (std::size_t i = values.size(); i-- > 1;) {
        // append() adds after the key's last line: add in reverse after the first.
        if (Status s = config.append(key, values[i]); !s)
            return s;
    }
    return {};
}

std::vector<std::string> throttleLines(const std::vector<IoDeviceLimit>& devices, std::uint64_t IoDeviceLimit::*slot)
{
    std::vector<std::string> lines;
    for (const IoDeviceLimit& d : devices) {
        if (d.*slot != kUnlimited)
            lines.push_back(deviceNumber(d.major, d.minor) + " " + std::to_string(d.*slot));
    }
    return lines;
}

Status storeDevices(Config& config, const std::vector<IoDeviceLimit>& devices)
{
    static const std::pair<std::string, std::uint64_t IoDeviceLimit::*> v1Keys[] = {
        {kV1 + "blkio.throttle.read_bps_device", &IoDeviceLimit::readBps},
        {kV1 + "blkio.throttle.write_bps_device", &IoDeviceLimit::writeBps},
        {kV1 + "blkio.throttle.read_iops_device", &IoDeviceLimit::readIops},
        {kV1 + "blkio.throttle.write_iops_device", &IoDeviceLimit::writeIops},
    };
    bool v1 = false;
    for (const auto& [key, slot] : v1Keys)
        v1 = v1 || has(config, key);
    if (!v1 || has(config, kV2 + "io.max")) {
        std::vector<std::string> lines;
        for (const IoDeviceLimit& d : devices)
            lines.push_back(formatIoMax(d));
        return replaceList(config, kV2 + "io.max", lines);
    }
    for (const auto& [key, slot] : v1Keys) {
        if (Status s = replaceList(config, key, throttleLines(devices, slot)); !s)
            return s;
    }
    return {};
}

Status storeIo(Config& config, const Limits& limits)
{
    if (limits.blkioWeight) {
        if (Status s = storeWeight(config, v1Key(LimitKey::BlkioWeight), std::to_string(*limits.blkioWeight),
                                   v2Key(LimitKey::IoWeight));
            !s)
            return s;
    } else if (limits.ioWeight) {
        const auto old = config.get(v2Key(LimitKey::IoWeight));
        const std::string v2 =
            (old && old->starts_with("default") ? "default " : "") + std::to_string(*limits.ioWeight);
        if (Status s = storeWeight(config, v2Key(LimitKey::IoWeight), v2, v1Key(LimitKey::BlkioWeight)); !s)
            return s;
    }
    if (!limits.ioDevices.empty())
        return storeDevices(config, limits.ioDevices);
    return {};
}

} // namespace

Status storeLimitsInConfig(Config& config, const Limits& limits)
{
    // The config's own limits, for the half of v1's memsw that is not changing.
    auto current = limitsFromConfig(config);
    if (!current)
        return fail(current.error());
    Config edited = config;
    if (Status s = storeMemory(edited, limits, *current); !s)
        return s;
    for (auto step : {storeCpu, storeCpusetAndPids, storeIo}) {
        if (Status s = step(edited, limits); !s)
            return s;
    }
    config = std::move(edited);
    return {};
}

} // namespace berth::cgroup
