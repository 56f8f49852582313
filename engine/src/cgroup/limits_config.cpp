// lxc.cgroup2.* and lxc.cgroup.* keys -> Limits. Each key has a small
// parser; v1 values that span keys (memsw, quota/period) are combined at
// the end, so the keys may come in any order. Later lines win, as in LXC.
#include "cgroup/limits_config.h"

#include "cgroup/limit_values.h"
#include "cgroup/limit_writes.h"
#include "config/values.h"

#include <cerrno>
#include <map>

namespace berth::cgroup {

namespace {

using model::kLxcV1Prefix;
using model::kLxcV2Prefix;
using model::LimitKey;

// A key's cgroup files and range, from kLimitTable.
constexpr std::string_view v1File(LimitKey key)
{
    return model::kLimitTable[static_cast<std::size_t>(key)].v1File;
}

constexpr std::string_view v2File(LimitKey key)
{
    return model::kLimitTable[static_cast<std::size_t>(key)].v2File;
}

// What is read so far; v1 pieces wait until every key was seen.
struct Reading {
    Limits limits;
    std::optional<std::uint64_t> memsw; // v1 memory + swap
    std::optional<ConfigEntry> memswEntry;
    std::optional<std::uint64_t> quotaUs; // kUnlimited = no quota
    std::optional<std::uint64_t> periodUs;
    std::map<std::pair<unsigned, unsigned>, IoDeviceLimit> devices;
};

// "max" and "-1" mean no limit in both families.
bool isUnlimited(std::string_view text)
{
    return text == "max" || text == "-1";
}

Result<std::uint64_t> sizeOrMax(std::string_view text)
{
    return isUnlimited(text) ? Result<std::uint64_t>(kUnlimited) : parseSizeValue(text);
}

Result<std::uint64_t> countOrMax(std::string_view text)
{
    return isUnlimited(text) ? Result<std::uint64_t>(kUnlimited) : parseUnsignedValue(text, 0, kUnlimited - 1);
}

// A whole number within the key's range in kLimitTable.
Result<std::uint64_t> ranged64(std::string_view text, LimitKey key)
{
    const model::LimitRow& row = model::limitRow(key);
    return parseUnsignedValue(text, row.min, row.max);
}

Result<std::uint32_t> ranged(std::string_view text, LimitKey key)
{
    auto value = ranged64(text, key);
    if (!value)
        return fail(value.error());
    return static_cast<std::uint32_t>(*value);
}

template <class T> Status assign(std::optional<T>& field, Result<T> value)
{
    if (!value)
        return fail(value.error());
    field = *value;
    return {};
}

Status setMemsw(Reading& r, std::string_view v, const ConfigEntry& e)
{
    auto bytes = sizeOrMax(v);
    if (!bytes)
        return fail(bytes.error());
    r.memsw = *bytes;
    r.memswEntry = e;
    r.limits.swapMax.reset();
    return {};
}

Status setSwap(Reading& r, std::string_view v)
{
    r.memsw.reset();
    return assign(r.limits.swapMax, sizeOrMax(v));
}

Status setCpuset(std::optional<std::string>& field, std::string_view v)
{
    auto list = parseIdList(v);
    if (!list)
        return fail(list.error());
    field = std::string(v);
    return {};
}

// cpu.max: "max", "max 100000", "50000", "50000 100000".
Status setCpuMax(Reading& r, std::string_view v)
{
    const std::vector<std::string_view> words = splitBlanks(v);
    if (words.empty() || words.size() > 2)
        return failWith(EINVAL, quoteForMessage(v) + " is not a quota ('QUOTA PERIOD' or 'max PERIOD')");
    auto quota = words[0] == "max" ? Result<std::uint64_t>(kUnlimited) : parseUnsignedValue(words[0], 1, INT64_MAX);
    if (!quota)
        return fail(quota.error());
    r.quotaUs = *quota;
    if (words.size() == 2) {
        auto period = parseUnsignedValue(words[1], 1, INT64_MAX);
        if (!period)
            return fail(period.error());
        r.periodUs = *period;
    }
    return {};
}

Status setCfsQuota(Reading& r, std::string_view v)
{
    auto quota = isUnlimited(v) ? Result<std::uint64_t>(kUnlimited) : parseUnsignedValue(v, 1, INT64_MAX);
    if (!quota)
        return fail(quota.error());
    r.quotaUs = *quota;
    return {};
}

Status setCfsPeriod(Reading& r, std::string_view v)
{
    auto period = parseUnsignedValue(v, 1, INT64_MAX);
    if (!period)
        return fail(period.error());
    r.periodUs = *period;
    return {};
}

// io.weight: "N" or "default N"; per-device weights have no place in Limits.
Status setIoWeight(Reading& r, std::string_view v)
{
    std::vector<std::string_view> words = splitBlanks(v);
    if (words.size() == 2 && words[0] == "default")
        words.erase(words.begin());
    if (words.size() != 1)
        return failWith(EINVAL, quoteForMessage(v) + " is not an IO weight ('N' or 'default N')");
    r.limits.blkioWeight.reset();
    return assign(r.limits.ioWeight, ranged(words[0], LimitKey::IoWeight));
}

IoDeviceLimit& device(Reading& r, std::pair<unsigned, unsigned> number)
{
    auto [it, added] = r.devices.try_emplace(number);
    if (added) {
        it->second.major = number.first;
        it->second.minor = number.second;
    }
    return it->second;
}

// One "key=value" of io.max.
Status setIoMaxField(IoDeviceLimit& d, std::string_view field)
{
    const std::size_t eq = field.find('=');
    const std::string_view name = field.substr(0, eq);
    std::uint64_t* slot = name == "rbps"    ? &d.readBps
                          : name == "wbps"  ? &d.writeBps
                          : name == "riops" ? &d.readIops
                          : name == "wiops" ? &d.writeIops
                                            : nullptr;
    if (!slot || eq == std::string_view::npos)
        return failWith(EINVAL, quoteForMessage(field) + " is not rbps=, wbps=, riops= or wiops=");
    const std::string_view value = field.substr(eq + 1);
    const bool bytes = name.ends_with("bps");
    auto rate = value == "max" ? Result<std::uint64_t>(kUnlimited)
                : bytes        ? parseSizeValue(value)
                               : parseUnsignedValue(value, 0, kUnlimited - 1);
    if (!rate)
        return fail(rate.error());
    *slot = *rate;
    return {};
}

// io.max: "8:0 rbps=1048576 wbps=max riops=100 wiops=max" (any subset).
Status setIoMax(Reading& r, std::string_view v)
{
    const std::vector<std::string_view> words = splitBlanks(v);
    if (words.size() < 2)
        return failWith(EINVAL, quoteForMessage(v) + " is not 'MAJ:MIN rbps=.. wbps=.. riops=.. wiops=..'");
    auto number = parseDeviceNumber(words[0]);
    if (!number)
        return fail(number.error());
    IoDeviceLimit& d = device(r, *number);
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (Status s = setIoMaxField(d, words[i]); !s)
            return s;
    }
    return {};
}

// blkio.throttle.*_device: "8:0 1048576", where 0 means no limit.
Status setThrottle(Reading& r, std::string_view v, std::uint64_t IoDeviceLimit::*slot, bool bytes)
{
    const std::vector<std::string_view> words = splitBlanks(v);
    if (words.size() != 2)
        return failWith(EINVAL, quoteForMessage(v) + " is not 'MAJ:MIN VALUE'");
    auto number = parseDeviceNumber(words[0]);
    if (!number)
        return fail(number.error());
    auto rate = bytes ? parseSizeValue(words[1]) : parseUnsignedValue(words[1], 0, kUnlimited - 1);
    if (!rate)
        return fail(rate.error());
    device(r, *number).*slot = *rate == 0 ? kUnlimited : *rate;
    return {};
}

enum Family { V1 = 1, V2 = 2, Both = 3 };

struct KeyRule {
    Family family;
    std::string_view file;
    Status (*apply)(Reading&, std::string_view, const ConfigEntry&);
};

#define BERTH_RULE(family, file, body)                                                                                 \
    KeyRule                                                                                                            \
    {                                                                                                                  \
        family, file, [](Reading & r, std::string_view v, [[maybe_unused]] const ConfigEntry& e) -> Status body        \
    }

const KeyRule kRules[] = {
    BERTH_RULE(V2, v2File(LimitKey::MemoryMax), { return assign(r.limits.memoryMax, sizeOrMax(v)); }),
    BERTH_RULE(V2, v2File(LimitKey::MemoryHigh), { return assign(r.limits.memorySoft, sizeOrMax(v)); }),
    BERTH_RULE(V2, v2File(LimitKey::SwapMax), { return setSwap(r, v); }),
    BERTH_RULE(V1, v1File(LimitKey::MemoryMax), { return assign(r.limits.memoryMax, sizeOrMax(v)); }),
    BERTH_RULE(V1, v1File(LimitKey::MemoryHigh), { return assign(r.limits.memorySoft, sizeOrMax(v)); }),
    BERTH_RULE(V1, v1File(LimitKey::SwapMax), { return setMemsw(r, v, e); }),
    BERTH_RULE(V2, v2File(LimitKey::CpuWeight),
               {
                   r.limits.cpuShares.reset();
                   return assign(r.limits.cpuWeight, ranged(v, LimitKey::CpuWeight));
               }),
    BERTH_RULE(V2, v2File(LimitKey::CpuMax), { return setCpuMax(r, v); }),
    BERTH_RULE(V1, v1File(LimitKey::CpuShares),
               {
                   r.limits.cpuWeight.reset();
                   return assign(r.limits.cpuShares, ranged64(v, LimitKey::CpuShares));
               }),
    BERTH_RULE(V1, v1File(LimitKey::CpuMax), { return setCfsQuota(r, v); }),
    BERTH_RULE(V1, v1File(LimitKey::CpuPeriod), { return setCfsPeriod(r, v); }),
    BERTH_RULE(Both, v2File(LimitKey::Cpus), { return setCpuset(r.limits.cpus, v); }),
    BERTH_RULE(Both, v2File(LimitKey::Mems), { return setCpuset(r.limits.mems, v); }),
    BERTH_RULE(Both, v2File(LimitKey::PidsMax), { return assign(r.limits.pidsMax, countOrMax(v)); }),
    BERTH_RULE(V2, v2File(LimitKey::IoWeight), { return setIoWeight(r, v); }),
    BERTH_RULE(V2, "io.max", { return setIoMax(r, v); }),
    BERTH_RULE(V1, v1File(LimitKey::BlkioWeight),
               {
                   r.limits.ioWeight.reset();
                   return assign(r.limits.blkioWeight, ranged(v, LimitKey::BlkioWeight));
               }),
    BERTH_RULE(V1, "blkio.throttle.read_bps_device", { return setThrottle(r, v, &IoDeviceLimit::readBps, true); }),
    BERTH_RULE(V1, "blkio.throttle.write_bps_device", { return setThrottle(r, v, &IoDeviceLimit::writeBps, true); }),
    BERTH_RULE(V1, "blkio.throttle.read_iops_device", { return setThrottle(r, v, &IoDeviceLimit::readIops, false); }),
    BERTH_RULE(V1, "blkio.throttle.write_iops_device", { return setThrottle(r, v, &IoDeviceLimit::writeIops, false); }),
};

#undef BERTH_RULE

// LXC keys in the cgroup families that are not limits: placement and
// device rules, handled elsewhere.
bool isOtherCgroupKey(Family family, std::string_view file)
{
    if (file == "devices.allow" || file == "devices.deny")
        return true;
    return family == V1 && (file == "dir" || file.starts_with("dir.") || file == "relative");
}

Error atEntry(const Error& e, const ConfigEntry& entry)
{
    return Error::make(e.code, entry.where() + ": " + entry.key + ": " + e.message, entry.where() + " " + entry.key);
}

Status readEntry(Reading& r, const ConfigEntry& entry)
{
    Family family;
    std::string_view file;
    if (entry.key.starts_with(kLxcV2Prefix)) {
        family = V2;
        file = std::string_view(entry.key).substr(kLxcV2Prefix.size());
    } else if (entry.key.starts_with(kLxcV1Prefix)) {
        family = V1;
        file = std::string_view(entry.key).substr(kLxcV1Prefix.size());
    } else {
        return {};
    }
    if (isOtherCgroupKey(family, file))
        return {};
    for (const KeyRule& rule : kRules) {
        if (rule.file == file && (rule.family & family)) {
            if (Status s = rule.apply(r, trimBlanks(entry.value), entry); !s)
                return fail(atEntry(s.error(), entry));
            return {};
        }
    }
    return fail(atEntry(Error::make(EINVAL, "unknown cgroup key"), entry));
}

// memsw counts memory and swap together; the swap limit is the difference.
Status finishMemsw(Reading& r)
{
    if (!r.memsw)
        return {};
    if (*r.memsw == kUnlimited) {
        r.limits.swapMax = kUnlimited;
        return {};
    }
    const auto memory = r.limits.memoryMax;
    if (!memory || *memory == kUnlimited || *memory > *r.memsw)
        return fail(
            atEntry(Error::make(EINVAL, "needs memory.limit_in_bytes set and no larger than it"), *r.memswEntry));
    r.limits.swapMax = *r.memsw - *memory;
    return {};
}

void finishQuota(Reading& r)
{
    if (!r.quotaUs && !r.periodUs)
        return;
    CpuQuota quota;
    if (r.periodUs)
        quota.periodUs = *r.periodUs;
    if (r.quotaUs && *r.quotaUs != kUnlimited)
        quota.cores = static_cast<double>(*r.quotaUs) / static_cast<double>(quota.periodUs);
    r.limits.cpuQuota = quota;
}

} // namespace

Result<Limits> limitsFromConfig(const Config& config)
{
    Reading r;
    for (const ConfigEntry& entry : config.allEntries()) {
        if (Status s = readEntry(r, entry); !s)
            return fail(s.error());
    }
    if (Status s = finishMemsw(r); !s)
        return fail(s.error());
    finishQuota(r);
    for (auto& [number, limit] : r.devices)
        r.limits.ioDevices.push_back(limit);
    return std::move(r.limits);
}

} // namespace berth::cgroup
