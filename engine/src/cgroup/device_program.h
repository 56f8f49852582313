// The device allowlist as a BPF_CGROUP_DEVICE program for cgroup v2, built
// instruction by instruction (as crun's ebpf.c and runc's devicefilter do):
// no compiler, no libbpf. Pure: loading and attaching is device_bpf.h.
#pragma once

#include "cgroup/device_rules.h"

#include <span>
#include <vector>

#include <linux/bpf.h>

namespace berth::cgroup {

// Returns 1 (allow) when the access the kernel asks about is within one of
// `allowed`, else 0. The kernel runs it for mknod and for each open of a
// device node in the cgroup and its descendants, with the requested access
// bits (read and write together for O_RDWR): all of them must be granted
// by one rule, as in v1.
[[nodiscard]] std::vector<bpf_insn> deviceProgram(std::span<const DeviceRule> allowed);

} // namespace berth::cgroup
