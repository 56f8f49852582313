// Berth's container archive, as export writes it and the tarball template
// reads it: a first member `config` (the container's config), then its
// root filesystem below `rootfs/`, like an LXC container directory. An
// archive whose first entry is anything else is a plain root filesystem.
#pragma once

#include <cstddef>
#include <string_view>

namespace berth::image {

inline constexpr std::string_view kConfigMember = "config";
inline constexpr std::string_view kRootfsMember = "rootfs";
// Configs are a few KiB; the cap keeps a hostile one from filling memory.
inline constexpr std::size_t kMaxConfigMemberSize = std::size_t{1} << 20;

} // namespace berth::image
