// Privileged containers (engine: security/privilege.h) need the
// administrator for the calls that make one or run the caller's code in
// one: without a user namespace of its own, the container's root is the
// host's root. Starting, stopping, freezing, limiting, exporting or
// destroying one runs nothing of the caller's choosing and keeps its normal
// action. An unprivileged container's capabilities stay in its own user
// namespace: members make and enter those with the normal actions.
#pragma once

#include "berth/config.h"
#include "berth/engine.h"

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
    std::vector<std::string> reasons; // for people, each naming its source
};

// A config's text as SetConfig would store it; text that cannot be read
// counts as privileged (nothing vouches for it).
[[nodiscard]] PrivilegeVerdict configPrivilege(const std::string& text);

// An existing container: its config as the engine reads it at start, and
// while it runs, its init's user namespace too (it may have been started
// with a config since changed). `initUidMap` is /proc/<init>/uid_map of a
// running container, empty otherwise.
[[nodiscard]] PrivilegeVerdict containerPrivilege(const Result<Config>& config, std::string_view initUidMap);

// What Create makes: privileged only when asked for (CreateRequest::
// privileged); every other creation, a clone of a privileged container
// included, gets a user namespace of its own.
[[nodiscard]] PrivilegeVerdict createPrivilege(bool asked);

// Whether a /proc/<pid>/uid_map text is the host's user namespace (the
// identity map "0 0 4294967295"); nullopt for an empty or unreadable text.
[[nodiscard]] std::optional<bool> inHostUserNamespace(std::string_view uidMap);

// What the call does to the container, for people: "creating container
// 'x'", "running a command in container 'x'" (by Manager1 method name).
[[nodiscard]] std::string callDescription(std::string_view method, std::string_view container);

// Why the host action is needed: "creating container 'x': it is privileged
// (REASONS)", the doing by method.
[[nodiscard]] HostReason privilegeReason(std::string_view container, std::string_view method,
                                         const std::vector<std::string>& reasons);

} // namespace berth::helper
