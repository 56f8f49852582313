#include "limits_args.h"

#include "config/values.h"

#include <cerrno>
#include <charconv>
#include <cmath>

namespace berth::helper {
namespace {

constexpr std::uint64_t kMaxPids = 4194304; // PID_MAX_LIMIT
constexpr double kMaxCores = 4096;

Error bad(const std::string& key, const std::string& value, std::string_view why)
{
    return Error::make(EINVAL, "limit " + key + " = " + quoteForMessage(value) + ": " + std::string(why));
}

Result<std::uint64_t> bytesOrMax(const std::string& key, const std::string& value)
{
    if (value == "max")
        return kUnlimited;
    auto size = parseSizeValue(value);
    if (!size)
        return fail(bad(key, value, "not a size"));
    return *size;
}

Result<std::uint32_t> weight(const std::string& key, const std::string& value)
{
    auto number = parseUnsignedValue(value, 1, 10000);
    if (!number)
        return fail(bad(key, value, "not within 1..10000"));
    return static_cast<std::uint32_t>(*number);
}

// v1 weights keep their own ranges: they reach a v1 kernel as given.
Result<std::uint64_t> shares(const std::string& key, const std::string& value)
{
    auto number = parseUnsignedValue(value, 2, 262144);
    if (!number)
        return fail(bad(key, value, "not within 2..262144"));
    return *number;
}

Result<std::uint32_t> blkioWeight(const std::string& key, const std::string& value)
{
    auto number = parseUnsignedValue(value, 10, 1000);
    if (!number)
        return fail(bad(key, value, "not within 10..1000"));
    return static_cast<std::uint32_t>(*number);
}

Result<double> cores(const std::string& key, const std::string& value)
{
    if (value == "max")
        return 0.0;
    double result = 0;
    const auto* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, result, std::chars_format::fixed);
    if (ec != std::errc() || ptr != end || !std::isfinite(result) || result < 0 || result > kMaxCores)
        return fail(bad(key, value, "not a number of cores within 0..4096"));
    return result;
}

Result<std::string> cpuList(const std::string& key, const std::string& value)
{
    if (value.empty() || value.size() > 256)
        return fail(bad(key, value, "not a list such as 0-1,3"));
    for (char c : value) {
        if (!(c >= '0' && c <= '9') && c != ',' && c != '-')
            return fail(bad(key, value, "not a list such as 0-1,3"));
    }
    return value;
}

Result<std::uint64_t> pids(const std::string& key, const std::string& value)
{
    if (value == "max")
        return kUnlimited;
    auto number = parseUnsignedValue(value, 1, kMaxPids);
    if (!number)
        return fail(bad(key, value, "not within 1..4194304 or 'max'"));
    return *number;
}

template <class T, class Parse>
Status assign(std::optional<T>& field, const std::string& key, const std::string& value, Parse parse)
{
    auto parsed = parse(key, value);
    if (!parsed)
        return fail(parsed.error());
    field = *parsed;
    return {};
}

Status applyOne(Limits& limits, std::optional<double>& quota, std::optional<std::uint64_t>& period,
                const std::string& key, const std::string& value)
{
    if (key == "memory.max")
        return assign(limits.memoryMax, key, value, bytesOrMax);
    if (key == "memory.high")
        return assign(limits.memorySoft, key, value, bytesOrMax);
    if (key == "memory.swap.max")
        return assign(limits.swapMax, key, value, bytesOrMax);
    if (key == "cpu.weight")
        return assign(limits.cpuWeight, key, value, weight);
    if (key == "io.weight")
        return assign(limits.ioWeight, key, value, weight);
    if (key == "cpu.shares")
        return assign(limits.cpuShares, key, value, shares);
    if (key == "blkio.weight")
        return assign(limits.blkioWeight, key, value, blkioWeight);
    if (key == "cpu.max")
        return assign(quota, key, value, cores);
    if (key == "cpu.period")
        return assign(period, key, value, [](const std::string& k, const std::string& v) -> Result<std::uint64_t> {
            auto n = parseUnsignedValue(v, 1000, 1000000);
            return n ? Result<std::uint64_t>(*n) : fail(bad(k, v, "not within 1000..1000000 microseconds"));
        });
    if (key == "cpuset.cpus")
        return assign(limits.cpus, key, value, cpuList);
    if (key == "cpuset.mems")
        return assign(limits.mems, key, value, cpuList);
    if (key == "pids.max")
        return assign(limits.pidsMax, key, value, pids);
    return failWith(EINVAL, "unknown limit " + quoteForMessage(key));
}

std::string numberOrMax(std::uint64_t value)
{
    return value == kUnlimited ? std::string("max") : std::to_string(value);
}

std::string coresText(double value)
{
    if (value <= 0)
        return "max";
    // Fixed notation: parseLimitArgs reads "0.00000001", not "1e-08".
    char buffer[64];
    auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return ec == std::errc() ? std::string(buffer, ptr) : std::string("max");
}

} // namespace

Result<Limits> parseLimitArgs(const std::map<std::string, std::string>& args)
{
    if (args.empty())
        return failWith(EINVAL, "no limit given");
    Limits limits;
    std::optional<double> quota;
    std::optional<std::uint64_t> period;
    for (const auto& [key, value] : args) {
        if (auto applied = applyOne(limits, quota, period, key, value); !applied)
            return fail(applied.error());
    }
    if (period && !quota)
        return failWith(EINVAL, "limit cpu.period needs cpu.max");
    if (quota)
        limits.cpuQuota = CpuQuota{*quota, period.value_or(100000)};
    return limits;
}

std::map<std::string, std::string> limitArgsText(const Limits& limits)
{
    std::map<std::string, std::string> out;
    const auto put = [&](const char* key, const auto& field, auto format) {
        if (field)
            out[key] = format(*field);
    };
    put("memory.max", limits.memoryMax, numberOrMax);
    put("memory.high", limits.memorySoft, numberOrMax);
    put("memory.swap.max", limits.swapMax, numberOrMax);
    put("cpu.weight", limits.cpuWeight, [](std::uint32_t v) { return std::to_string(v); });
    put("io.weight", limits.ioWeight, [](std::uint32_t v) { return std::to_string(v); });
    put("cpu.shares", limits.cpuShares, [](std::uint64_t v) { return std::to_string(v); });
    put("blkio.weight", limits.blkioWeight, [](std::uint32_t v) { return std::to_string(v); });
    put("pids.max", limits.pidsMax, numberOrMax);
    put("cpuset.cpus", limits.cpus, [](const std::string& v) { return v; });
    put("cpuset.mems", limits.mems, [](const std::string& v) { return v; });
    if (limits.cpuQuota) {
        out["cpu.max"] = coresText(limits.cpuQuota->cores);
        out["cpu.period"] = std::to_string(limits.cpuQuota->periodUs);
    }
    return out;
}

} // namespace berth::helper
