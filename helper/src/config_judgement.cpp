#include "config_judgement.h"

#include "berth/config.h"
#include "spec/container_spec.h"
#include "host_exposure.h"
#include "net/bridge_host.h"
#include "share_rules.h"
#include "user_namespace_change.h"
#include "validation.h"

namespace berth::helper {

Result<HostReasons> judgeConfig(const std::string& text, const std::string& currentText, const Paths& paths)
{
    if (auto size = validateConfigText(text); !size)
        return fail(size.error());
    const ConfigParseOptions noIncludes{.followIncludes = false};
    auto config = Config::parse(text, noIncludes);
    if (!config)
        return fail(config.error());
    auto spec = ContainerSpec::fromConfig(*config);
    if (!spec)
        return fail(spec.error());
    // A stored config with an include (root wrote it) counts as unknown:
    // any rootfs is then a change.
    std::optional<std::string> currentRootfs;
    auto current = Config::parse(currentText, noIncludes);
    if (current)
        currentRootfs = current->get("lxc.rootfs.path");
    // Bridge names cannot hold '/': the test stays inside Berth's store.
    auto isBerthBridge = [&paths](const std::string& link) { return net::isBerthBridge(paths, link); };
    HostReasons reasons = hostExposures(*config, *spec, currentRootfs);
    const HostReasons network = hostNetworkExposures(*spec, isBerthBridge);
    reasons.insert(reasons.end(), network.begin(), network.end());
    const HostReasons ids = userNamespaceChanges(current ? *current : Config(), *config);
    reasons.insert(reasons.end(), ids.begin(), ids.end());
    // Shared folders come through ShareFolder, which checks the owner.
    const HostReasons shares = shareLineExposures(*config, current ? std::optional<Config>(*current) : std::nullopt);
    reasons.insert(reasons.end(), shares.begin(), shares.end());
    return reasons;
}

} // namespace berth::helper
