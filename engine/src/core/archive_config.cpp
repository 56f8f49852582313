#include "core/archive_config.h"

#include "berth/config.h"
#include "spec/container_spec.h"
#include "spec/spec_internal.h"
#include "config/values.h"
#include "net/net_spec.h"

#include <array>
#include <optional>
#include <set>
#include <utility>
#include <string_view>
#include <vector>

namespace berth {

namespace {

// Who the container is on this host: settled again by each creation.
constexpr std::array kIdentityKeys = {"lxc.idmap", "berth.privileged", "berth.rootfs.shifted"};

bool isNetworkKey(std::string_view key)
{
    return key == "lxc.net" || key.starts_with("lxc.net.");
}

// What a command given to the request replaces (new_container_config.h writes them).
bool isKindKey(std::string_view key)
{
    return key == "berth.kind" || key == "lxc.execute.cmd" || key == "lxc.init.cmd" || key == "lxc.signal.halt" ||
           key == "lxc.tty.max";
}

Result<Config> parseUntrusted(const std::string& text, const char* source)
{
    return Config::parse(text, {.sourceName = source, .followIncludes = false});
}

void unsetMatching(Config& config, bool (*matches)(std::string_view))
{
    std::vector<std::string> keys;
    for (const ConfigEntry& entry : config.allEntries())
        if (matches(entry.key))
            keys.push_back(entry.key);
    for (const std::string& key : keys)
        config.unset(key);
}

// Replaces every key `matches` selects by the base config's entries of them.
Status takeFromBase(Config& config, const Config& base, bool (*matches)(std::string_view))
{
    unsetMatching(config, matches);
    for (const ConfigEntry& entry : base.allEntries())
        if (matches(entry.key))
            if (auto added = config.append(entry.key, entry.value); !added)
                return added;
    return {};
}

Status refuseUnaskedPrivilege(const Config& config, const CreateRequest& request)
{
    const auto entry = config.entry("berth.privileged");
    if (!entry || request.privileged)
        return {};
    auto privileged = parseBoolValue(entry->value);
    if (!privileged)
        return fail(entryError(*entry, privileged.error()));
    if (*privileged)
        return failAt(*entry, EPERM,
                      "the archive's container is privileged: import it as privileged "
                      "(the administrator's), or clear this line in the archive's config");
    return {};
}

// "lxc.net.0.hwaddr" -> "hwaddr", for the keys that must stay one
// container's.
std::optional<std::string_view> uniqueNetSubkey(std::string_view key)
{
    auto subkey = net::interfaceSubkey(key);
    if (subkey && net::isInterfaceIdentity(*subkey))
        return subkey;
    return std::nullopt;
}

} // namespace

Result<std::string> exportedConfig(const std::string& storedText)
{
    auto config = parseUntrusted(storedText, "config");
    if (!config)
        return fail(config.error());
    for (const char* key : {"lxc.idmap", "berth.rootfs.shifted", "lxc.rootfs.path"})
        config->unset(key);
    return config->serialize();
}

Result<std::string> importedConfig(const std::string& archiveText, const CreateRequest& request,
                                   const std::string& baseConfig)
{
    auto config = parseUntrusted(archiveText, "the archive's config");
    auto base = Config::parse(baseConfig, {.sourceName = "base config"});
    if (!config || !base)
        return fail(config ? base.error() : config.error());
    if (auto asked = refuseUnaskedPrivilege(*config, request); !asked)
        return fail(asked.error());
    for (const char* key : kIdentityKeys)
        config->unset(key);
    for (const char* key : {"lxc.rootfs.path", "lxc.uts.name", "berth.template"})
        if (auto set = config->set(key, base->get(key).value_or("")); !set)
            return fail(set.error());
    if (!request.network.empty())
        if (auto taken = takeFromBase(*config, *base, isNetworkKey); !taken)
            return fail(taken.error());
    if (!request.command.empty())
        if (auto taken = takeFromBase(*config, *base, isKindKey); !taken)
            return fail(taken.error());
    if (auto spec = ContainerSpec::fromConfig(*config); !spec)
        return fail(spec.error());
    return config->serialize();
}

Result<std::string> withoutTakenAddresses(const std::string& text, const std::vector<std::string>& otherConfigs)
{
    auto config = parseUntrusted(text, "the archive's config");
    if (!config)
        return fail(config.error());
    std::set<std::pair<std::string, std::string>> taken; // subkey, value
    for (const std::string& other : otherConfigs) {
        auto parsed = parseUntrusted(other, "config");
        if (!parsed)
            continue; // an include (root's): its addresses are checked at start
        for (const ConfigEntry& entry : parsed->allEntries())
            if (auto subkey = uniqueNetSubkey(entry.key))
                taken.emplace(*subkey, entry.value);
    }
    std::vector<std::string> drop;
    for (const ConfigEntry& entry : config->allEntries())
        if (auto subkey = uniqueNetSubkey(entry.key); subkey && taken.contains({std::string(*subkey), entry.value}))
            drop.push_back(entry.key);
    if (drop.empty())
        return text;
    for (const std::string& key : drop)
        config->unset(key);
    return config->serialize();
}

} // namespace berth
