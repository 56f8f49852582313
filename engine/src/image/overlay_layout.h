// An overlayfs root filesystem: read-only lower trees (a snapshot's
// source, or an image's layers), the container's own upper and work
// directories, and the merged view the container sees.
//
// The mount itself is not done here: it happens inside the container's
// mount namespace when it starts (the runtime mounts "overlay" on `merged`
// with overlayMountOptions()), so nothing stays mounted on the host while
// the container is stopped. The container's config names the overlay the
// way LXC writes it: lxc.rootfs.path = overlay:LOWER:UPPER, and with more
// than one lower overlay:L_TOP:...:L_BOTTOM:UPPER (topmost first, as
// overlayfs' lowerdir lists them).
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

struct OverlayLayout {
    std::vector<std::filesystem::path> lowers; // topmost first; never empty
    std::filesystem::path upper;
    std::filesystem::path work;
    std::filesystem::path merged;
};

// "lowerdir=L1:L2,upperdir=U,workdir=W" for mount(2) (which takes one page
// of options: many lowers need fsconfig's "lowerdir+", see
// runtime/overlay_mount.h). Paths must be absolute and
// free of ':', ',', '\\' and newlines: the kernel treats those as separators
// or escapes, and refusing them is safer than escaping (EINVAL).
[[nodiscard]] Result<std::string> overlayMountOptions(const OverlayLayout& layout);

// Creates upper and work (0755, exactly) and merged when missing; checks
// that every lower is a directory, that upper and work are directories on the
// same filesystem (overlayfs requires it), and empties work (a previous
// mount leaves the kernel's "work/work" behind).
[[nodiscard]] Status prepareOverlayDirs(const OverlayLayout& layout);

// Parses an lxc.rootfs.path value "overlay:/lower:/upper" or
// "overlay:/top:...:/bottom:/upper" (LXC also writes "overlayfs:"); the last
// path is the upper one. The work directory is "olwork" next to upper, as LXC puts
// it, and merged is containerDir/rootfs.
[[nodiscard]] Result<OverlayLayout> parseOverlayRootfs(std::string_view value,
                                                       const std::filesystem::path& containerDir);

// The lxc.rootfs.path value of an overlay: "overlay:L_TOP:...:L_BOTTOM:UPPER".
[[nodiscard]] std::string formatOverlayRootfs(const std::vector<std::filesystem::path>& lowers,
                                              const std::filesystem::path& upper);

// The trees a file of the merged view may come from, topmost first: upper,
// then the lowers. Readers that cannot mount (checks before start, reads of
// /etc files) look in them in this order.
[[nodiscard]] std::vector<std::filesystem::path> overlayTrees(const OverlayLayout& layout);

} // namespace berth::image
