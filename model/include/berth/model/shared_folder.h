// A host folder shared into a container (berth.share): Berth writes the
// line itself when the folder's owner shares it, e.g.
//   berth.share = /home/u/project /src owner=1000:1000 uid=0 gid=0
// The folder is mounted at the target through an idmapped mount that shows
// the owner's files as uid:gid inside; files of anyone else stay unmapped.
// Paths with a space, tab, newline or backslash are written as fstab does
// (\040, \011, \012, \134).
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace berth::model {

struct SharedFolder {
    std::string hostPath;       // absolute and normalized, as the owner's folder was found
    std::string target;         // absolute inside the container, normalized, never climbing out
    std::uint32_t ownerUid = 0; // the folder's owner on the host, checked again at each start
    std::uint32_t ownerGid = 0;
    std::uint32_t insideUid = 0; // whom the owner's files belong to inside
    std::uint32_t insideGid = 0;

    bool operator==(const SharedFolder&) const = default;
};

// The config key.
inline constexpr std::string_view kShareKey = "berth.share";

// "/src", "src/", "/a/./b" -> "/src", "/a/b"; the container's root itself, a
// path climbing out with "..", and /proc, /sys and /dev (and below: the
// container's own kernel views and devices, which a folder would hide) are
// errors saying so.
[[nodiscard]] std::expected<std::string, std::string> normalizeShareTarget(std::string_view target);
// An absolute host path without ".", ".." or "//" (the path as the kernel
// named the folder): anything else is an error saying why.
[[nodiscard]] std::expected<std::string, std::string> checkShareHostPath(std::string_view path);

[[nodiscard]] std::expected<SharedFolder, std::string> parseSharedFolder(std::string_view value);
[[nodiscard]] std::string formatSharedFolder(const SharedFolder& share);

} // namespace berth::model
