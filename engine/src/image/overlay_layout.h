// An overlayfs snapshot of a root filesystem: a read-only lower tree, the
// clone's own upper and work directories, and the merged view the
// container sees.
//
// The mount itself is not done here: it happens inside the container's
// mount namespace when it starts (the runtime mounts "overlay" on `merged`
// with overlayMountOptions()), so nothing stays mounted on the host while
// the container is stopped. The container's config names the snapshot the
// way LXC writes it: lxc.rootfs.path = overlay:LOWER:UPPER.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace berth::image {

struct OverlayLayout {
    std::filesystem::path lower;
    std::filesystem::path upper;
    std::filesystem::path work;
    std::filesystem::path merged;
};

// "lowerdir=L,upperdir=U,workdir=W" for mount(2). Paths must be absolute and
// free of ':', ',', '\\' and newlines: the kernel treats those as separators
// or escapes, and refusing them is safer than escaping (EINVAL).
[[nodiscard]] Result<std::string> overlayMountOptions(const OverlayLayout& layout);

// Creates upper and work (0755, exactly) and merged when missing; checks
// that lower is a directory, that upper and work are directories on the
// same filesystem (overlayfs requires it), and empties work (a previous
// mount leaves the kernel's "work/work" behind).
[[nodiscard]] Status prepareOverlayDirs(const OverlayLayout& layout);

// Parses an lxc.rootfs.path value "overlay:/lower:/upper" (LXC also writes
// "overlayfs:"). The work directory is "olwork" next to upper, as LXC puts
// it, and merged is containerDir/rootfs.
[[nodiscard]] Result<OverlayLayout> parseOverlayRootfs(std::string_view value,
                                                       const std::filesystem::path& containerDir);

} // namespace berth::image
