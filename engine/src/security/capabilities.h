// Which capabilities a container keeps, and dropping the rest in the child.
//
// Planning (names, kernel's last capability) allocates and runs before fork;
// applyCapabilities() runs in the forked child right before exec and makes
// raw system calls only, so it is safe after fork from a threaded process.
#pragma once

#include "berth/container_kind.h"
#include "berth/error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::security {

// Bit N set = capability N kept (in bounding, permitted, effective and
// inheritable sets). Everything else is dropped.
struct CapabilityPlan {
    std::uint64_t keep = 0;
};

// "sys_admin", "CAP_SYS_ADMIN", "Sys_Admin" -> 21. Unknown names are EINVAL
// errors naming them.
[[nodiscard]] Result<int> capabilityFromName(std::string_view name);
// Lower-case name without prefix ("sys_admin"); empty for numbers we have no name for.
[[nodiscard]] std::string_view capabilityName(int cap);

// The highest capability the running kernel knows (/proc/sys/kernel/cap_last_cap).
[[nodiscard]] Result<int> readLastCapability(const std::filesystem::path& file = "/proc/sys/kernel/cap_last_cap");

// The kind's default set: application: Docker's default set; system: every
// capability except LXC's common.conf drops (all 64 bits, unmasked).
[[nodiscard]] std::uint64_t defaultCapabilities(ContainerKind kind);
// The kind's default set, replaced by `keep` when given, then minus `drop`
// (bit sets): what a container holds, before the kernel's last capability.
[[nodiscard]] std::uint64_t effectiveCapabilities(ContainerKind kind, std::uint64_t drop,
                                                  const std::optional<std::uint64_t>& keep);

// effectiveCapabilities() of the names ("none" = empty), up to lastCap.
[[nodiscard]] Result<CapabilityPlan> planCapabilities(ContainerKind kind, const std::vector<std::string>& drop,
                                                      const std::vector<std::string>& keep, bool keepGiven,
                                                      int lastCap);
// Same, with the running kernel's last capability.
[[nodiscard]] Result<CapabilityPlan> planCapabilities(ContainerKind kind, const std::vector<std::string>& drop,
                                                      const std::vector<std::string>& keep, bool keepGiven);

// In the child before exec: drops every other capability from the bounding
// set, clears the ambient set, and sets effective, permitted and inheritable
// to the plan. Needs CAP_SETPCAP (root). Capabilities in the plan that the
// process does not hold are left out rather than failing. After exec, root
// ends up with exactly the plan (minus those): its new permitted set is the
// bounding set.
// Returns 0 or an errno value. Async-signal-safe.
[[nodiscard]] int applyCapabilities(const CapabilityPlan& plan) noexcept;

} // namespace berth::security
