// Shared folders (berth.share). The monitor, as host root, opens each
// folder again by its recorded path without following any symlink, checks
// that it is still a directory of its recorded owner, and makes a detached
// idmapped mount of it whose map holds one user and one group: the owner's,
// shown as the chosen IDs inside. Files of anyone else stay unmapped
// (nobody inside, and no capability of the container reaches them). The
// container's init attaches the trees at their targets, opened strictly
// inside its rootfs.
#pragma once

#include "berth/error.h"
#include "berth/model/id_map.h"
#include "berth/model/shared_folder.h"
#include "berth/unique_fd.h"

#include <string>
#include <vector>

namespace berth::runtime {

// A detached idmapped mount of one folder, and where it goes.
struct SharedTree {
    UniqueFd tree;
    std::string target;   // "/src", inside the container
    std::string hostPath; // for messages
};

// What the init is given: the monitor keeps the trees open until the init ran.
struct SharedMount {
    int treeFd = -1;
    std::string target;
    std::string hostPath;
};

// The map of a share's mount: the owner's uid and gid (as on disk) onto the
// host IDs that the inside uid and gid are in the container (`containerMap`;
// empty for a privileged container, whose IDs are the host's). Nothing when
// the container's map lacks the inside IDs.
[[nodiscard]] Result<model::IdMap> shareIdMap(const model::SharedFolder& share, const model::IdMap& containerMap);

// The folder again, by its recorded path: refused, naming it and why, when
// a symlink (or a /proc magic link) is anywhere on the path, when it is no
// directory, or when its owner changed.
[[nodiscard]] Result<UniqueFd> openSharedFolder(const model::SharedFolder& share);

[[nodiscard]] Result<std::vector<SharedTree>> prepareSharedFolders(const std::vector<model::SharedFolder>& shares,
                                                                   const model::IdMap& containerMap);
[[nodiscard]] std::vector<SharedMount> sharedMountsOf(const std::vector<SharedTree>& trees);

// In the container's mount namespace: each tree at its target (created as a
// directory when missing); a target that climbs out of the rootfs through a
// symlink or ".." is refused before anything is attached.
[[nodiscard]] Status attachSharedFolders(int rootFd, const std::vector<SharedMount>& mounts);

} // namespace berth::runtime
