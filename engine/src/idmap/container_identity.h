// Who a container's root is on the host: the host's root (privileged,
// berth.privileged = 1) or the first ID of a block of Berth's range
// (lxc.idmap), and how its rootfs is owned on disk to match.
#pragma once

#include "berth/config.h"
#include "berth/engine.h"
#include "berth/model/id_map.h"
#include "idmap/block_lock.h"

#include <filesystem>

namespace berth::idmap {

// The lxc.idmap entries in effect in `config`.
[[nodiscard]] model::IdMap configIdMap(const Config& config);

// How the rootfs of a container with `config` is owned on disk: by its map's
// host IDs when berth.rootfs.shifted is set, else as inside (empty map).
[[nodiscard]] model::IdMap diskIdMap(const Config& config);

// Moves the container in `dir` (rootfs/, and a snapshot's delta/) from
// being owned on disk as `disk` says to `map` (empty: privileged): the
// rootfs is shifted only where `idmapped` is false or the map goes away, a
// snapshot's upper layer always (overlayfs writes it with real IDs), and
// a snapshot's lower layer never (it is another container's: EOPNOTSUPP
// when it would have to be). Then writes lxc.idmap, berth.privileged and
// berth.rootfs.shifted into `config` (not to disk).
[[nodiscard]] Status applyIdentity(Config& config, const std::filesystem::path& dir, const model::IdMap& disk,
                                   const model::IdMap& map, bool idmapped);

// The last step of a creation, on the staging directory: privileged as the
// request asks, else an imported LXC map that fits Berth's range and is free
// kept, else the lowest free block. Returns the block lock, to be held
// until the staging directory is renamed into place.
[[nodiscard]] Result<BlockLock> settleNewIdentity(const EngineSettings& settings, const CreateRequest& request,
                                                  const std::filesystem::path& staging);

// A new block for an existing container, chosen under the lock that the
// caller holds until the config recording it is written.
[[nodiscard]] Result<model::IdMap> newBlockFor(const EngineSettings& settings, std::string_view container);

} // namespace berth::idmap
