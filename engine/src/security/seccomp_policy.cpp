#include "security/seccomp_policy.h"

#include <algorithm>
#include <array>
#include <linux/capability.h>

namespace berth::security {

namespace {

constexpr std::string_view kDeniedForAll[] = {
    // Kernel code and modules.
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "create_module",
    "query_module",
    "get_kernel_syms",
    // Opening by handle escapes a bind mount (the "shocker" escape; making
    // a handle, name_to_handle_at, opens nothing: systemd's cgroup IDs and
    // mount checks use it). perf observes the host kernel.
    "open_by_handle_at",
    "perf_event_open",
    // Host-wide state: accounting, quotas, swap, clocks, kernel log.
    // The clock is the host's (no namespace virtualizes CLOCK_REALTIME).
    "acct",
    "quotactl",
    "quotactl_fd",
    "swapon",
    "swapoff",
    "settimeofday",
    "clock_settime",
    "clock_settime64",
    "clock_adjtime",
    "clock_adjtime64",
    "stime",
    "syslog",
    // Raw hardware and obsolete calls.
    "iopl",
    "ioperm",
    "lookup_dcookie",
    "nfsservctl",
    "uselib",
    "ustat",
    "sysfs",
    "_sysctl",
    "vm86",
    "vm86old",
    // Reading other processes' memory and layout.
    "userfaultfd",
    "kcmp",
    "process_vm_readv",
    "process_vm_writev",
    // NUMA policy affects the host's memory placement.
    "mbind",
    "set_mempolicy",
    "set_mempolicy_home_node",
    "move_pages",
    "migrate_pages",
    "get_mempolicy",
};

// Docker refuses these without a capability application containers lack
// (CAP_SYS_ADMIN, CAP_SYS_BOOT, CAP_SYS_PTRACE, CAP_SYS_TTY_CONFIG), or
// always (io_uring: its operations bypass this filter).
constexpr std::string_view kDeniedForApplications[] = {
    "mount",
    "umount",
    "umount2",
    "pivot_root",
    "unshare",
    "setns",
    "reboot",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "move_mount",
    "open_tree",
    "mount_setattr",
    "sethostname",
    "setdomainname",
    "fanotify_init",
    "lsm_get_self_attr",
    "lsm_set_self_attr",
    "lsm_list_modules",
    "pidfd_getfd",
    "process_madvise",
    "vhangup",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "bpf",
};

// Capabilities of the host's user namespace (a privileged container's):
// with CAP_SYS_ADMIN, bpf loads tracing programs that read kernel memory
// and write other processes'. In a user namespace of its own the kernel
// allows only what any host user may (kernel.unprivileged_bpf_disabled).
constexpr std::string_view kDeniedInHostUserNamespace[] = {"bpf"};

// adjtimex() only reads unless the caller holds CAP_SYS_TIME, and seccomp
// cannot see its modes (they sit in memory): a container that holds
// CAP_SYS_TIME loses it whole, as no container sets the host's clock.
constexpr CapabilityGuardedSyscall kDeniedWithCapability[] = {
    {CAP_SYS_TIME, "adjtimex"},
};

// AF_ALG (the kernel's crypto API) and AF_VSOCK (the hypervisor's and
// host's vsock services), as Docker.
constexpr std::uint64_t kSocketFamiliesDeniedForApplications[] = {38, 40};

constexpr std::string_view kWithoutKeyring[] = {"keyctl", "add_key", "request_key"};

constexpr std::uint64_t kPersonalities[] = {0x0, 0x8, 0x20000, 0x20008, 0xffffffff};

constexpr std::uint64_t kLimit = std::uint64_t{1} << 32;

// Largest aligned block starting at `low` that stays within [low, end).
std::uint64_t blockSize(std::uint64_t low, std::uint64_t end)
{
    std::uint64_t size = low == 0 ? kLimit : (low & -low);
    while (low + size > end)
        size >>= 1;
    return size;
}

void coverRange(std::uint64_t low, std::uint64_t end, std::vector<MaskedValue>& out)
{
    while (low < end) {
        const std::uint64_t size = blockSize(low, end);
        out.push_back({~(size - 1), low});
        low += size;
    }
}

} // namespace

std::span<const std::string_view> syscallsDeniedForAll()
{
    return kDeniedForAll;
}
std::span<const std::string_view> syscallsDeniedForApplications()
{
    return kDeniedForApplications;
}
std::span<const std::string_view> syscallsDeniedInHostUserNamespace()
{
    return kDeniedInHostUserNamespace;
}
std::span<const std::string_view> syscallsWithoutKeyring()
{
    return kWithoutKeyring;
}
std::span<const CapabilityGuardedSyscall> syscallsDeniedWithCapability()
{
    return kDeniedWithCapability;
}
std::span<const std::uint64_t> socketFamiliesDeniedForApplications()
{
    return kSocketFamiliesDeniedForApplications;
}
std::span<const std::uint64_t> allowedPersonalities()
{
    return kPersonalities;
}

std::vector<MaskedValue> blocksOutside(std::span<const std::uint64_t> allowed)
{
    std::vector<std::uint64_t> sorted(allowed.begin(), allowed.end());
    std::ranges::sort(sorted);
    std::vector<MaskedValue> blocks;
    std::uint64_t low = 0;
    for (std::uint64_t value : sorted) {
        if (value >= kLimit)
            continue;
        coverRange(low, value, blocks);
        low = value + 1;
    }
    coverRange(low, kLimit, blocks);
    return blocks;
}

} // namespace berth::security
