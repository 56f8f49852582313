// The ID maps that existing containers' configs hold: the record of which
// blocks are taken. A staging directory is not a container: its block is
// chosen only under the block lock, just before it is renamed into place.
#pragma once

#include "berth/error.h"
#include "berth/paths.h"
#include "idmap/block_choice.h"

#include <string_view>
#include <vector>

namespace berth::idmap {

// The lxc.idmap lines of `configText`, read line by line (a config that no
// longer parses as a whole still holds its block); malformed values skipped.
[[nodiscard]] model::IdMap idMapLines(std::string_view configText);

// Every container's map but `except`'s; containers without one are left out.
[[nodiscard]] Result<std::vector<UsedMap>> containerMaps(const Paths& paths, std::string_view except = {});

} // namespace berth::idmap
