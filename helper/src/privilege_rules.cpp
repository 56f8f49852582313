#include "privilege_rules.h"

#include "host_reason.h"

#include "config/container_spec.h"
#include "security/capabilities.h"
#include "security/privilege.h"

#include "berth/templates.h"

#include <algorithm>
#include <array>
#include <charconv>

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
    if (method == "Create" || method == "CreateFromFile")
        return "creating " + quoted;
    if (method == "SetConfig")
        return "giving " + quoted + " this config";
    if (method == "OpenConsole")
        return "opening the console of " + quoted;
    if (method == "ShareFolder")
        return "sharing a folder with " + quoted;
    return "running a command in " + quoted;
}

bool needsAdminWhenPrivileged(std::string_view method)
{
    static constexpr std::array<std::string_view, 7> kMethods{"Create",  "CreateFromFile", "SetConfig", "OpenConsole",
                                                              "ExecPty", "ExecWithFds",    "ShareFolder"};
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

PrivilegeVerdict containerPrivilege(const Result<Config>& config, std::string_view initStatus)
{
    PrivilegeVerdict verdict;
    if (!config) {
        verdict = unreadable(config.error());
    } else if (auto spec = ContainerSpec::fromConfig(*config); !spec) {
        verdict = unreadable(spec.error());
    } else {
        verdict = verdictOf(*config, *spec);
    }
    const auto running = boundingSetOf(initStatus);
    if (running && (*running & ~security::defaultCapabilities(ContainerKind::Application)) != 0) {
        verdict.privileged = true;
        verdict.reasons.push_back("its running init keeps capabilities beyond the application set");
    }
    return verdict;
}

PrivilegeVerdict createPrivilege(std::string_view templateName, std::optional<ContainerKind> kind,
                                 const std::function<PrivilegeVerdict()>& cloneSource)
{
    if (templateName == "clone")
        return cloneSource();
    if (templateName == "lxc-import")
        return {true, {"an imported LXC container keeps the capabilities its LXC config gives it"}};
    const TemplateInfo* info = findTemplate(templateName);
    ContainerSpec spec;
    spec.kind = kind.value_or(info ? info->defaultKind : ContainerKind::System);
    return verdictOf(Config(), spec);
}

std::optional<std::uint64_t> boundingSetOf(std::string_view status)
{
    constexpr std::string_view kKey = "\nCapBnd:";
    const auto at = status.find(kKey);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = status.substr(at + kKey.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
        rest.remove_prefix(1);
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value, 16);
    if (ec != std::errc() || (end != rest.data() + rest.size() && *end != '\n'))
        return std::nullopt;
    return value;
}

HostReason privilegeReason(std::string_view container, std::string_view method, const std::vector<std::string>& reasons)
{
    std::string why;
    for (const auto& reason : reasons)
        why += (why.empty() ? "" : "; ") + reason;
    return {callDescription(method, container), "it is privileged", why};
}

} // namespace berth::helper
