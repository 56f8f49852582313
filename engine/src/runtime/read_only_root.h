// When a container's rootfs is mounted read-only in its own mount
// namespace: lxc.rootfs.options says "ro", or the rootfs is the lower layer
// of overlay snapshots (overlayfs does not support changes to a lower
// layer while an overlay uses it: the snapshots would see undefined
// contents). The host side (export, clone by copy) is not affected.
#pragma once

#include "berth/engine.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berth::runtime {

// "ro" is one of the comma-separated lxc.rootfs.options.
[[nodiscard]] bool rootfsOptionsReadOnly(std::string_view options);

// The containers whose lxc.rootfs.path is an overlay with `rootfs` (a
// container's rootfs, or an overlay container's upper layer) as one of its
// lower layers. A container whose config cannot be read is skipped.
[[nodiscard]] Result<std::vector<std::string>> snapshotsOf(const EngineSettings& settings,
                                                           const std::filesystem::path& rootfs);

// Whether container `name` (whose rootfs, or upper layer for an overlay,
// is `rootfs`) starts with a read-only root.
[[nodiscard]] Result<bool> rootMustBeReadOnly(const EngineSettings& settings, const std::string& name,
                                              const std::filesystem::path& rootfs);

} // namespace berth::runtime
