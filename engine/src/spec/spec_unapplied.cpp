// LXC keys for confinement that Berth keeps but does not apply. A config
// must not claim confinement that is not there: a key whose absence would
// surprise more than a failed save is refused; the others are kept with a
// warning people see (GetContainer's warnings, berthctl info, the GUI).
#include "spec/spec_internal.h"
#include "config/values.h"

#include <cerrno>

namespace berth {

namespace {

enum class Verdict { Refuse, Warn };

struct UnappliedKey {
    std::string_view key; // ends with '.': every key under it
    Verdict verdict;
    std::string_view why;
};

constexpr UnappliedKey kUnappliedKeys[] = {
    {"lxc.namespace.", Verdict::Refuse,
     "Berth chooses the container's namespaces itself (all new); this key would not be applied"},
    {"lxc.apparmor.", Verdict::Warn, "AppArmor is not used by Berth; this is not applied"},
    {"lxc.selinux.", Verdict::Warn, "SELinux is not used by Berth; this is not applied"},
    {"lxc.seccomp.", Verdict::Warn, "Berth applies its own seccomp filter; this is not applied"},
    {"lxc.prlimit.", Verdict::Warn, "resource limits by prlimit are not applied; use lxc.cgroup2.* limits"},
};

const UnappliedKey* findUnapplied(std::string_view key)
{
    for (const UnappliedKey& rule : kUnappliedKeys) {
        if (rule.key.ends_with('.') ? key.starts_with(rule.key) : key == rule.key)
            return &rule;
    }
    return nullptr;
}

// What the value claims nothing about: no warning.
bool claimsNothing(const ConfigEntry& entry)
{
    return entry.value.empty() || (entry.key == "lxc.apparmor.profile" && entry.value == "unconfined");
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

Status readUnappliedKeys(const Config& config, ContainerSpec& spec)
{
    for (const ConfigEntry& entry : config.allEntries()) {
        if (entry.key == "lxc.rootfs.options") {
            warnRootfsOptions(entry, spec.warnings);
            continue;
        }
        const UnappliedKey* rule = findUnapplied(entry.key);
        if (!rule || claimsNothing(entry))
            continue;
        if (rule->verdict == Verdict::Refuse)
            return failAt(entry, EINVAL, std::string(rule->why));
        spec.warnings.push_back(entry.where() + ": " + entry.key + " = " + quoteForMessage(entry.value) + ": " +
                                std::string(rule->why));
    }
    return {};
}

} // namespace berth
