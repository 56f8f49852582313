#include "template/lxc_import_config.h"

#include "berth/config.h"
#include "berth/model/container_name.h"
#include "config/config_syntax.h"
#include "spec/container_spec.h"
#include "spec/spec_internal.h"
#include "config/values.h"

#include <algorithm>
#include <array>

namespace berth::templates {

namespace fsys = std::filesystem;

namespace {

// Keys that name files of the old LXC installation on the host: the copy
// must neither write to the old container's log nor run its hooks.
// lxc.seccomp.profile names LXC's policy file (Berth applies its own
// filter), lxc.rootfs.mount LXC's staging mount point.
bool isHostPathKey(std::string_view key)
{
    return key == "lxc.console.logfile" || key == "lxc.log.file" || key == "lxc.seccomp.profile" ||
           key == "lxc.rootfs.mount" || key.starts_with("lxc.hook.");
}

bool isNetworkKey(std::string_view key)
{
    return key == "lxc.net" || key.starts_with("lxc.net.");
}

// LXC's shared configs (common.conf, <distro>.common.conf, the
// common.conf.d directory) set capabilities, device rules, mount.auto,
// ttys and a seccomp policy: Berth's own defaults for system containers
// cover each of those, so the include is dropped rather than followed.
bool isLxcCommonConfig(std::string_view value)
{
    fsys::path path = fsys::path(value).lexically_normal();
    if (!path.has_filename())
        path = path.parent_path();
    const fsys::path dir = path.parent_path();
    if (dir != "/usr/share/lxc/config" && dir != "/usr/local/share/lxc/config")
        return false;
    const std::string name = path.filename().string();
    return name == "common.conf" || name == "common.conf.d" || name.ends_with(".common.conf");
}

// Replaces the lxc.include lines of LXC's common configs by a comment (so
// line numbers in later messages stay those of the original file) and
// refuses any other include: its keys would silently go missing.
Result<std::string> dropCommonIncludes(std::string_view text)
{
    std::string out;
    int number = 0;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        ++number;
        auto syntax = parseConfigLine(line);
        if (syntax && syntax->kind == ConfigLineSyntax::Kind::Entry && syntax->key == "lxc.include") {
            const std::string where = "config:" + std::to_string(number);
            if (!isLxcCommonConfig(syntax->value))
                return failWith(EOPNOTSUPP,
                                where + ": lxc.include: " + quoteForMessage(syntax->value) +
                                    " is not imported: copy its keys into the config first",
                                where);
            out += "# dropped by the import (Berth's defaults cover it): ";
        }
        out.append(line);
        out += '\n';
    }
    return out;
}

Status refuseUnsupported(const Config& config)
{
    for (const ConfigEntry& entry : config.allEntries()) {
        const std::string_view key = entry.key;
        if (isLegacyLxcKey(key))
            return failAt(entry, EINVAL, "an LXC 2 key: convert the config with lxc-update-config first");
        if (key == "lxc.mount.fstab")
            return failAt(entry, EOPNOTSUPP, "not supported: move its lines to lxc.mount.entry");
    }
    return {};
}

// "/var/lib/lxc/old/" -> "/var/lib/lxc/old", whose filename is the old name.
fsys::path withoutTrailingSlash(const fsys::path& directory)
{
    const fsys::path normal = directory.lexically_normal();
    return normal.has_filename() ? normal : normal.parent_path();
}

// The part of `path` after the last component named `name`: the rootfs as
// LXC wrote it before the container directory was moved.
std::optional<fsys::path> afterComponent(const fsys::path& path, const std::string& name)
{
    std::optional<fsys::path> rest;
    for (const fsys::path& part : path) {
        if (part == name)
            rest = fsys::path();
        else if (rest)
            *rest /= part;
    }
    return rest;
}

Result<std::string> rootfsInDirectory(const Config& config, const fsys::path& directory, const std::string& oldName)
{
    const auto entry = config.entry("lxc.rootfs.path");
    if (!entry || entry->value.empty())
        return std::string("rootfs"); // LXC's default: <lxcpath>/<name>/rootfs
    std::string_view value = entry->value;
    if (value.starts_with("dir:"))
        value.remove_prefix(4);
    else if (!value.starts_with('/'))
        return failAt(*entry, EOPNOTSUPP,
                      "rootfs type " + quoteForMessage(value.substr(0, value.find(':'))) +
                          " cannot be imported (only a directory)");
    if (auto ok = checkAbsolutePath(value); !ok)
        return std::unexpected(entryError(*entry, ok.error()));
    const fsys::path path = withoutTrailingSlash(fsys::path(value));
    fsys::path rel = path.lexically_relative(directory);
    if (rel.empty() || *rel.begin() == "..")
        rel = afterComponent(path, oldName).value_or(fsys::path());
    rel = withoutTrailingSlash(rel);
    if (rel.empty() || rel == "." || *rel.begin() == "..")
        return failAt(*entry, EINVAL, "rootfs outside the container directory: " + quoteForMessage(value));
    return rel.string();
}

void unsetMatching(Config& config, bool (*matches)(std::string_view))
{
    std::vector<std::string> keys;
    for (const ConfigEntry& entry : config.allEntries())
        if (matches(entry.key) && std::ranges::find(keys, entry.key) == keys.end())
            keys.push_back(entry.key);
    for (const std::string& key : keys)
        config.unset(key);
}

// The keys of an interface Berth's config takes (net/net_spec.cpp).
constexpr std::array<std::string_view, 9> kImportedNetKeys = {
    "type", "link", "name", "flags", "hwaddr", "mtu", "ipv4.address", "ipv4.gateway", "macvlan.mode",
};

// One lxc.net.N of the LXC config: its entries in order.
struct LxcInterface {
    std::string index;
    std::vector<ConfigEntry> entries;

