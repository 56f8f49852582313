// lxc.mount.entry (fstab lines) and lxc.mount.auto.
#include "spec/spec_internal.h"
#include "config/values.h"

#include <cerrno>
#include <climits>
#include <sys/mount.h>

namespace berth {

namespace {

struct MountOption {
    std::string_view name;
    unsigned long set;
    unsigned long clear;
};

constexpr MountOption kFlagOptions[] = {
    {"defaults", 0, 0},
    {"ro", MS_RDONLY, 0},
    {"rw", 0, MS_RDONLY},
    {"nosuid", MS_NOSUID, 0},
    {"suid", 0, MS_NOSUID},
    {"nodev", MS_NODEV, 0},
    {"dev", 0, MS_NODEV},
    {"noexec", MS_NOEXEC, 0},
    {"exec", 0, MS_NOEXEC},
    {"sync", MS_SYNCHRONOUS, 0},
    {"async", 0, MS_SYNCHRONOUS},
    {"dirsync", MS_DIRSYNC, 0},
    {"remount", MS_REMOUNT, 0},
    {"mand", MS_MANDLOCK, 0},
    {"nomand", 0, MS_MANDLOCK},
    {"noatime", MS_NOATIME, 0},
    {"atime", 0, MS_NOATIME},
    {"nodiratime", MS_NODIRATIME, 0},
    {"diratime", 0, MS_NODIRATIME},
    {"relatime", MS_RELATIME, 0},
    {"norelatime", 0, MS_RELATIME},
    {"strictatime", MS_STRICTATIME, 0},
    {"nostrictatime", 0, MS_STRICTATIME},
    {"lazytime", MS_LAZYTIME, 0},
    {"nolazytime", 0, MS_LAZYTIME},
    {"silent", MS_SILENT, 0},
    {"loud", 0, MS_SILENT},
    {"bind", MS_BIND, 0},
    {"rbind", MS_BIND | MS_REC, 0},
};

constexpr MountOption kPropagationOptions[] = {
    {"private", MS_PRIVATE, 0},       {"rprivate", MS_PRIVATE | MS_REC, 0},
    {"slave", MS_SLAVE, 0},           {"rslave", MS_SLAVE | MS_REC, 0},
    {"shared", MS_SHARED, 0},         {"rshared", MS_SHARED | MS_REC, 0},
    {"unbindable", MS_UNBINDABLE, 0}, {"runbindable", MS_UNBINDABLE | MS_REC, 0},
};

template <std::size_t N> const MountOption* findOption(const MountOption (&table)[N], std::string_view name)
{
    for (const MountOption& option : table) {
        if (option.name == name)
            return &option;
    }
    return nullptr;
}

// Options Berth itself acts on, as LXC does.
Status applyBerthOption(std::string_view option, MountEntry& mount)
{
    if (option == "optional")
        mount.optional = true;
    else if (option == "relative")
        mount.relativeSource = true;
    else if (option == "create=dir")
        mount.create = MountEntry::Create::Dir;
    else if (option == "create=file")
        mount.create = MountEntry::Create::File;
    else
        return failWith(EINVAL, "mount option " + quoteForMessage(option) + " is not create=dir or create=file");
    return {};
}

Status applyOptions(std::string_view options, MountEntry& mount)
{
    std::size_t start = 0;
    while (start <= options.size()) {
        const std::size_t comma = std::min(options.find(',', start), options.size());
        const std::string_view option = options.substr(start, comma - start);
        start = comma + 1;
        if (option.empty())
            continue;
        if (const MountOption* flag = findOption(kFlagOptions, option)) {
            mount.flags = (mount.flags & ~flag->clear) | flag->set;
        } else if (const MountOption* propagation = findOption(kPropagationOptions, option)) {
            mount.propagation = propagation->set;
        } else if (option == "optional" || option == "relative" || option.starts_with("create=")) {
            if (auto ok = applyBerthOption(option, mount); !ok)
                return ok;
        } else {
            mount.data += (mount.data.empty() ? "" : ",") + std::string(option);
        }
    }
    return {};
}

// Relative to the rootfs, as LXC strips a leading '/'; never above it.
Result<std::filesystem::path> mountTarget(std::string_view raw)
{
    std::string_view target = raw;
    while (target.starts_with('/'))
        target.remove_prefix(1);
    std::string normal = std::filesystem::path(target).lexically_normal().string();
    while (normal.ends_with('/'))
        normal.pop_back();
    if (normal.empty() || normal == ".")
        return failWith(EINVAL, "target " + quoteForMessage(raw) + " is the rootfs itself");
    if (normal == ".." || normal.starts_with("../"))
        return failWith(EINVAL, "target " + quoteForMessage(raw) + " climbs out of the rootfs with '..'");
    return std::filesystem::path(normal);
}

} // namespace

Result<MountEntry> parseMountEntry(std::string_view value)
{
    const auto fields = splitBlanks(value);
    if (fields.size() < 4 || fields.size() > 6)
        return failWith(EINVAL, quoteForMessage(value) + " is not 'source target fstype options [dump [pass]]'");
    MountEntry mount;
    auto source = unescapeFstabField(fields[0]);
    auto target = unescapeFstabField(fields[1]);
    auto fstype = unescapeFstabField(fields[2]);
    auto options = unescapeFstabField(fields[3]);
    for (const auto* field : {&source, &target, &fstype, &options}) {
        if (!*field)
            return fail(field->error());
    }
    auto relative = mountTarget(*target);
    if (!relative)
        return fail(relative.error());
    mount.source = std::move(*source);
    mount.target = std::move(*relative);
    mount.fstype = std::move(*fstype);
    if (auto ok = applyOptions(*options, mount); !ok)
        return fail(ok.error());
    int* const numbers[] = {&mount.dump, &mount.pass};
    for (std::size_t i = 4; i < fields.size(); ++i) {
        auto number = parseUnsignedValue(fields[i], 0, INT_MAX);
        if (!number)
            return fail(number.error().wrap(i == 4 ? "dump" : "pass"));
        *numbers[i - 4] = static_cast<int>(*number);
    }
    return mount;
}

namespace {

Result<MountAuto::Cgroup> cgroupMode(std::string_view mode)
{
    if (mode.empty())
        return MountAuto::Cgroup::Default;
    if (mode == "mixed")
        return MountAuto::Cgroup::Mixed;
    if (mode == "ro")
        return MountAuto::Cgroup::ReadOnly;
    if (mode == "rw")
        return MountAuto::Cgroup::ReadWrite;
    return failWith(EINVAL, "unknown cgroup mode " + quoteForMessage(mode));
}

// "cgroup", "cgroup:ro", "cgroup:force", "cgroup-full:mixed:force", ...
Status applyCgroupWord(std::string_view word, MountAuto& mountAuto)
{
    const bool full = word.starts_with("cgroup-full");
    std::string_view rest = word.substr(full ? 11 : 6);
    bool force = false;
    if (rest.ends_with(":force")) {
        force = true;
        rest.remove_suffix(6);
    }
    if (!rest.empty() && !rest.starts_with(':'))
        return failWith(EINVAL, quoteForMessage(word) + " is not a known lxc.mount.auto word");
    auto mode = cgroupMode(rest.empty() ? rest : rest.substr(1));
    if (!mode)
        return fail(mode.error().wrap(quoteForMessage(word)));
    mountAuto.cgroup = *mode;
    mountAuto.cgroupFull = full;
    mountAuto.cgroupForce = force;
    return {};
}

} // namespace

Status applyMountAutoWord(std::string_view word, MountAuto& mountAuto)
{
    using P = MountAuto::Proc;
    using S = MountAuto::Sys;
    if (word == "proc" || word == "proc:mixed")
        mountAuto.proc = P::Mixed;
    else if (word == "proc:rw")
        mountAuto.proc = P::ReadWrite;
    else if (word == "sys" || word == "sys:mixed")
        mountAuto.sys = S::Mixed;
    else if (word == "sys:ro")
        mountAuto.sys = S::ReadOnly;
    else if (word == "sys:rw")
        mountAuto.sys = S::ReadWrite;
    else if (word.starts_with("cgroup"))
        return applyCgroupWord(word, mountAuto);
    else
        return failWith(EINVAL, quoteForMessage(word) + " is not a known lxc.mount.auto word");
    return {};
}

Status readMounts(const Config& config, ContainerSpec& spec)
{
    for (const ConfigEntry& entry : config.entries("lxc.mount.entry")) {
        auto mount = parseMountEntry(entry.value);
        if (!mount)
            return std::unexpected(entryError(entry, mount.error()));
        mount->where = entry.where();
        spec.mounts.push_back(std::move(*mount));
    }
    // Absent: Berth's default. Present: only what it says (an empty value
    // clears, as in LXC, and leaves nothing mounted automatically).
    if (!config.entry("lxc.mount.auto"))
        return {};
    spec.mountAuto = MountAuto{MountAuto::Proc::None, MountAuto::Sys::None, MountAuto::Cgroup::None, false, false};
    for (const ConfigEntry& entry : config.entries("lxc.mount.auto")) {
        for (std::string_view word : splitBlanks(entry.value)) {
            if (auto ok = applyMountAutoWord(word, spec.mountAuto); !ok)
                return std::unexpected(entryError(entry, ok.error()));
        }
    }
    return {};
}

} // namespace berth
