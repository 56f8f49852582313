// Who the container is and what it runs: hostname, rootfs, kind, command,
// working directory, environment.
#include "spec/spec_internal.h"
#include "image/overlay_layout.h"
#include "config/values.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace berth {

namespace {

constexpr std::size_t kMaxHostname = 64; // the kernel's __NEW_UTS_LEN
constexpr std::size_t kMaxLabel = 63;

bool isHostnameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

Status checkHostname(std::string_view name)
{
    if (name.size() > kMaxHostname)
        return failWith(EINVAL, quoteForMessage(name) + " is longer than 64 characters");
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = std::min(name.find('.', start), name.size());
        const std::string_view label = name.substr(start, dot - start);
        if (label.empty() || label.size() > kMaxLabel)
            return failWith(EINVAL, quoteForMessage(name) + " has a label that is empty or longer than 63 characters");
        if (!std::all_of(label.begin(), label.end(), isHostnameChar))
            return failWith(EINVAL, quoteForMessage(name) + " may only contain letters, digits, '-' and '.'");
        if (dot == name.size())
            return {};
        start = dot + 1;
    }
}

Status readRootfs(const Config& config, ContainerSpec& spec)
{
    const auto entry = config.entry("lxc.rootfs.path");
    if (!entry || entry->value.empty())
        return failWith(EINVAL, config.sourceName() + ": lxc.rootfs.path is not set", config.sourceName());
    std::string_view path = entry->value;
    if (path.starts_with("overlay:") || path.starts_with("overlayfs:")) {
        // overlay:LOWER:UPPER (a snapshot clone): the container's directory is
        // upper's parent, where the merged view is mounted at start.
        const std::filesystem::path upper(std::string(path.substr(path.rfind(':') + 1)));
        auto layout = image::parseOverlayRootfs(path, upper.parent_path());
        if (!layout)
            return std::unexpected(entryError(*entry, layout.error()));
        spec.rootfs = layout->merged;
        spec.overlay = std::move(*layout);
        return {};
    }
    if (path.starts_with("dir:"))
        path.remove_prefix(4);
    else if (!path.starts_with('/') && path.find(':') != std::string_view::npos)
        return failAt(*entry, EOPNOTSUPP,
                      "rootfs type " + quoteForMessage(path.substr(0, path.find(':'))) +
                          " is not supported (directories and overlay snapshots)");
    if (auto ok = checkAbsolutePath(path); !ok)
        return std::unexpected(entryError(*entry, ok.error()));
    spec.rootfs = std::filesystem::path(path);
    return {};
}

Status readKind(const Config& config, ContainerSpec& spec)
{
    const auto entry = config.entry("berth.kind");
    const auto execute = config.get("lxc.execute.cmd");
    if (!entry || entry->value.empty()) {
        spec.kind = execute && !execute->empty() ? ContainerKind::Application : ContainerKind::System;
        return {};
    }
    if (entry->value == "system")
        spec.kind = ContainerKind::System;
    else if (entry->value == "application")
        spec.kind = ContainerKind::Application;
    else
        return failAt(*entry, EINVAL, quoteForMessage(entry->value) + " is not 'system' or 'application'");
    return {};
}

} // namespace

Status readIdentity(const Config& config, ContainerSpec& spec)
{
    if (const auto entry = config.entry("lxc.uts.name"); entry && !entry->value.empty()) {
        if (auto ok = checkHostname(entry->value); !ok)
            return std::unexpected(entryError(*entry, ok.error()));
        spec.hostname = entry->value;
    }
    if (auto ok = readRootfs(config, spec); !ok)
        return ok;
    return readKind(config, spec);
}

