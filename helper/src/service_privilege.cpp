// Privileged containers: which calls ask for the host action because of
// one, and the refusal that says why (privilege_rules.h).
#include "service.h"

#include "spec/container_spec.h"
#include "config/values.h"
#include "host_exposure.h"
#include "net/bridge_host.h"
#include "runtime/plan_builder.h"

#include <fstream>
#include <sstream>

namespace berth::helper {
namespace {

// /proc/<init>/uid_map of a running container; empty when it runs not.
std::string initUidMap(const Engine& engine, const std::string& name)
{
    auto state = engine.state(name);
    if (!state || state->state == RunState::Stopped || state->initPid <= 0)
        return {};
    std::ifstream in("/proc/" + std::to_string(state->initPid) + "/uid_map");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

PrivilegeVerdict Service::existingPrivilege(const std::string& name) const
{
    return containerPrivilege(runtime::loadContainerConfig(m_engine.settings(), name), initUidMap(m_engine, name));
}

HostReasons Service::exposuresOf(const Result<Config>& config, const std::string& as) const
{
    if (!config)
        return {}; // no such container: the call itself fails
    auto spec = ContainerSpec::fromConfig(*config);
    if (!spec)
        return {{as, "its config cannot be judged", spec.error().describe()}};
    HostReasons out = hostExposures(*config, *spec, config->get("lxc.rootfs.path"));
    const Paths& paths = m_engine.settings().paths;
    const auto onHost =
        hostNetworkExposures(*spec, [&paths](const std::string& link) { return net::isBerthBridge(paths, link); });
    out.insert(out.end(), onHost.begin(), onHost.end());
    for (auto& reason : out)
        reason.where = reason.where.empty() ? as : as + ", " + reason.where;
    return out;
}

void Service::requireEntering(const std::string& name, Needs& needs)
{
    // One read of the config for both rules (exec is a hot path).
    const auto config = runtime::loadContainerConfig(m_engine.settings(), name);
    requirePrivilege(containerPrivilege(config, initUidMap(m_engine, name)), name, needs);
    needs.needHost(exposuresOf(config, callDescription(message().member().toStdString(), name)));
}

void Service::requireCloneOf(const std::string& source, Needs& needs)
{
    const auto config = runtime::loadContainerConfig(m_engine.settings(), source);
    needs.needHost(exposuresOf(config, "clone of " + quoteForMessage(source)));
}

void Service::requirePrivilege(const PrivilegeVerdict& verdict, const std::string& name, Needs& needs)
{
    const std::string method = message().member().toStdString();
    if (verdict.privileged && needsAdminWhenPrivileged(method))
        needs.needHost({privilegeReason(name, method, verdict.reasons)});
}

} // namespace berth::helper
