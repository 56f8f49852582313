// User namespaces made and held by the engine (running as host root): the
// namespace an idmapped mount is seen through, and the maps of a
// container's own namespace.
#pragma once

#include "berth/error.h"
#include "berth/model/id_map.h"
#include "berth/unique_fd.h"

#include <sys/types.h>

namespace berth::security {

// Writes gid_map and uid_map of the user namespace of `pid` (setgroups
// left allowed: a system container's login needs it).
[[nodiscard]] Status writeIdMaps(pid_t pid, const model::IdMap& map);

// A new user namespace with `map`, as an open /proc/PID/ns/user; nothing
// runs in it (the child that made it is gone when this returns).
[[nodiscard]] Result<UniqueFd> makeUserNamespace(const model::IdMap& map);

// The same for a map that only an idmapped mount is seen through (a shared
// folder's: its owner onto one ID of the container): any IDs, root need
// not be among them, since no process ever runs in it.
[[nodiscard]] Result<UniqueFd> makeIdmapUserNamespace(const model::IdMap& map);

} // namespace berth::security
