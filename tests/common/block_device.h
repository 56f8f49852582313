// A block device of this machine for device-control tests: one that this
// process can open for reading outside any container, so that a refusal
// inside one is the container's device control at work.
#pragma once

#include <optional>

namespace berth::test {

struct DeviceNumber {
    unsigned major = 0;
    unsigned minor = 0;
};

// The first entry of /sys/dev/block whose node, made in a temporary
// directory, opens read-only here (some hosts refuse their own disks to
// root already). Never opened for writing.
[[nodiscard]] std::optional<DeviceNumber> openableBlockDevice();

} // namespace berth::test
