// The upper layer of a snapshot of a container in its own user namespace is
// written as the container's IDs (it is not idmapped). What Berth wrote
// into it from the host before the first start (the clone's /etc/hostname,
// /etc/shadow...) is owned by host IDs 0..65535: shifted into the block
// once, at start, so the container's root owns what it should.
#pragma once

#include "berth/error.h"
#include "berth/model/id_map.h"
#include "image/overlay_layout.h"

#include <filesystem>

namespace berth::runtime {

// Lchowns every entry of the upper layer owned below 65536 (host IDs no
// container has) to the map's host IDs of the same inside IDs, keeping
// setuid/setgid bits and file capabilities; gives the upper's root to the
// container's root. The map's base is recorded on the upper's root
// (trusted.berth.shifted), so later starts do not walk the tree again.
[[nodiscard]] Status shiftUpperIntoBlock(const image::OverlayLayout& layout, const model::IdMap& map);

// Whether `upper` was shifted into `map`'s block (its mark says so).
[[nodiscard]] bool upperShiftedInto(const std::filesystem::path& upper, const model::IdMap& map);

// For a copy made for another container (a clone's upper layer, a full
// copy of a merged view): entries owned by `map`'s host IDs go back to the
// inside IDs, others stay; the copy's root loses the mark. An empty map
// only removes the mark.
[[nodiscard]] Status shiftCopyOutOfBlock(const std::filesystem::path& tree, const model::IdMap& map);

} // namespace berth::runtime
