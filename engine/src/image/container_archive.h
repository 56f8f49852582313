// Berth's container archive, as export writes it and the tarball template
// reads it: a first member `config` (the container's config), then its
// root filesystem below `rootfs/`, like an LXC container directory. An
// archive whose first entry is anything else is a plain root filesystem.
#pragma once

#include "berth/error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

struct archive;
struct archive_entry;

namespace berth::image {

inline constexpr std::string_view kConfigMember = "config";
inline constexpr std::string_view kRootfsMember = "rootfs";
// Configs are a few KiB; the cap keeps a hostile one from filling memory.
inline constexpr std::size_t kMaxConfigMemberSize = std::size_t{1} << 20;

// Whether `entry`, named `path` (normalized), is a config member: a
// regular file named kConfigMember (the first entry decides the layout).
[[nodiscard]] bool isConfigMember(archive_entry* entry, std::string_view path);

// The member's text, EFBIG past kMaxConfigMemberSize.
[[nodiscard]] Result<std::string> readConfigMember(archive* a, archive_entry* entry);

// The config of a container archive in a regular file, read from the
// descriptor's current offset without moving it (pread), so that the
// extraction reads the archive whole afterwards; nullopt for a plain
// rootfs archive. For judging a request before it runs.
[[nodiscard]] Result<std::optional<std::string>> peekContainerConfig(int fd);

} // namespace berth::image
