// One function per group of the system check; each reads below `root`.
#pragma once

#include "berth/system_check.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace berth::check {

[[nodiscard]] CheckGroup checkNamespaces(const std::filesystem::path& root);
// Berth's ID range under root/etc, and with `probeKernel` the rootfs
// ownership method of the containers' file system and a mapped user namespace.
[[nodiscard]] CheckGroup checkUserNamespaces(const std::filesystem::path& root, bool probeKernel);
// With `probeKernel`, cgroup v2 device control is judged by loading a
// device program; without, from the kernel config (CONFIG_CGROUP_BPF).
// `cgroupParent`: the helper's (empty: kDefaultCgroupParent).
[[nodiscard]] CheckGroup checkCgroups(const std::filesystem::path& root, bool probeKernel,
                                      std::string_view cgroupParent = {});
[[nodiscard]] CheckGroup checkNetwork(const std::filesystem::path& root, bool probeKernel);
[[nodiscard]] CheckGroup checkFilesystems(const std::filesystem::path& root);
[[nodiscard]] CheckGroup checkSecurity(const std::filesystem::path& root);
[[nodiscard]] CheckGroup checkTools(const std::filesystem::path& root);

// A group with its title from the text table.
[[nodiscard]] CheckGroup makeGroup(std::string_view groupId);
// An item with its title and explanation from the text table.
[[nodiscard]] CheckItem makeItem(std::string_view id, CheckStatus status, std::string detail);

// `path` as the host sees it: without the fixture root in front.
[[nodiscard]] std::string displayPath(const std::filesystem::path& root, const std::filesystem::path& path);

} // namespace berth::check
