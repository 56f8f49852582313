// Privileged containers (engine: security/privilege.h) need the
// administrator for the calls that make one or run the caller's code in
// one: root with CAP_SYS_ADMIN in the host's user namespace is root on the
// host. Starting, stopping, freezing, limiting, exporting or destroying one
// runs nothing of the caller's choosing and keeps its normal action.
#pragma once

#include "berth/config.h"
#include "berth/engine.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::helper {

struct HostReason;

// Whether the call (a Manager1 method name) needs the administrator when
// the container it makes, reconfigures or enters is privileged.
[[nodiscard]] bool needsAdminWhenPrivileged(std::string_view method);

struct PrivilegeVerdict {
    bool privileged = false;
    std::vector<std::string> reasons;   // for people, each naming its source
};

// A config's text as SetConfig would store it; text that cannot be read
// counts as privileged (nothing vouches for it).
[[nodiscard]] PrivilegeVerdict configPrivilege(const std::string& text);

// An existing container: its config as the engine reads it at start, and
// while it runs, its init's bounding set too (it may have been started
// with a config since changed). `initStatus` is /proc/<init>/status of a
// running container, empty otherwise.
[[nodiscard]] PrivilegeVerdict containerPrivilege(const Result<Config>& config, std::string_view initStatus);

// What Create makes: the kind asked for, or the template's; a clone is as
// privileged as its source; an LXC import keeps the capabilities LXC gave it.
[[nodiscard]] PrivilegeVerdict createPrivilege(std::string_view templateName, std::optional<ContainerKind> kind,
    const std::function<PrivilegeVerdict()>& cloneSource);

// CapBnd of a /proc/<pid>/status text; nullopt when it has none.
[[nodiscard]] std::optional<std::uint64_t> boundingSetOf(std::string_view status);

// What the call does to the container, for people: "creating container
// 'x'", "running a command in container 'x'" (by Manager1 method name).
[[nodiscard]] std::string callDescription(std::string_view method, std::string_view container);

// Why the host action is needed: "creating container 'x': it is privileged
// (REASONS)", the doing by method.
[[nodiscard]] HostReason privilegeReason(std::string_view container, std::string_view method,
                                         const std::vector<std::string>& reasons);

} // namespace berth::helper
