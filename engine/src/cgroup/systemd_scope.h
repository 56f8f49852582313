// The cgroup parent on a host where systemd is PID 1: a transient scope with
// Delegate=yes, requested over D-Bus, under which Berth may manage cgroups.
#pragma once

#include "berth/error.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include <sys/types.h>

// sd-bus stays out of this header: callers that only need the parent path
// do not pull in libsystemd's headers.
struct sd_bus;

namespace berth::cgroup {

// How long Berth waits for systemd at most: a scope's job is quick, this
// only bounds a hung manager.
inline constexpr std::chrono::milliseconds defaultScopeTimeout{30000};

// True when systemd runs as init: /run/systemd/system is a directory below
// `root` (the same test as sd_booted(3), with the root a parameter for tests).
[[nodiscard]] bool systemdIsInit(const std::filesystem::path& root = "/");

// Asks systemd (Manager.StartTransientUnit, mode "fail") for scope
// `unitName` in `slice` holding `pid`, with Delegate=yes and
// CollectMode=inactive-or-failed, and waits until its job is removed.
// Subscribes to JobRemoved before the call so the signal cannot be missed.
// Returns the scope's cgroup path as /proc/<pid>/cgroup shows it
// ("/machine.slice/berth-web.scope"). Errors: the D-Bus error of the call
// (UnitExists → EEXIST), a job result other than "done" (EIO naming it),
// ETIMEDOUT when nothing arrives in time, EPROTO when `pid` did not end up
// in the scope. `root` is where /proc is looked up (fixtures in tests).
[[nodiscard]] Result<std::string> startDelegatedScope(sd_bus* bus, std::string_view unitName, pid_t pid,
                                                      std::string_view slice, std::chrono::milliseconds timeout,
                                                      const std::filesystem::path& root = "/");

// The cgroup systemd placed `pid` in, from <root>/proc/<pid>/cgroup: the
// unified ("0::") line, or the name=systemd line of a legacy host (also when
// a stray cgroup2 mount shows "0::/" there). ENOENT when neither names a
// cgroup or the cgroup was removed, EINVAL for a malformed file.
[[nodiscard]] Result<std::string> scopeCgroupOf(pid_t pid, const std::filesystem::path& root = "/");

// The same on the text of such a file; `source` names it in errors.
[[nodiscard]] Result<std::string> parseScopeCgroup(std::string_view text, std::string_view source);

// "berth-<container>.scope"; EINVAL for a name that is no valid unit name part.
[[nodiscard]] Result<std::string> scopeUnitName(std::string_view container);

// What the engine calls on a systemd host: scope "berth-<container>.scope"
// in "machine.slice" holding `pid` (the container's monitor), on `bus`.
// Returns the scope's path relative to the cgroup root
// ("machine.slice/berth-web.scope"), the parent for ContainerCgroup.
//
// Delegate=yes hands the scope's subtree to Berth, but the scope's own
// cgroup holds `pid`; by cgroup v2's no-internal-processes rule a cgroup
// with processes cannot enable controllers for its children. So nothing
// runs in the scope itself: the monitor moves into a sub-cgroup of its own
// (e.g. "<scope>/monitor") and the container's cgroup is another sub-cgroup
// ("<scope>/<container>") before controllers are enabled in the scope.
[[nodiscard]] Result<std::string> delegatedCgroupParent(sd_bus* bus, std::string_view container, pid_t pid,
                                                        std::chrono::milliseconds timeout = defaultScopeTimeout,
                                                        const std::filesystem::path& root = "/");

// The same on the system bus (sd_bus_open_system), for berth-monitor.
[[nodiscard]] Result<std::string> delegatedCgroupParent(std::string_view container, pid_t pid,
                                                        std::chrono::milliseconds timeout = defaultScopeTimeout);

} // namespace berth::cgroup
