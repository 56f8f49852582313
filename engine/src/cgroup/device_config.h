// lxc.cgroup.devices.allow/deny and lxc.cgroup2.devices.allow/deny: the
// container's device allowlist, the same list whichever backend enforces it.
#pragma once

#include "berth/config.h"
#include "berth/error.h"
#include "cgroup/device_rules.h"

#include <string_view>
#include <vector>

namespace berth::cgroup {

// "c 1:3 rwm", "b 8:* r", "c *:* m", "a" (every device, every access). A
// missing access list means rwm.
[[nodiscard]] Result<DeviceRule> parseDeviceRule(std::string_view text);

// The default allowlist changed by the config's device keys in line order,
// both families alike, as the v1 controller applies them to a cgroup that
// starts with the default list: allow adds a rule; deny "a" empties the
// list; deny of a rule takes its access from the listed rules of the same
// type and numbers. A deny that matches no such rule is an error naming
// the line: a v1 kernel would carve it out of a wider rule, which a list
// of allowed devices cannot say, and silently keeping the access is worse.
[[nodiscard]] Result<std::vector<DeviceRule>> deviceAllowlistFromConfig(const Config& config);

} // namespace berth::cgroup
