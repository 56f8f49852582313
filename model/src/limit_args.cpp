// SetLimits' arguments: key -> value as text, to Limits and back, with the
// ranges of kLimitTable.
#include "berth/model/limits.h"
#include "berth/model/quote.h"
#include "berth/model/units.h"

#include <charconv>
#include <cmath>

namespace berth::model {
namespace {

constexpr std::size_t kMaxIdList = 256;

std::unexpected<LimitProblem> bad(const LimitRow& row, std::string_view value, std::string_view why)
{
    return std::unexpected(
        LimitProblem{LimitProblem::Kind::BadValue, std::string(row.wireKey),
                     "limit " + std::string(row.wireKey) + " = " + quoteForMessage(value) + ": " + std::string(why)});
}

std::optional<std::uint64_t> wholeNumber(std::string_view text)
{
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || text.front() < '0' || text.front() > '9' || ec != std::errc() ||
        end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string rangeText(const LimitRow& row)
{
    std::string text = "not within " + std::to_string(row.min) + ".." + std::to_string(row.max);
    if (row.unit == LimitUnit::Micros)
        text += " microseconds";
    if (row.maxAllowed)
        text += " or 'max'";
    return text;
}

std::expected<LimitValue, LimitProblem> bytes(const LimitRow& row, std::string_view text)
{
    auto size = parseSize(text);
    if (!size || *size > row.max)
        return bad(row, text, "not a size");
    if (*size < row.min)
        return bad(row, text, "below the minimum of " + formatSize(row.min, SizeStyle::Long));
    return LimitValue{.number = *size};
}

std::expected<LimitValue, LimitProblem> number(const LimitRow& row, std::string_view text)
{
    const auto value = wholeNumber(text);
    if (!value || *value < row.min || *value > row.max)
        return bad(row, text, rangeText(row));
    return LimitValue{.number = *value};
}

// "max" and "0" are no quota; anything else is a number of cores.
std::expected<LimitValue, LimitProblem> cores(const LimitRow& row, std::string_view text)
{
    if (auto value = parseCores(text))
        return LimitValue{.cores = *value};
    double zero = 1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), zero, std::chars_format::fixed);
    if (!text.empty() && ec == std::errc() && end == text.data() + text.size() && zero == 0)
        return LimitValue{.cores = 0};
    return bad(row, text, "not a number of cores within 0..4096");
}

std::expected<LimitValue, LimitProblem> idList(const LimitRow& row, std::string_view text)
{
    if (text.empty() || text.size() > kMaxIdList || text.find_first_not_of("0123456789,-") != std::string_view::npos)
        return bad(row, text, "not a list such as 0-1,3");
    return LimitValue{.text = std::string(text)};
}

std::string numberOrMax(std::uint64_t value)
{
    return value == kUnlimited ? std::string("max") : std::to_string(value);
}

} // namespace

std::expected<LimitValue, LimitProblem> parseLimitValue(LimitKey key, std::string_view text)
{
    const LimitRow& row = limitRow(key);
    if (row.maxAllowed && text == "max")
        return LimitValue{.number = kUnlimited, .cores = 0};
    switch (row.unit) {
    case LimitUnit::Bytes:
        return bytes(row, text);
    case LimitUnit::Cores:
        return cores(row, text);
    case LimitUnit::IdList:
        return idList(row, text);
    case LimitUnit::Number:
    case LimitUnit::Micros:
        break;
    }
    return number(row, text);
}

