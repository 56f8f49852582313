// Engine: the addresses a container holds on Berth's bridges.
#include "berth/engine.h"

#include "core/engine_checks.h"
#include "net/leased_addresses.h"
#include "runtime/plan_builder.h"

namespace berth {

Result<std::vector<std::string>> Engine::leasedAddresses(const std::string& name) const
{
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    auto spec = runtime::loadContainerSpec(m_settings, name);
    if (!spec)
        return fail(spec.error());
    auto leased = net::leasedAddresses(m_settings.paths, name, spec->network);
    if (!leased)
        return fail(leased.error());
    std::vector<std::string> out;
    for (const net::Ipv4Cidr& address : *leased)
        out.push_back(address.toString());
    return out;
}

} // namespace berth
