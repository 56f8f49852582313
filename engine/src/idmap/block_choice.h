// Which block of Berth's range a container gets, and whether a map a config
// names is Berth's to give. Pure: the callers read the configs (the maps in
// them are the only record of which blocks are taken).
#pragma once

#include "berth/model/id_map.h"
#include "idmap/subordinate_range.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace berth::idmap {

// The map of one existing container.
struct UsedMap {
    std::string container;
    model::IdMap map;
};

// The base of the lowest block of `range` that no used map touches (users
// or groups), or nothing when every block is taken.
[[nodiscard]] std::optional<std::uint32_t> lowestFreeBlock(const IdRange& range, const std::vector<UsedMap>& used);

// How many blocks of `range` no used map touches.
[[nodiscard]] std::uint32_t freeBlocks(const IdRange& range, const std::vector<UsedMap>& used);

struct MapProblem {
    std::size_t entry = 0; // index into map.entries
    std::string text;
};

// The first entry of `map` whose host IDs leave Berth's range or meet
// another container's map, with the reason; nothing when it is free to use.
[[nodiscard]] std::optional<MapProblem> mapOwnershipProblem(const model::IdMap& map, const IdRange& range,
                                                            const std::vector<UsedMap>& others);

} // namespace berth::idmap