void setLimitValue(Limits& limits, LimitKey key, const LimitValue& value)
{
    const auto weight = static_cast<std::uint32_t>(value.number);
    switch (key) {
    case LimitKey::MemoryMax:
        limits.memoryMax = value.number;
        break;
    case LimitKey::MemoryHigh:
        limits.memorySoft = value.number;
        break;
    case LimitKey::SwapMax:
        limits.swapMax = value.number;
        break;
    case LimitKey::CpuWeight:
        limits.cpuWeight = weight;
        break;
    case LimitKey::CpuShares:
        limits.cpuShares = value.number;
        break;
    case LimitKey::CpuMax:
        limits.cpuQuota = CpuQuota{value.cores, limits.cpuQuota ? limits.cpuQuota->periodUs : kDefaultPeriodUs};
        break;
    case LimitKey::CpuPeriod:
        if (limits.cpuQuota)
            limits.cpuQuota->periodUs = value.number;
        break;
    case LimitKey::Cpus:
        limits.cpus = value.text;
        break;
    case LimitKey::Mems:
        limits.mems = value.text;
        break;
    case LimitKey::PidsMax:
        limits.pidsMax = value.number;
        break;
    case LimitKey::IoWeight:
        limits.ioWeight = weight;
        break;
    case LimitKey::BlkioWeight:
        limits.blkioWeight = weight;
        break;
    }
}

namespace {

// cpu.max and cpu.period may come in either order: they wait for each other.
void store(Limits& limits, std::optional<double>& quota, std::optional<std::uint64_t>& period, LimitKey key,
           const LimitValue& value)
{
    if (key == LimitKey::CpuMax)
        quota = value.cores;
    else if (key == LimitKey::CpuPeriod)
        period = value.number;
    else
        setLimitValue(limits, key, value);
}

} // namespace

std::expected<Limits, LimitProblem> parseLimitArgs(const std::map<std::string, std::string>& args)
{
    if (args.empty())
        return std::unexpected(LimitProblem{LimitProblem::Kind::Nothing, {}, "no limit given"});
    Limits limits;
    std::optional<double> quota;
    std::optional<std::uint64_t> period;
    for (const auto& [wire, text] : args) {
        const auto key = parseLimitKey(wire);
        if (!key)
            return std::unexpected(
                LimitProblem{LimitProblem::Kind::UnknownKey, wire, "unknown limit " + quoteForMessage(wire)});
        auto value = parseLimitValue(*key, text);
        if (!value)
            return std::unexpected(value.error());
        store(limits, quota, period, *key, *value);
    }
    if (period && !quota)
        return std::unexpected(
            LimitProblem{LimitProblem::Kind::PeriodWithoutQuota, "cpu.period", "limit cpu.period needs cpu.max"});
    if (quota)
        limits.cpuQuota = CpuQuota{*quota, period.value_or(kDefaultPeriodUs)};
    return limits;
}

std::optional<std::string> printLimitValue(const Limits& limits, LimitKey key)
{
    const auto text = [](const auto& field, auto print) -> std::optional<std::string> {
        if (!field)
            return std::nullopt;
        return print(*field);
    };
    const auto count = [](auto value) { return std::to_string(value); };
    const auto same = [](const std::string& value) { return value; };
    switch (key) {
    case LimitKey::MemoryMax:
        return text(limits.memoryMax, numberOrMax);
    case LimitKey::MemoryHigh:
        return text(limits.memorySoft, numberOrMax);
    case LimitKey::SwapMax:
        return text(limits.swapMax, numberOrMax);
    case LimitKey::CpuWeight:
        return text(limits.cpuWeight, count);
    case LimitKey::CpuShares:
        return text(limits.cpuShares, count);
    case LimitKey::CpuMax:
        return text(limits.cpuQuota, [](const CpuQuota& q) { return q.cores <= 0 ? "max" : formatCores(q.cores); });
    case LimitKey::CpuPeriod:
        return text(limits.cpuQuota, [](const CpuQuota& q) { return std::to_string(q.periodUs); });
    case LimitKey::Cpus:
        return text(limits.cpus, same);
    case LimitKey::Mems:
        return text(limits.mems, same);
    case LimitKey::PidsMax:
        return text(limits.pidsMax, numberOrMax);
    case LimitKey::IoWeight:
        return text(limits.ioWeight, count);
    case LimitKey::BlkioWeight:
        return text(limits.blkioWeight, count);
    }
    return std::nullopt;
}

std::map<std::string, std::string> limitArgsText(const Limits& limits)
{
    std::map<std::string, std::string> out;
    for (const LimitRow& row : kLimitTable) {
        if (auto value = printLimitValue(limits, row.key))
            out[std::string(row.wireKey)] = std::move(*value);
    }
    return out;
}

} // namespace berth::model
