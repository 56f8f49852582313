#include "wait_links.h"

#include "net/bridge_host.h"

#include <algorithm>

namespace berth::helper {

std::vector<std::string> waitLinks(const ContainerSpec& spec, const Paths& paths)
{
    using Type = net::NetInterfaceSpec::Type;
    std::vector<std::string> out;
    auto add = [&out](const std::string& link) {
        if (!link.empty() && std::ranges::find(out, link) == out.end())
            out.push_back(link);
    };
    for (const auto& iface : spec.network) {
        if (iface.type == Type::Macvlan)
            add(iface.link);
        else if (iface.type == Type::Veth && !net::isBerthBridge(paths, iface.link))
            add(iface.link);
    }
    return out;
}

} // namespace berth::helper
