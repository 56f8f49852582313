// Registration of a running container with systemd-machined, so that
// `machinectl list` shows it, on a host where systemd is PID 1 and the
// container runs in Berth's delegated scope (systemd_scope.h).
#pragma once

#include "berth/error.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

// sd-bus stays out of this header, as in systemd_scope.h.
struct sd_bus;

namespace berth::cgroup {

// How long Berth waits for machined at most. Registering is quick; this
// bounds a hung or slowly activated machined. With defaultScopeTimeout it
// stays well inside the engine's wait for the monitor's start report.
inline constexpr std::chrono::milliseconds defaultMachineTimeout{10000};

// What Manager.RegisterMachineWithNetwork is told about a container.
struct MachineRegistration {
    std::string name; // the container's name; must pass machineNameIsValid
    // machined takes 16 bytes as the machine's id and an empty array as "no
    // id" (SD_ID128_NULL); any other length is refused. None: sent empty.
    std::optional<std::array<std::uint8_t, 16>> id;
    pid_t leader = 0;                     // the container's init, as the host's pid namespace sees it
    std::string rootDirectory;            // absolute, or empty
    std::vector<std::int32_t> interfaces; // host-side ifindex of each of the container's links
};

// The service and class Berth registers with.
inline constexpr std::string_view kMachineService = "berth";
inline constexpr std::string_view kMachineClass = "container";

// True when machined would take `name`: machine names are hostnames as
// systemd's hostname_is_valid(name, 0) sees them (labels of letters, digits
// and '-', joined by single dots, no label starting or ending with '-', no
// leading or trailing dot, at most 64 characters). A Berth name may hold
// '_', which a hostname may not.
[[nodiscard]] bool machineNameIsValid(std::string_view name);

// Manager.RegisterMachineWithNetwork (signature "sayssusai") on `bus`: the
// machine is attached to the unit the leader's cgroup belongs to, Berth's
// delegated scope. Returns machined's object path of the machine, or
// std::nullopt when machined is not there (no such service, activation
// failed or masked): normal on a host without systemd-container, nothing to
// report. Errors, each worth a warning but never a failed start: EINVAL for
// a name machined would refuse (checked before any call), EEXIST when
// machined knows a machine of that name, ETIMEDOUT when no answer came in
// time, else the D-Bus error named in the message.
[[nodiscard]] Result<std::optional<std::string>> registerMachine(
    sd_bus* bus, const MachineRegistration& machine, std::chrono::milliseconds timeout = defaultMachineTimeout);

// The same on the system bus (sd_bus_open_system), for berth-monitor.
[[nodiscard]] Result<std::optional<std::string>> registerMachine(
    const MachineRegistration& machine, std::chrono::milliseconds timeout = defaultMachineTimeout);

} // namespace berth::cgroup