    [[nodiscard]] std::string get(std::string_view subkey) const
    {
        std::string value;
        for (const ConfigEntry& e : entries)
            if (e.key == "lxc.net." + index + "." + std::string(subkey))
                value = e.value;
        return value;
    }
};

// The interfaces as LXC reads them: an empty lxc.net clears all, an empty
// lxc.net.N clears that one.
std::vector<LxcInterface> lxcInterfaces(const Config& config)
{
    std::vector<LxcInterface> out;
    for (const ConfigEntry& entry : config.allEntries()) {
        if (!isNetworkKey(entry.key))
            continue;
        if (entry.key == "lxc.net") {
            out.clear();
            continue;
        }
        const std::string rest = entry.key.substr(std::string_view("lxc.net.").size());
        const std::string index = rest.substr(0, rest.find('.'));
        auto it = std::ranges::find(out, index, &LxcInterface::index);
        if (rest == index) { // lxc.net.N = (empty): cleared
            if (it != out.end())
                out.erase(it);
            continue;
        }
        if (it == out.end())
            it = out.insert(out.end(), LxcInterface{index, {}});
        it->entries.push_back(entry);
    }
    return out;
}

// Why an interface cannot be imported at all; empty when it can.
std::string interfaceRefusal(const LxcInterface& iface, const LxcImportTarget& target)
{
    const std::string type = iface.get("type");
    const std::string link = iface.get("link");
    if (type == "veth" && (link.empty() || !target.isBerthBridge || !target.isBerthBridge(link)))
        return "a veth on " + (link.empty() ? std::string("no bridge") : quoteForMessage(link)) +
               ", which is not a Berth bridge: attach the copy to one ('berthctl create --network BRIDGE', or "
               "lxc.net." +
               iface.index + ".link in its config)";
    if (type != "veth" && type != "macvlan" && type != "empty" && type != "none")
        return "type " + quoteForMessage(type) + " cannot be imported (Berth has veth, macvlan, empty and none)";
    return {};
}

// Writes what Berth can express of one interface, and notes the rest.
Status importInterface(Config& config, const LxcInterface& iface, std::vector<std::string>& notes)
{
    for (const ConfigEntry& entry : iface.entries) {
        const std::string_view subkey = std::string_view(entry.key).substr(("lxc.net." + iface.index + ".").size());
        if (std::ranges::find(kImportedNetKeys, subkey) == kImportedNetKeys.end()) {
            notes.push_back(entry.where() + ": " + entry.key + " = " + quoteForMessage(entry.value) +
                            " is not imported (Berth has no such network key)");
            continue;
        }
        if (auto set = config.set(entry.key, entry.value); !set)
            return set;
    }
    if (!iface.get("hwaddr").empty())
        notes.push_back("lxc.net." + iface.index + ".hwaddr " + iface.get("hwaddr") +
                        " is the LXC container's: do not run both on one network");
    return {};
}

// The LXC interfaces Berth can express; false when there was none to take.
Result<bool> importNetwork(Config& config, const std::vector<LxcInterface>& interfaces, const LxcImportTarget& target,
                           std::vector<std::string>& notes)
{
    bool imported = false;
    for (const LxcInterface& iface : interfaces) {
        if (const std::string why = interfaceRefusal(iface, target); !why.empty()) {
            notes.push_back("lxc.net." + iface.index + " is not imported: " + why);
            continue;
        }
        if (auto done = importInterface(config, iface, notes); !done)
            return fail(done.error());
        imported = true;
    }
    return imported;
}

Status takeFromBase(Config& config, const Config& base, bool (*matches)(const Config&, std::string_view))
{
    for (const ConfigEntry& entry : base.allEntries())
        if (matches(config, entry.key))
            if (auto set = config.set(entry.key, entry.value); !set)
                return set;
    return {};
}

// The network: the one asked for, else what of LXC's Berth can express,
// else the base config's (none).
Status chooseNetwork(Config& config, const Config& base, const LxcImportTarget& target, std::vector<std::string>& notes)
{
    const std::vector<LxcInterface> interfaces = lxcInterfaces(config);
    unsetMatching(config, isNetworkKey);
    bool imported = false;
    if (target.networkRequested) {
        if (!interfaces.empty())
            notes.push_back("the LXC network (lxc.net.*) is replaced by the network asked for");
    } else {
        auto done = importNetwork(config, interfaces, target, notes);
        if (!done)
            return fail(done.error());
        imported = *done;
    }
    if (imported)
        return {};
    return takeFromBase(config, base, [](const Config&, std::string_view key) { return isNetworkKey(key); });
}

Status applyTarget(Config& config, const LxcImportTarget& target, const std::string& oldName,
                   std::vector<std::string>& notes)
{
    auto base = Config::parse(target.baseConfig, {.sourceName = "base config"});
    if (!base)
        return fail(base.error());
    unsetMatching(config, isHostPathKey);
    if (auto network = chooseNetwork(config, *base, target, notes); !network)
        return network;
    // LXC's lxc.mount.auto may have come only from the dropped common.conf.
    if (auto taken = takeFromBase(
            config, *base,
            [](const Config& c, std::string_view key) { return key == "lxc.mount.auto" && !c.entry(key); });
        !taken)
        return taken;
    const std::pair<const char*, std::string> values[] = {
        {"lxc.uts.name", model::containerHostname(target.name, target.hostname)},
        {"lxc.rootfs.path", "dir:" + target.rootfs.string()},
        {"berth.kind", "system"},
        {"berth.imported-from", oldName},
    };
    for (const auto& [key, value] : values)
        if (auto set = config.set(key, value); !set)
            return set;
    // An unprivileged LXC container's rootfs is owned by its map's host IDs
    // on disk; creation keeps the map when Berth may give it, else shifts
    // the copy to the container's new block (idmap/container_identity.h).
    if (config.get("lxc.idmap"))
        return config.set("berth.rootfs.shifted", "1");
    return {};
}

} // namespace

Result<LxcImportPlan> convertLxcConfig(std::string_view text, const fsys::path& directory,
                                       const LxcImportTarget& target)
{
    LxcImportPlan plan;
    const fsys::path dir = withoutTrailingSlash(directory);
    plan.oldName = dir.filename().string();
    auto filtered = dropCommonIncludes(text);
    if (!filtered)
        return fail(filtered.error());
    auto config = Config::parse(*filtered);
    if (!config)
        return fail(config.error());
    if (auto ok = refuseUnsupported(*config); !ok)
        return fail(ok.error());
    auto rootfs = rootfsInDirectory(*config, dir, plan.oldName);
    if (!rootfs)
        return fail(rootfs.error());
    plan.rootfsInDirectory = std::move(*rootfs);
    if (auto applied = applyTarget(*config, target, plan.oldName, plan.notes); !applied)
        return fail(applied.error());
    // The same checks as any container's config, before anything is copied.
    if (auto spec = ContainerSpec::fromConfig(*config); !spec)
        return fail(spec.error());
    for (const std::string& note : plan.notes)
        plan.config += "# lxc-import: " + note + "\n";
    plan.config = plan.config + config->serialize();
    return plan;
}

} // namespace berth::templates
