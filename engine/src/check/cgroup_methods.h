// How Berth uses the host's control groups, as checkconfig tells it: the
// method that keeps containers from host devices, and who hands each
// container its cgroup (Berth's own parent or systemd's delegated scope),
// with the files an unprivileged container's root is given.
#pragma once

#include "berth/system_check.h"
#include "cgroup/layout.h"

#include <filesystem>
#include <string_view>

namespace berth::check {

// From the cgroup.devices item: its status, and the method by name.
[[nodiscard]] CheckItem deviceControlItem(const cgroup::Layout& layout, const CheckItem& devices);

// `cgroupParent` as the helper was started with (kDefaultCgroupParent
// when empty); systemd is asked for a scope only with that default.
[[nodiscard]] CheckItem delegationItem(const std::filesystem::path& root, const cgroup::Layout& layout,
                                       std::string_view cgroupParent);

} // namespace berth::check
