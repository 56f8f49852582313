// ShareFolder's rules: what the helper learns of a folder from its own copy
// of the caller's descriptor (never from a path the caller names), whether
// the caller owns it, and which berth.share lines of a SetConfig text are
// new (those need the administrator: the owner check happens only here).
#pragma once

#include "berth/config.h"
#include "berth/error.h"
#include "host_reason.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace berth::helper {

struct FolderFacts {
    std::string path; // as the kernel names the helper's copy of the descriptor
    uid_t uid = 0;
    gid_t gid = 0;
};

// The folder behind `fd`: a directory opened for reading (not O_PATH), not
// on a kernel filesystem (proc, sysfs...), whose path opened again without
// following any symlink is the same directory (so the path recorded for the
// next starts names this folder, not one of another mount namespace).
[[nodiscard]] Result<FolderFacts> folderFacts(int fd);

// Owned by the caller: its uid, and a group the caller is in.
[[nodiscard]] bool callerOwnsFolder(const FolderFacts& folder, uid_t uid, const std::vector<gid_t>& groups);

// Why sharing `folder` needs the administrator (it is someone else's), or nothing.
[[nodiscard]] std::optional<HostReason> folderExposure(const FolderFacts& folder, bool callerOwns);

// Why sharing into a container without a user namespace of its own (no
// lxc.idmap) needs the administrator: its root is the host's, whose
// CAP_CHOWN reaches even the files the idmapped mount leaves unmapped.
[[nodiscard]] std::optional<HostReason> containerShareExposure(const std::string& name, bool ownUserNamespace);

// A berth.share line of `config` that `current` lacks (added or changed) reaches the host.
[[nodiscard]] HostReasons shareLineExposures(const Config& config, const std::optional<Config>& current);

// ShareFolder's inside user: "root", a user name or a number, optionally ":GROUP".
[[nodiscard]] Status validateInsideUser(std::string_view user);
// ShareFolder's and UnshareFolder's target (model::normalizeShareTarget).
[[nodiscard]] Status validateShareTarget(std::string_view target);

} // namespace berth::helper
