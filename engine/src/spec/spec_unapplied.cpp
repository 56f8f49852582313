// The keys Berth knows, and the LXC keys it keeps but does not apply. A
// config must not claim what is not there: a key whose absence would
// surprise more than a failed save is refused; the others, and every key
// Berth does not know (a typo), are kept with a warning people see
// (GetContainer's warnings, berthctl info, the GUI).
#include "spec/spec_internal.h"
#include "berth/model/shared_folder.h"
#include "config/values.h"

#include <sys/utsname.h>

#include <algorithm>
#include <cerrno>
#include <iterator>

namespace berth {

namespace {

// Every key Berth knows, in one table: the ones it reads (Read), the
// families whose own module refuses what it does not know (lxc.net.*,
// lxc.cgroup*), and the ones it keeps without applying (Warn, Refuse).
// Any other key is kept with a warning that Berth does not know it.
enum class Verdict { Read, Refuse, Warn };

struct UnappliedKey {
    std::string_view key; // ends with '.': every key under it
    Verdict verdict;
    std::string_view why;
};

constexpr UnappliedKey kUnappliedKeys[] = {
    // Read by the spec (spec_*.cpp, cgroup/, net/) or written by Berth itself.
    {"lxc.include", Verdict::Read, ""}, // followed by the parser
    {"lxc.rootfs.path", Verdict::Read, ""},
    {"lxc.rootfs.options", Verdict::Read, ""}, // only 'ro', see warnRootfsOptions
    {"lxc.uts.name", Verdict::Read, ""},
    {"lxc.init.cmd", Verdict::Read, ""},
    {"lxc.execute.cmd", Verdict::Read, ""},
    {"lxc.init.cwd", Verdict::Read, ""},
    {"lxc.init.uid", Verdict::Read, ""},
    {"lxc.init.gid", Verdict::Read, ""},
    {"lxc.init.groups", Verdict::Read, ""},
    {"lxc.environment", Verdict::Read, ""},
    {"lxc.mount.entry", Verdict::Read, ""},
    {"lxc.mount.auto", Verdict::Read, ""},
    {"lxc.cap.drop", Verdict::Read, ""},
    {"lxc.cap.keep", Verdict::Read, ""},
    {"lxc.console.size", Verdict::Read, ""},
    {"lxc.console.buffer.size", Verdict::Read, ""},
    {"lxc.console.rotate", Verdict::Read, ""},
    {"lxc.console.logfile", Verdict::Read, ""},
    {"lxc.tty.max", Verdict::Read, ""},
    {"lxc.pty.max", Verdict::Read, ""},
    {"lxc.start.auto", Verdict::Read, ""},
    {"lxc.start.order", Verdict::Read, ""},
    {"lxc.start.delay", Verdict::Read, ""},
    {"lxc.signal.stop", Verdict::Read, ""},
    {"lxc.signal.halt", Verdict::Read, ""},
    {"lxc.no_new_privs", Verdict::Read, ""},
    {"lxc.idmap", Verdict::Read, ""},
    {"lxc.net", Verdict::Read, ""},
    {"lxc.net.", Verdict::Read, ""},     // net/net_spec refuses the subkeys it does not know
    {"lxc.network.", Verdict::Read, ""}, // refused by net/net_spec (LXC 2 names)
    {"lxc.cgroup.", Verdict::Read, ""},  // cgroup/limits_config refuses the files it does not know
    {"lxc.cgroup2.", Verdict::Read, ""},
    {"berth.kind", Verdict::Read, ""},
    {"berth.privileged", Verdict::Read, ""},
    {"berth.rootfs.shifted", Verdict::Read, ""},
    {"berth.remove_when_stopped", Verdict::Read, ""},
    {"berth.net.forward", Verdict::Read, ""},
    {model::kShareKey, Verdict::Read, ""},
    {"berth.template", Verdict::Read, ""},      // where the container came from, shown by info
    {"berth.imported-from", Verdict::Read, ""}, // template/lxc_import_config
    {"berth.cloned-from", Verdict::Read, ""},
    {"berth.image.", Verdict::Read, ""}, // image/oci_container_config
    // Kept but not applied.
    {"lxc.namespace.", Verdict::Refuse,
     "Berth chooses the container's namespaces itself (all new); this key would not be applied"},
    {"lxc.apparmor.", Verdict::Warn, "AppArmor is not used by Berth; this is not applied"},
    {"lxc.selinux.", Verdict::Warn, "SELinux is not used by Berth; this is not applied"},
    {"lxc.seccomp.", Verdict::Warn, "Berth applies its own seccomp filter; this is not applied"},
    {"lxc.prlimit.", Verdict::Warn, "resource limits by prlimit are not applied; use lxc.cgroup2.* limits"},
    {"lxc.hook.", Verdict::Warn, "Berth does not run LXC hooks; this is not applied"},
    {"lxc.mount.fstab", Verdict::Warn, "Berth does not read fstab files; move its lines to lxc.mount.entry"},
    {"lxc.rootfs.mount", Verdict::Warn, "Berth chooses where it mounts the rootfs; this is not applied"},
    {"lxc.log.", Verdict::Warn, "Berth keeps its own log (berthctl log); this is not applied"},
    {"lxc.arch", Verdict::Warn, "Berth runs the container with the host's architecture; this is not applied"},
    {"lxc.autodev", Verdict::Warn, "Berth always gives the container its own /dev; this is not applied"},
    {"lxc.signal.reboot", Verdict::Warn, "Berth sends no reboot signal; this is not applied"},
};

// LXC 2 names that LXC 3 renamed (lxc-update-config rewrites them).
constexpr std::string_view kLegacyKeys[] = {
    "lxc.utsname",    "lxc.rootfs",       "lxc.id_map",     "lxc.pts",        "lxc.tty",
    "lxc.haltsignal", "lxc.rebootsignal", "lxc.stopsignal", "lxc.init_cmd",   "lxc.init_uid",
    "lxc.init_gid",   "lxc.loglevel",     "lxc.logfile",    "lxc.aa_profile", "lxc.se_context",
    "lxc.console",    "lxc.devttydir",    "lxc.limit",      "lxc.seccomp",
};

const UnappliedKey* findUnapplied(std::string_view key)
{
    for (const UnappliedKey& rule : kUnappliedKeys) {
        if (rule.key.ends_with('.') ? key.starts_with(rule.key) : key == rule.key)
            return &rule;
    }
    return nullptr;
}

// lxc.arch names for the architecture the container runs with anyway.
bool isHostArchitecture(std::string_view arch)
{
    utsname host{};
    if (::uname(&host) != 0)
        return false;
    const std::string_view machine = host.machine;
    if (arch == machine || arch == "linux64")
        return true;
    return (machine == "x86_64" && arch == "amd64") || (machine == "aarch64" && arch == "arm64");
}

// What the value claims nothing Berth does not do anyway: no warning.
bool claimsNothing(const ConfigEntry& entry)
{
    return entry.value.empty() || (entry.key == "lxc.apparmor.profile" && entry.value == "unconfined") ||
           (entry.key == "lxc.autodev" && entry.value == "1") ||
           (entry.key == "lxc.arch" && isHostArchitecture(entry.value));
}

std::string unknownWhy(std::string_view key)
{
    if (isLegacyLxcKey(key))
        return "an LXC 2 key Berth does not know; convert the config with lxc-update-config";
    return "Berth does not know this key; it is kept but not applied";
}

// Only "ro" of lxc.rootfs.options is applied (runtime/read_only_root).
void warnRootfsOptions(const ConfigEntry& entry, std::vector<std::string>& warnings)
{
    std::string_view options = entry.value;
    while (!options.empty()) {
        const std::size_t comma = std::min(options.find(','), options.size());
        const std::string_view option = options.substr(0, comma);
        options.remove_prefix(std::min(comma + 1, options.size()));
        if (!option.empty() && option != "ro")
            warnings.push_back(entry.where() + ": lxc.rootfs.options: " + quoteForMessage(option) +
                               " is not applied (only 'ro' is)");
    }
}

} // namespace

bool isLegacyLxcKey(std::string_view key)
{
    return key.starts_with("lxc.network.") || std::ranges::find(kLegacyKeys, key) != std::end(kLegacyKeys);
}

Status readUnappliedKeys(const Config& config, ContainerSpec& spec)
{
    for (const ConfigEntry& entry : config.allEntries()) {
        if (entry.key == "lxc.rootfs.options") {
            warnRootfsOptions(entry, spec.warnings);
            continue;
        }
        const UnappliedKey* rule = findUnapplied(entry.key);
        const std::string line = entry.where() + ": " + entry.key + " = " + quoteForMessage(entry.value) + ": ";
        if (!rule) {
            spec.warnings.push_back(line + unknownWhy(entry.key));
            continue;
        }
        if (rule->verdict == Verdict::Read || claimsNothing(entry))
            continue;
        if (rule->verdict == Verdict::Refuse)
            return failAt(entry, EINVAL, std::string(rule->why));
        spec.warnings.push_back(line + std::string(rule->why));
    }
    return {};
}

} // namespace berth
