#include "idmap/block_choice.h"

#include <algorithm>

namespace berth::idmap {

namespace {

struct Span {
    std::uint64_t first = 0;
    std::uint64_t end = 0; // one past the last
};

std::uint64_t spanEnd(const model::IdMapEntry& e)
{
    return std::uint64_t{e.host} + e.count;
}

std::vector<Span> usedSpans(const std::vector<UsedMap>& used)
{
    std::vector<Span> spans;
    for (const UsedMap& u : used)
        for (const model::IdMapEntry& e : u.map.entries)
            spans.push_back({e.host, spanEnd(e)});
    std::ranges::sort(spans, {}, &Span::first);
    return spans;
}

// Calls `visit` with the base of each free block, lowest first, until it returns false.
template <class Visit> void forEachFreeBlock(const IdRange& range, const std::vector<UsedMap>& used, Visit&& visit)
{
    const std::vector<Span> spans = usedSpans(used);
    std::size_t next = 0;
    for (std::uint32_t i = 0; i < range.blocks(); ++i) {
        const std::uint64_t first = std::uint64_t{range.start} + std::uint64_t{i} * model::kIdBlockSize;
        const std::uint64_t end = first + model::kIdBlockSize;
        while (next < spans.size() && spans[next].end <= first)
            ++next;
        bool taken = false;
        for (std::size_t j = next; j < spans.size() && spans[j].first < end && !taken; ++j)
            taken = spans[j].end > first;
        if (!taken && !visit(static_cast<std::uint32_t>(first)))
            return;
    }
}

std::string hostSpanText(const model::IdMapEntry& e)
{
    return "host IDs " + std::to_string(e.host) + "-" + std::to_string(spanEnd(e) - 1);
}

bool overlaps(const model::IdMapEntry& a, const model::IdMapEntry& b)
{
    return a.host < spanEnd(b) && b.host < spanEnd(a);
}

} // namespace

std::optional<std::uint32_t> lowestFreeBlock(const IdRange& range, const std::vector<UsedMap>& used)
{
    std::optional<std::uint32_t> found;
    forEachFreeBlock(range, used, [&](std::uint32_t base) {
        found = base;
        return false;
    });
    return found;
}

std::uint32_t freeBlocks(const IdRange& range, const std::vector<UsedMap>& used)
{
    std::uint32_t count = 0;
    forEachFreeBlock(range, used, [&](std::uint32_t) {
        ++count;
        return true;
    });
    return count;
}

std::optional<MapProblem> mapOwnershipProblem(const model::IdMap& map, const IdRange& range,
                                              const std::vector<UsedMap>& others)
{
    for (std::size_t i = 0; i < map.entries.size(); ++i) {
        const model::IdMapEntry& e = map.entries[i];
        if (e.host < range.start || spanEnd(e) > range.end())
            return MapProblem{i, hostSpanText(e) + " are outside Berth's range " + std::to_string(range.start) + "-" +
                                     std::to_string(range.end() - 1) + " (/etc/subuid, /etc/subgid)"};
        for (const UsedMap& other : others)
            for (const model::IdMapEntry& o : other.map.entries)
                if (overlaps(e, o))
                    return MapProblem{i, hostSpanText(e) + " are already those of container '" + other.container + "'"};
    }
    return std::nullopt;
}

} // namespace berth::idmap
