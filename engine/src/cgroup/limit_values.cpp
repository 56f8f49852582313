#include "cgroup/limit_values.h"

#include "config/values.h"

#include <cerrno>
#include <charconv>
#include <cmath>

namespace berth::cgroup {

namespace {

Result<unsigned> parseId(std::string_view text, std::string_view list)
{
    auto id = parseUnsignedValue(text, 0, kMaxCpusetId);
    if (!id)
        return failWith(EINVAL, quoteForMessage(list) + " is not a CPU list (" + id.error().message + ")");
    return static_cast<unsigned>(*id);
}

Result<IdRange> parseRange(std::string_view piece, std::string_view list)
{
    const std::size_t dash = piece.find('-');
    auto low = parseId(piece.substr(0, dash), list);
    if (!low)
        return fail(low.error());
    if (dash == std::string_view::npos)
        return IdRange{*low, *low};
    auto high = parseId(piece.substr(dash + 1), list);
    if (!high)
        return fail(high.error());
    if (*high < *low)
        return failWith(EINVAL, quoteForMessage(list) + " is not a CPU list (range " + quoteForMessage(piece) +
                                    " runs backwards)");
    return IdRange{*low, *high};
}

} // namespace

Result<std::vector<IdRange>> parseIdList(std::string_view text)
{
    if (text.empty())
        return failWith(EINVAL, "'' is not a CPU list");
    std::vector<IdRange> ranges;
    std::size_t pos = 0;
    for (;;) {
        const std::size_t comma = text.find(',', pos);
        auto range = parseRange(text.substr(pos, comma - pos), text);
        if (!range)
            return fail(range.error());
        ranges.push_back(*range);
        if (comma == std::string_view::npos)
            return ranges;
        pos = comma + 1;
    }
}

bool idListCovers(const std::vector<IdRange>& outer, const std::vector<IdRange>& inner)
{
    auto covered = [&](unsigned id) {
        for (const IdRange& r : outer) {
            if (id >= r.first && id <= r.second)
                return true;
        }
        return false;
    };
    for (const IdRange& r : inner) {
        for (unsigned id = r.first; id <= r.second; ++id) {
            if (!covered(id))
                return false;
        }
    }
    return true;
}

Result<std::pair<unsigned, unsigned>> parseDeviceNumber(std::string_view text)
{
    const std::size_t colon = text.find(':');
    auto bad = [&] { return failWith(EINVAL, quoteForMessage(text) + " is not a device number (major:minor)"); };
    if (colon == std::string_view::npos)
        return bad();
    auto major = parseUnsignedValue(text.substr(0, colon), 0, 0xfff);
    auto minor = parseUnsignedValue(text.substr(colon + 1), 0, 0xfffff);
    if (!major || !minor)
        return bad();
    return std::pair{static_cast<unsigned>(*major), static_cast<unsigned>(*minor)};
}

std::string deviceNumber(unsigned major, unsigned minor)
{
    return std::to_string(major) + ":" + std::to_string(minor);
}

std::string formatIoMax(const IoDeviceLimit& device)
{
    auto value = [](std::uint64_t v) { return v == kUnlimited ? std::string("max") : std::to_string(v); };
    return deviceNumber(device.major, device.minor) + " rbps=" + value(device.readBps) +
           " wbps=" + value(device.writeBps) + " riops=" + value(device.readIops) + " wiops=" + value(device.writeIops);
}

std::uint64_t quotaMicros(const CpuQuota& quota)
{
    const double micros = quota.cores * static_cast<double>(quota.periodUs);
    if (!std::isfinite(micros) || micros <= 0)
        return 0;
    return static_cast<std::uint64_t>(std::llround(micros));
}

std::string_view trimBlanks(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace berth::cgroup
