// The devices a container may use: one allowlist, written to devices.allow
// by the v1 backend and compiled into a BPF_CGROUP_DEVICE program by the v2
// one (device_program.h), so both hosts enforce the same rules.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace berth::cgroup {

enum class DeviceType : char { All = 'a', Block = 'b', Char = 'c' };

// The kernel's access bits (BPF_DEVCG_ACC_*; v1 writes them as "m", "r", "w").
inline constexpr std::uint8_t kDeviceMknod = 1;
inline constexpr std::uint8_t kDeviceRead = 2;
inline constexpr std::uint8_t kDeviceWrite = 4;
inline constexpr std::uint8_t kDeviceAnyAccess = kDeviceMknod | kDeviceRead | kDeviceWrite;

// One line of devices.allow: a type, a major and a minor (nullopt: "*"),
// and the access it grants.
struct DeviceRule {
    DeviceType type = DeviceType::All;
    std::optional<std::uint32_t> major;
    std::optional<std::uint32_t> minor;
    std::uint8_t access = kDeviceAnyAccess;
};

// What LXC allows a container by default: the basic character devices,
// the console and ptys, and mknod of any device (opening it stays refused).
// Everything else is denied.
[[nodiscard]] std::span<const DeviceRule> defaultDeviceAllowlist();

// "c 1:3 rwm", "b *:* m": the rule as devices.allow and devices.list spell it.
[[nodiscard]] std::string deviceRuleText(const DeviceRule& rule);

} // namespace berth::cgroup
