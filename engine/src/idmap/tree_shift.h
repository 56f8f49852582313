// The one ownership shift of a rootfs, where its file system cannot be
// idmapped (idmapped_probe.h): every owner, group, POSIX ACL entry and file
// capability's root moves from one map to another. Modes stay, setuid and
// setgid bits included (chown clears them: they are set again).
#pragma once

#include "berth/error.h"
#include "berth/model/id_map.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace berth::idmap {

// The host ID overflowed IDs become, inside: the kernel's overflowuid.
inline constexpr std::uint32_t kOverflowId = 65534;

// From the IDs a tree holds on disk under `from` to those it holds under
// `to`; an empty map is a tree owned as its IDs are inside (0-based, how
// templates and idmapped rootfs are stored). An ID `from` does not map, or
// that `to` cannot take, becomes the overflow ID inside.
struct IdShift {
    model::IdMap from;
    model::IdMap to;

    [[nodiscard]] std::uint32_t operator()(model::IdKind kind, std::uint32_t id) const;
};

// system.posix_acl_access / _default values with their user and group
// entries shifted; nothing when the value is not an ACL this knows.
[[nodiscard]] std::optional<std::string> shiftedAcl(std::string_view value, const IdShift& shift);
// security.capability with its root shifted: revision 2 (the host's root)
// for a root of 0, else revision 3 with that root; revision 1 unchanged.
[[nodiscard]] std::optional<std::string> shiftedCapability(std::string_view value, const IdShift& shift);

// Shifts `root` and everything below it on its file system, never following
// a symlink; each hard-linked inode once.
[[nodiscard]] Status shiftTree(const std::filesystem::path& root, const IdShift& shift);

} // namespace berth::idmap
