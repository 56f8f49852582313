#include "berth/model/id_map.h"

#include <algorithm>
#include "text_fields.h"

namespace berth::model {

namespace {

using detail::parseId;
using detail::words;

constexpr std::uint64_t kIdLimit = std::uint64_t{1} << 32;
constexpr std::size_t kKernelMaxLines = 340;

bool overlaps(std::uint64_t a, std::uint64_t aCount, std::uint64_t b, std::uint64_t bCount)
{
    return a < b + bCount && b < a + aCount;
}

std::optional<std::string> kindProblem(const std::vector<IdMapEntry>& ranges, const char* name)
{
    if (ranges.empty())
        return std::string("no ") + name + " IDs are mapped";
    if (ranges.size() > kKernelMaxLines)
        return std::string("more than 340 ") + name + " ranges";
    bool rootMapped = false;
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        const IdMapEntry& a = ranges[i];
        if (a.count == 0)
            return std::string("an empty ") + name + " range";
        if (a.inside + std::uint64_t{a.count} > kIdLimit || a.host + std::uint64_t{a.count} > kIdLimit)
            return std::string("a ") + name + " range runs past the largest ID";
        rootMapped = rootMapped || a.inside == 0;
        for (std::size_t j = 0; j < i; ++j) {
            const IdMapEntry& b = ranges[j];
            if (overlaps(a.inside, a.count, b.inside, b.count))
                return std::string(name) + " ranges overlap inside the container";
            if (overlaps(a.host, a.count, b.host, b.count))
                return std::string(name) + " ranges overlap on the host";
        }
    }
    if (!rootMapped)
        return std::string("the container's root ") + name + " (0) is not mapped";
    return std::nullopt;
}

} // namespace

std::optional<std::uint32_t> IdMap::toHost(IdKind kind, std::uint32_t inside) const
{
    for (const IdMapEntry& e : entries)
        if (e.kind == kind && inside >= e.inside && inside - e.inside < e.count)
            return e.host + (inside - e.inside);
    return std::nullopt;
}

std::optional<std::uint32_t> IdMap::toInside(IdKind kind, std::uint32_t host) const
{
    for (const IdMapEntry& e : entries)
        if (e.kind == kind && host >= e.host && host - e.host < e.count)
            return e.inside + (host - e.host);
    return std::nullopt;
}

std::vector<IdMapEntry> IdMap::ofKind(IdKind kind) const
{
    std::vector<IdMapEntry> out;
    std::ranges::copy_if(entries, std::back_inserter(out), [kind](const IdMapEntry& e) { return e.kind == kind; });
    return out;
}

std::string IdMap::procText(IdKind kind) const
{
    std::string out;
    for (const IdMapEntry& e : ofKind(kind))
        out += std::to_string(e.inside) + ' ' + std::to_string(e.host) + ' ' + std::to_string(e.count) + '\n';
    return out;
}

IdMap blockIdMap(std::uint32_t base)
{
    return IdMap{{{IdKind::User, 0, base, kIdBlockSize}, {IdKind::Group, 0, base, kIdBlockSize}}};
}

std::expected<IdMapEntry, std::string> parseIdMapEntry(std::string_view value)
{
    const std::vector<std::string_view> fields = words(value);
    if (fields.size() != 4)
        return std::unexpected("expected 'u|g INSIDE HOST COUNT'");
    if (fields[0] != "u" && fields[0] != "g")
        return std::unexpected("the kind must be u (users) or g (groups)");
    const auto inside = parseId(fields[1]), host = parseId(fields[2]), count = parseId(fields[3]);
    if (!inside || !host || !count)
        return std::unexpected("IDs and the count must be whole numbers below 2^32");
    if (*count == 0)
        return std::unexpected("the count must be at least 1");
    return IdMapEntry{fields[0] == "u" ? IdKind::User : IdKind::Group, *inside, *host, *count};
}

std::string formatIdMapEntry(const IdMapEntry& entry)
{
    return std::string(entry.kind == IdKind::User ? "u " : "g ") + std::to_string(entry.inside) + ' ' +
           std::to_string(entry.host) + ' ' + std::to_string(entry.count);
}

std::optional<IdMap> parseProcIdMap(IdKind kind, std::string_view text)
{
    IdMap map;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::vector<std::string_view> fields = words(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (fields.empty())
            continue;
        const auto inside = fields.size() == 3 ? parseId(fields[0]) : std::nullopt;
        const auto host = fields.size() == 3 ? parseId(fields[1]) : std::nullopt;
        const auto count = fields.size() == 3 ? parseId(fields[2]) : std::nullopt;
        if (!inside || !host || !count)
            return std::nullopt;
        map.entries.push_back({kind, *inside, *host, *count});
    }
    return map;
}

std::optional<std::string> idMapProblem(const IdMap& map)
{
    if (auto users = kindProblem(map.ofKind(IdKind::User), "user"))
        return users;
    return kindProblem(map.ofKind(IdKind::Group), "group");
}

} // namespace berth::model