namespace {

// Only an explicit berth.kind makes a container an application without a command.
std::unexpected<Error> missingExecuteCmd(const Config& config)
{
    const std::string message = "lxc.execute.cmd is required for an application container";
    if (const auto kind = config.entry("berth.kind"))
        return failAt(*kind, EINVAL, message);
    return failWith(EINVAL, config.sourceName() + ": " + message, config.sourceName());
}

Status readCommand(const Config& config, ContainerSpec& spec)
{
    const bool application = spec.kind == ContainerKind::Application;
    const char* key = application ? "lxc.execute.cmd" : "lxc.init.cmd";
    const auto entry = config.entry(key);
    if (!entry || entry->value.empty()) {
        if (application)
            return missingExecuteCmd(config);
        spec.command = {"/sbin/init"};
        return {};
    }
    auto argv = splitCommandLine(entry->value);
    if (!argv)
        return std::unexpected(entryError(*entry, argv.error()));
    if (argv->empty() || argv->front().empty())
        return failAt(*entry, EINVAL, "the command is empty");
    spec.command = std::move(*argv);
    return {};
}

bool isEnvName(std::string_view name)
{
    const auto valid = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    return !name.empty() && !(name.front() >= '0' && name.front() <= '9') &&
           std::all_of(name.begin(), name.end(), valid);
}

// Later definitions of a variable replace earlier ones, in place.
void putEnv(std::vector<std::string>& env, std::string_view name, std::string assignment)
{
    const auto same = [&](const std::string& e) {
        return e.size() > name.size() && e.starts_with(name) && e[name.size()] == '=';
    };
    if (auto it = std::find_if(env.begin(), env.end(), same); it != env.end())
        *it = std::move(assignment);
    else
        env.push_back(std::move(assignment));
}

Status readEnvironment(const Config& config, ContainerSpec& spec)
{
    for (const ConfigEntry& entry : config.entries("lxc.environment")) {
        const std::size_t equals = entry.value.find('=');
        const std::string name = entry.value.substr(0, equals);
        if (!isEnvName(name))
            return failAt(entry, EINVAL, quoteForMessage(name) + " is not a valid variable name");
        if (equals != std::string::npos) {
            putEnv(spec.environment, name, entry.value);
            continue;
        }
        // A bare name passes the variable on from the caller, as LXC does.
        if (const char* value = std::getenv(name.c_str()))
            putEnv(spec.environment, name, name + "=" + value);
    }
    return {};
}

// lxc.init.uid / lxc.init.gid: the IDs the init runs as (an OCI image's
// User is written as them at create). (uid_t)-1 means "unchanged" to the kernel.
Status readInitId(const Config& config, const char* key, std::uint32_t& id)
{
    const auto entry = config.entry(key);
    if (!entry || entry->value.empty())
        return {};
    auto parsed = parseUnsignedValue(entry->value, 0, 4294967294U);
    if (!parsed)
        return std::unexpected(entryError(*entry, parsed.error()));
    id = static_cast<std::uint32_t>(*parsed);
    return {};
}

// lxc.init.groups: GIDs separated by commas (LXC's syntax), in one or
// more lines.
Status readInitGroups(const Config& config, std::vector<std::uint32_t>& groups)
{
    for (const ConfigEntry& entry : config.entries("lxc.init.groups")) {
        std::string_view rest = entry.value;
        while (!rest.empty()) {
            const std::size_t comma = std::min(rest.find(','), rest.size());
            const std::string text(rest.substr(0, comma));
            rest.remove_prefix(std::min(comma + 1, rest.size()));
            auto gid = parseUnsignedValue(text, 0, 4294967294U);
            if (!gid)
                return std::unexpected(entryError(entry, gid.error()));
            groups.push_back(static_cast<std::uint32_t>(*gid));
        }
    }
    return {};
}

} // namespace

Status readProcess(const Config& config, ContainerSpec& spec)
{
    if (auto ok = readCommand(config, spec); !ok)
        return ok;
    if (const auto entry = config.entry("lxc.init.cwd"); entry && !entry->value.empty()) {
        if (auto ok = checkAbsolutePath(entry->value); !ok)
            return std::unexpected(entryError(*entry, ok.error()));
        spec.cwd = entry->value;
    }
    if (auto uid = readInitId(config, "lxc.init.uid", spec.initUid); !uid)
        return uid;
    if (auto gid = readInitId(config, "lxc.init.gid", spec.initGid); !gid)
        return gid;
    if (auto groups = readInitGroups(config, spec.initGroups); !groups)
        return groups;
    return readEnvironment(config, spec);
}

} // namespace berth
