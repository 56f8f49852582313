// Loading a device program (device_program.h) and attaching it to a cgroup
// v2 directory with the bpf(2) system call.
#pragma once

#include "berth/error.h"
#include "cgroup/device_rules.h"

#include <filesystem>
#include <span>

namespace berth::cgroup {

// Attaches the program for `allowed` to the cgroup `dir` (BPF_CGROUP_DEVICE,
// BPF_F_ALLOW_MULTI). The attachment lives as long as the cgroup, so the
// program's descriptor is closed again. It applies to every sub-cgroup the
// container makes too: programs attached there run as well and every one
// must allow, so a sub-cgroup never gains a device. Detaching it takes
// CAP_SYS_ADMIN in the host's user namespace and the bpf(2) call.
[[nodiscard]] Status attachDeviceProgram(const std::filesystem::path& dir, std::span<const DeviceRule> allowed);

// Whether this kernel can filter devices for cgroup v2: loads (and drops) a
// device program. The error says why not; EINVAL from the load means the
// kernel lacks the program type (CONFIG_CGROUP_BPF).
[[nodiscard]] Status deviceProgramsSupported();

} // namespace berth::cgroup
