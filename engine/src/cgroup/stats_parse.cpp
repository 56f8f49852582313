#include "cgroup/stats_parse.h"

#include <cerrno>
#include <charconv>
#include <string>

namespace berth::cgroup {

namespace {

std::unexpected<Error> malformed(std::string_view what, std::string_view file)
{
    return failWith(EINVAL, "malformed " + std::string(file) + ": '" + std::string(what) + "'", std::string(file));
}

std::optional<std::uint64_t> number(std::string_view word)
{
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (word.empty() || ec != std::errc() || end != word.data() + word.size())
        return std::nullopt;
    return value;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.remove_suffix(1);
    return text;
}

// Calls `line` for each non-empty line; stops at the first error.
template <class Fn> Status forEachLine(std::string_view text, Fn line)
{
    while (!text.empty()) {
        const size_t end = std::min(text.find('\n'), text.size());
        if (end > 0)
            if (Status done = line(text.substr(0, end)); !done)
                return done;
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return {};
}

// "a b" -> {"a", "b"}; false when there is no space.
bool splitPair(std::string_view line, std::string_view& first, std::string_view& second)
{
    const size_t space = line.find(' ');
    if (space == std::string_view::npos)
        return false;
    first = line.substr(0, space);
    second = line.substr(space + 1);
    return true;
}

std::uint64_t* ioField(IoTotals& totals, std::string_view key)
{
    if (key == "rbytes")
        return &totals.readBytes;
    if (key == "wbytes")
        return &totals.writeBytes;
    if (key == "rios")
        return &totals.readOps;
    if (key == "wios")
        return &totals.writeOps;
    return nullptr;
}

// One io.stat line after its device: "rbytes=1 wbytes=2 ...".
Status addIoFields(std::string_view fields, IoTotals& totals, std::string_view file)
{
    while (!fields.empty()) {
        const size_t end = std::min(fields.find(' '), fields.size());
        const std::string_view field = fields.substr(0, end);
        fields.remove_prefix(std::min(end + 1, fields.size()));
        const size_t eq = field.find('=');
        const std::optional<std::uint64_t> value =
            eq == std::string_view::npos ? std::nullopt : number(field.substr(eq + 1));
        if (!value)
            return malformed(field, file);
        if (std::uint64_t* slot = ioField(totals, field.substr(0, eq)))
            *slot += *value;
    }
    return {};
}

} // namespace

Result<std::uint64_t> parseCounter(std::string_view text, std::string_view file)
{
    const std::optional<std::uint64_t> value = number(trimmed(text));
    if (!value)
        return malformed(trimmed(text), file);
    return *value;
}

Result<std::uint64_t> parseLimit(std::string_view text, std::string_view file)
{
    if (trimmed(text) == "max")
        return kUnlimited;
    Result<std::uint64_t> value = parseCounter(text, file);
    if (value && *value >= (std::uint64_t{1} << 62))
        return kUnlimited;
    return value;
}

Result<std::optional<std::uint64_t>> keyedValue(std::string_view text, std::string_view key, std::string_view file)
{
    std::optional<std::uint64_t> found;
    Status scanned = forEachLine(text, [&](std::string_view line) -> Status {
        std::string_view name, value;
        if (found || !splitPair(line, name, value) || name != key)
            return {};
        found = number(value);
        return found ? Status{} : malformed(line, file);
    });
    if (!scanned)
        return std::unexpected(std::move(scanned.error()));
    return found;
}

Result<std::optional<CpuQuota>> parseCpuMax(std::string_view text, std::string_view file)
{
    std::string_view quota, period;
    if (!splitPair(trimmed(text), quota, period))
        return malformed(trimmed(text), file);
    const std::optional<std::uint64_t> periodUs = number(period);
    if (!periodUs || *periodUs == 0)
        return malformed(trimmed(text), file);
    if (quota == "max")
        return std::optional<CpuQuota>();
    const std::optional<std::uint64_t> quotaUs = number(quota);
    if (!quotaUs)
        return malformed(trimmed(text), file);
    return CpuQuota{static_cast<double>(*quotaUs) / static_cast<double>(*periodUs), *periodUs};
}

Result<std::optional<CpuQuota>> parseCfsQuota(std::string_view quota, std::string_view period, std::string_view file)
{
    const std::optional<std::uint64_t> periodUs = number(trimmed(period));
    if (!periodUs || *periodUs == 0)
        return malformed(trimmed(period), file);
    if (trimmed(quota) == "-1")
        return std::optional<CpuQuota>();
    const std::optional<std::uint64_t> quotaUs = number(trimmed(quota));
    if (!quotaUs)
        return malformed(trimmed(quota), file);
    return CpuQuota{static_cast<double>(*quotaUs) / static_cast<double>(*periodUs), *periodUs};
}

Result<IoTotals> parseIoStat(std::string_view text, std::string_view file)
{
    IoTotals totals;
    Status scanned = forEachLine(text, [&](std::string_view line) -> Status {
        std::string_view device, fields;
        if (!splitPair(line, device, fields))
            return malformed(line, file);
        return addIoFields(fields, totals, file);
    });
    if (!scanned)
        return std::unexpected(std::move(scanned.error()));
    return totals;
}

Result<ReadWrite> parseBlkioTotals(std::string_view text, std::string_view file)
{
    ReadWrite totals;
    Status scanned = forEachLine(text, [&](std::string_view line) -> Status {
        std::string_view device, rest, op, count;
        if (!splitPair(line, device, rest))
            return malformed(line, file);
        if (device == "Total")
            return {};
        const std::optional<std::uint64_t> value = splitPair(rest, op, count) ? number(count) : std::nullopt;
        if (!value)
            return malformed(line, file);
        if (op == "Read")
            totals.read += *value;
        else if (op == "Write")
            totals.write += *value;
        return {};
    });
    if (!scanned)
        return std::unexpected(std::move(scanned.error()));
    return totals;
}

} // namespace berth::cgroup
