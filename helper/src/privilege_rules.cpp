#include "privilege_rules.h"

#include "berth/model/id_map.h"

#include "host_reason.h"

#include "spec/container_spec.h"
#include "security/privilege.h"

#include <algorithm>
#include <array>

namespace berth::helper {
namespace {

PrivilegeVerdict verdictOf(const Config& config, const ContainerSpec& spec)
{
    return {security::isPrivileged(spec), security::privilegeReasons(config, spec)};
}

PrivilegeVerdict unreadable(const Error& error)
{
    return {true, {"its config cannot be judged (" + error.describe() + ")"}};
}

} // namespace

std::string callDescription(std::string_view method, std::string_view container)
{
    const std::string quoted = "container '" + std::string(container) + "'";
    if (method == "Create" || method == "CreateFromFile" || method == "CreateContainer" ||
        method == "CreateContainerFromFile")
        return "creating " + quoted;
    if (method == "SetAutostart")
        return "changing the autostart of " + quoted;
    if (method == "SetConfig" || method == "SetConfigIfUnchanged")
        return "giving " + quoted + " this config";
    if (method == "OpenConsole")
        return "opening the console of " + quoted;
    if (method == "ShareFolder")
        return "sharing a folder with " + quoted;
    return "running a command in " + quoted;
}

bool needsAdminWhenPrivileged(std::string_view method)
{
    static constexpr std::array<std::string_view, 12> kMethods{
        "Create",       "CreateFromFile",      "SetConfig", "OpenConsole",     "ExecPty",
        "ExecWithFds",  "ShareFolder",         "StartWith", "CreateContainer", "CreateContainerFromFile",
        "SetAutostart", "SetConfigIfUnchanged"};
    return std::ranges::find(kMethods, method) != kMethods.end();
}

PrivilegeVerdict configPrivilege(const std::string& text)
{
    // A caller's text: an lxc.include is never looked at (see ConfigParseOptions).
    ConfigParseOptions options;
    options.followIncludes = false;
    auto config = Config::parse(text, options);
    if (!config)
        return unreadable(config.error());
    auto spec = ContainerSpec::fromConfig(*config);
    if (!spec)
        return unreadable(spec.error());
    return verdictOf(*config, *spec);
}

PrivilegeVerdict containerPrivilege(const Result<Config>& config, std::string_view initUidMap)
{
    PrivilegeVerdict verdict;
    if (!config) {
        verdict = unreadable(config.error());
    } else if (auto spec = ContainerSpec::fromConfig(*config); !spec) {
        verdict = unreadable(spec.error());
    } else {
        verdict = verdictOf(*config, *spec);
    }
    if (inHostUserNamespace(initUidMap).value_or(false) && !verdict.privileged) {
        verdict.privileged = true;
        verdict.reasons.push_back("its running init is in the host's user namespace: its root is the host's root");
    }
    return verdict;
}

PrivilegeVerdict createPrivilege(bool asked)
{
    if (!asked)
        return {};
    return {true, {"it is asked to be privileged, without a user namespace: its root is the host's root"}};
}

std::optional<bool> inHostUserNamespace(std::string_view uidMap)
{
    const auto map = model::parseProcIdMap(model::IdKind::User, uidMap);
    if (!map || map->empty())
        return std::nullopt;
    const model::IdMapEntry whole{model::IdKind::User, 0, 0, 4294967295U};
    return map->entries.size() == 1 && map->entries.front() == whole;
}

HostReason privilegeReason(std::string_view container, std::string_view method, const std::vector<std::string>& reasons)
{
    std::string why;
    for (const auto& reason : reasons)
        why += (why.empty() ? "" : "; ") + reason;
    return {callDescription(method, container), "it is privileged", why};
}

} // namespace berth::helper
