#include "security/capabilities.h"

#include "berth/unique_fd.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <fcntl.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::security {

namespace {

// Index = capability number, as in linux/capability.h.
constexpr std::array<std::string_view, 41> kNames = {
    "chown",
    "dac_override",
    "dac_read_search",
    "fowner",
    "fsetid",
    "kill",
    "setgid",
    "setuid",
    "setpcap",
    "linux_immutable",
    "net_bind_service",
    "net_broadcast",
    "net_admin",
    "net_raw",
    "ipc_lock",
    "ipc_owner",
    "sys_module",
    "sys_rawio",
    "sys_chroot",
    "sys_ptrace",
    "sys_pacct",
    "sys_admin",
    "sys_boot",
    "sys_nice",
    "sys_resource",
    "sys_time",
    "sys_tty_config",
    "mknod",
    "lease",
    "audit_write",
    "audit_control",
    "setfcap",
    "mac_override",
    "mac_admin",
    "syslog",
    "wake_alarm",
    "block_suspend",
    "audit_read",
    "perfmon",
    "bpf",
    "checkpoint_restore",
};

// Docker's default set for containers without --privileged.
constexpr std::array<int, 14> kApplicationDefault = {
    CAP_CHOWN,  CAP_DAC_OVERRIDE, CAP_FSETID,  CAP_FOWNER,           CAP_MKNOD,      CAP_NET_RAW, CAP_SETGID,
    CAP_SETUID, CAP_SETFCAP,      CAP_SETPCAP, CAP_NET_BIND_SERVICE, CAP_SYS_CHROOT, CAP_KILL,    CAP_AUDIT_WRITE,
};

// What LXC's common.conf drops for privileged system containers.
constexpr std::array<int, 5> kSystemDropped = {
    CAP_SYS_MODULE, CAP_SYS_TIME, CAP_SYS_RAWIO, CAP_MAC_ADMIN, CAP_MAC_OVERRIDE,
};

constexpr std::uint64_t bit(int cap)
{
    return std::uint64_t{1} << cap;
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

Result<std::uint64_t> setFromNames(const std::vector<std::string>& names, std::string_view key)
{
    std::uint64_t set = 0;
    for (const std::string& name : names) {
        if (lowered(name) == "none")
            continue;
        auto cap = capabilityFromName(name);
        if (!cap)
            return fail(cap.error().wrap(key));
        set |= bit(*cap);
    }
    return set;
}

} // namespace

std::uint64_t defaultCapabilities(ContainerKind kind)
{
    std::uint64_t set = 0;
    if (kind == ContainerKind::Application) {
        for (int cap : kApplicationDefault)
            set |= bit(cap);
        return set;
    }
    set = ~std::uint64_t{0};
    for (int cap : kSystemDropped)
        set &= ~bit(cap);
    return set;
}

std::uint64_t effectiveCapabilities(ContainerKind kind, std::uint64_t drop, const std::optional<std::uint64_t>& keep)
{
    return keep.value_or(defaultCapabilities(kind)) & ~drop;
}

Result<int> capabilityFromName(std::string_view name)
{
    std::string key = lowered(name);
    if (key.starts_with("cap_"))
        key.erase(0, 4);
    const auto it = std::ranges::find(kNames, std::string_view(key));
    if (it == kNames.end())
        return failWith(EINVAL, "unknown capability '" + std::string(name) + "'");
    return static_cast<int>(it - kNames.begin());
}

std::string_view capabilityName(int cap)
{
    if (cap < 0 || cap >= static_cast<int>(kNames.size()))
        return {};
    return kNames[static_cast<std::size_t>(cap)];
}

Result<int> readLastCapability(const std::filesystem::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open '" + file.string() + "'");
    char buf[32];
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0)
        return failErrno(errno, "read '" + file.string() + "'");
    std::string_view text(buf, static_cast<std::size_t>(n));
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.remove_suffix(1);
    int value = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > 63)
        return failWith(EINVAL, "bad last capability '" + std::string(text) + "'", file.string());
    return value;
}

Result<CapabilityPlan> planCapabilities(ContainerKind kind, const std::vector<std::string>& drop,
                                        const std::vector<std::string>& keep, bool keepGiven, int lastCap)
{
    std::optional<std::uint64_t> kept;
    if (keepGiven) {
        auto set = setFromNames(keep, "lxc.cap.keep");
        if (!set)
            return fail(std::move(set.error()));
        kept = *set;
    }
    auto dropped = setFromNames(drop, "lxc.cap.drop");
    if (!dropped)
        return fail(std::move(dropped.error()));
    // A name the kernel does not know yet would make capset() fail later.
    const std::uint64_t known = lastCap >= 63 ? ~std::uint64_t{0} : bit(lastCap + 1) - 1;
    return CapabilityPlan{effectiveCapabilities(kind, *dropped, kept) & known};
}

Result<CapabilityPlan> planCapabilities(ContainerKind kind, const std::vector<std::string>& drop,
                                        const std::vector<std::string>& keep, bool keepGiven)
{
    auto lastCap = readLastCapability();
    if (!lastCap)
        return fail(std::move(lastCap.error()));
    return planCapabilities(kind, drop, keep, keepGiven, *lastCap);
}

namespace {

// The bounding set can only shrink, and dropping needs CAP_SETPCAP in the
// effective set: do it before capset() takes CAP_SETPCAP away.
int dropBoundingSet(std::uint64_t keep) noexcept
{
    for (int cap = 0; cap < 64; ++cap) {
        if (::prctl(PR_CAPBSET_READ, cap, 0, 0, 0) < 0)
            break; // EINVAL: past the kernel's last capability
        if ((keep & bit(cap)) == 0 && ::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0)
            return errno;
    }
    return 0;
}

// A capability the process does not hold cannot be granted: keep what it has.
int setProcessSets(std::uint64_t keep) noexcept
{
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
    if (::syscall(SYS_capget, &header, data) != 0)
        return errno;
    for (int i = 0; i < _LINUX_CAPABILITY_U32S_3; ++i) {
        const auto word = static_cast<std::uint32_t>(keep >> (32 * i)) & data[i].permitted;
        data[i].effective = word;
        data[i].permitted = word;
        data[i].inheritable = word;
    }
    if (::syscall(SYS_capset, &header, data) != 0)
        return errno;
    return 0;
}

} // namespace

int applyCapabilities(const CapabilityPlan& plan) noexcept
{
    if (int err = dropBoundingSet(plan.keep))
        return err;
    // Ambient capabilities would survive exec for non-root: none may.
    if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL)
        return errno;
    return setProcessSets(plan.keep);
}

} // namespace berth::security
