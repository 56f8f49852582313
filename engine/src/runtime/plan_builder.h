// From a container's config to what the monitor launches.
#pragma once

#include "berth/engine.h"
#include "cgroup/layout.h"
#include "spec/container_spec.h"
#include "runtime/launch_plan.h"

namespace berth::runtime {

// Reads <container>/config (lxc.include limited to the container's
// directory and the settings' include roots), without interpreting it.
[[nodiscard]] Result<Config> loadContainerConfig(const EngineSettings& settings, const std::string& name);

// Reads and validates <container>/config (lxc.include limited to the
// container's directory and the settings' include roots).
[[nodiscard]] Result<ContainerSpec> loadContainerSpec(const EngineSettings& settings, const std::string& name);

// The host's berth-init and berth-monitor.
[[nodiscard]] std::filesystem::path libexecPath(const EngineSettings& settings, std::string_view binary);

// Checks what can be checked before anything is changed: the rootfs is a
// directory, the init exists in it, mount targets stay inside it.
[[nodiscard]] Status preflight(const ContainerSpec& spec, const std::vector<std::string>& commandOverride);

// lxc.signal.halt, or when it is not set, what the init expects: systemd
// halts on SIGRTMIN+3 (it ignores SIGPWR's default meaning), others on SIGPWR.
[[nodiscard]] int effectiveHaltSignal(const ContainerSpec& spec, const std::vector<std::string>& commandOverride);

// Capabilities, seccomp, mounts, argv and environment for the launch.
[[nodiscard]] Result<LaunchPlan> buildLaunchPlan(const EngineSettings& settings, const ContainerSpec& spec,
                                                 const std::vector<std::string>& commandOverride,
                                                 const cgroup::Layout& layout);

} // namespace berth::runtime
