// Pieces of ContainerSpec::fromConfig, one file per group of keys.
#pragma once

#include "spec/container_spec.h"

#include <string_view>

namespace berth {

// The error of a value, prefixed with where it was written:
// "config:7: lxc.console.size: 'abc' is not a size".
[[nodiscard]] Error entryError(const ConfigEntry& entry, const Error& error);
[[nodiscard]] std::unexpected<Error> failAt(const ConfigEntry& entry, int code, const std::string& message);

// An absolute path without "..": rootfs, cwd, log files.
[[nodiscard]] Status checkAbsolutePath(std::string_view path);

[[nodiscard]] Status readIdentity(const Config& config, ContainerSpec& spec);      // hostname, rootfs, kind
[[nodiscard]] Status readProcess(const Config& config, ContainerSpec& spec);       // command, cwd, environment
[[nodiscard]] Status readMounts(const Config& config, ContainerSpec& spec);        // mount entries, mount.auto
[[nodiscard]] Status readCapabilities(const Config& config, ContainerSpec& spec);  // cap.drop, cap.keep
[[nodiscard]] Status readUserNamespace(const Config& config, ContainerSpec& spec); // idmap, privileged, shifted
[[nodiscard]] Status readShares(const Config& config, ContainerSpec& spec);        // berth.share (after the idmap)
// Keys Berth does not apply or does not know: refused, or kept with a warning.
[[nodiscard]] Status readUnappliedKeys(const Config& config, ContainerSpec& spec);
// An LXC 2 name LXC 3 renamed: lxc.utsname, lxc.network.0.type.
[[nodiscard]] bool isLegacyLxcKey(std::string_view key);

[[nodiscard]] Result<MountEntry> parseMountEntry(std::string_view value);
// Applies one lxc.mount.auto word ("proc:mixed", "cgroup-full:ro:force") to `mountAuto`.
[[nodiscard]] Status applyMountAutoWord(std::string_view word, MountAuto& mountAuto);

} // namespace berth
