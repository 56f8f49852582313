// Whether the kernel has a module, without loading it: loaded, built in, or
// installed and loadable on demand.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace berth::check {

// "module 'veth' loaded", "built into the kernel", "module 'veth' can be
// loaded", "built into the kernel (CONFIG_VETH=y)"; nullopt when none of
// /sys/module, /proc/modules, lib/modules/<release>/modules.builtin or
// modules.dep, or boot/config-<release> below `root` has it. (A built-in
// driver without parameters leaves no trace in /sys/module, hence the
// kernel config, as lxc-checkconfig reads it.)
[[nodiscard]] std::optional<std::string> findKernelModule(const std::filesystem::path& root, std::string_view module,
                                                          std::string_view configSymbol);

// "built into the kernel (CONFIG_CGROUP_BPF=y)" when boot/config-<release>
// below `root` sets the symbol to y (or m); nullopt when it does not say so.
[[nodiscard]] std::optional<std::string> findKernelConfig(const std::filesystem::path& root,
                                                          std::string_view configSymbol);

} // namespace berth::check
