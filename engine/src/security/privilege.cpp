#include "security/privilege.h"

namespace berth::security {

bool isPrivileged(const ContainerSpec& spec)
{
    return spec.privileged();
}

std::vector<std::string> privilegeReasons(const Config& config, const ContainerSpec& spec)
{
    if (!isPrivileged(spec))
        return {};
    const auto line = config.entry("berth.privileged");
    const std::string source = line ? line->where() + ": berth.privileged = 1" : std::string("no lxc.idmap");
    return {"it has no user namespace (" + source + "): its root is the host's root"};
}

} // namespace berth::security
