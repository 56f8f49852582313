// Engine: the addresses a container holds on Berth's bridges, and those
// its interfaces really have while it runs.
#include "berth/engine.h"

#include "core/engine_checks.h"
#include "net/leased_addresses.h"
#include "net/namespace_addresses.h"
#include "runtime/monitor_client.h"
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

Result<std::vector<LiveAddress>> Engine::liveAddresses(const std::string& name) const
{
    auto current = state(name);
    if (!current)
        return fail(current.error());
    if (current->initPid <= 0)
        return std::vector<LiveAddress>{};
    // The monitor's pidfd of the init, not its pid: a pid read from the
    // state could name another process by now.
    auto reply =
        runtime::askMonitor(m_settings.paths.monitorSocket(name), runtime::PidfdRequest{}, std::chrono::seconds(5));
    if (!reply)
        return fail(reply.error().wrap("addresses of '" + name + "'"));
    if (!reply->fd)
        return failWith(EPROTO, "the monitor of '" + name + "' sent no pidfd");
    auto found = net::namespaceAddresses(reply->fd.get());
    if (!found)
        return fail(found.error().wrap("addresses of '" + name + "'"));
    std::vector<LiveAddress> out;
    for (const net::InterfaceAddress& address : *found)
        out.push_back({address.interface, address.address.toString()});
    return out;
}

} // namespace berth
