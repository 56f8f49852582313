// Engine::addInterface, setInterface, removeInterface: one interface's
// lxc.net.N.* lines, the rest of the config as written.
#include "berth/engine.h"

#include "berth/config.h"
#include "core/create_setup.h"
#include "core/engine_checks.h"
#include "net/interface_edit.h"
#include "net/net_spec.h"
#include "runtime/container_network.h"
#include "runtime/plan_builder.h"
#include "spec/container_spec.h"
#include "store/container_store.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace berth {

namespace {

// The network interface `index` is on: a veth's bridge, a macvlan's parent.
Result<std::string> networkOf(const Config& config, unsigned index)
{
    auto interfaces = net::netInterfacesFromConfig(config);
    if (!interfaces)
        return fail(interfaces.error());
    const auto it = std::ranges::find(*interfaces, index, &net::NetInterfaceSpec::index);
    if (it == interfaces->end())
        return failWith(EINVAL, "no interface " + std::to_string(index));
    return it->type == net::NetInterfaceSpec::Type::Veth ? net::bridgeNameOf(*it) : it->link;
}

// The change written into `config`, its address with the prefix of the
// network the interface is on after the change; the network returned
// (empty when no address is set).
Result<std::string> writeChange(const Paths& paths, Config& config, unsigned index, InterfaceChange change)
{
    const auto ipv4 = std::exchange(change.ipv4, std::nullopt);
    if (auto written = net::writeInterfaceChange(config, index, change); !written)
        return fail(written.error());
    if (!ipv4 || ipv4->size() != 1) { // none to keep, none to remove, or too many
        if (auto written = net::writeInterfaceChange(config, index, {.ipv4 = ipv4}); !written)
            return fail(written.error());
        return std::string();
    }
    auto network = networkOf(config, index);
    if (!network)
        return fail(network.error());
    auto cidr = resolveStaticAddress(paths, *network, ipv4->front());
    if (!cidr)
        return fail(cidr.error());
    if (auto written = net::writeInterfaceChange(config, index, {.ipv4 = std::vector{cidr->toString()}}); !written)
        return fail(written.error());
    return *network;
}

// Under the container's lock: the change written, the whole config checked
// as the engine reads it, the address checked under the network lock (as
// create and start take it), then one atomic write.
Status editInterface(const EngineSettings& settings, const std::string& name,
                     const std::function<Result<unsigned>(Config&)>& pick, const InterfaceChange& change)
{
    auto lock = lockExistingContainer(settings.paths, name);
    if (!lock)
        return fail(lock.error());
    auto config = runtime::loadContainerConfig(settings, name);
    if (!config)
        return fail(config.error());
    auto index = pick(*config);
    if (!index)
        return fail(index.error());
    auto network = writeChange(settings.paths, *config, *index, change);
    if (!network)
        return fail(network.error());
    if (auto spec = ContainerSpec::fromConfig(*config); !spec)
        return fail(spec.error());
    std::optional<UniqueFd> networkLock;
    if (!network->empty()) {
        auto locked = runtime::lockNetworks(settings.paths);
        if (!locked)
            return fail(locked.error());
        networkLock.emplace(std::move(*locked));
        if (auto held = checkStaticAddressOnHost(settings, name, *network, change.ipv4->front()); !held)
            return held;
    }
    return ContainerStore(settings.paths).writeConfig(name, config->serialize());
}

} // namespace

bool InterfaceChange::empty() const
{
    return !type && !link && !hwaddr && !name && !ipv4 && !mtu;
}

Result<unsigned> Engine::addInterface(const std::string& name, const InterfaceChange& settings)
{
    InterfaceChange change = settings;
    if (!change.type)
        change.type = "veth";
    unsigned added = 0;
    auto pick = [&added, &change](Config& config) -> Result<unsigned> {
        auto index = net::nextInterfaceIndex(config);
        if (!index)
            return fail(index.error());
        added = *index;
        // As a new container's eth0: up at start.
        if (*change.type != "empty" && *change.type != "none")
            if (auto up = config.set("lxc.net." + std::to_string(added) + ".flags", "up"); !up)
                return fail(up.error());
        return added;
    };
    if (auto edited = editInterface(m_settings, name, pick, change); !edited)
        return fail(edited.error());
    return added;
}

Status Engine::setInterface(const std::string& name, unsigned index, const InterfaceChange& changes)
{
    auto pick = [index](Config& config) -> Result<unsigned> {
        if (auto exists = net::requireInterface(config, index); !exists)
            return fail(exists.error());
        return index;
    };
    return editInterface(m_settings, name, pick, changes);
}

Status Engine::removeInterface(const std::string& name, unsigned index)
{
    auto pick = [index](Config& config) -> Result<unsigned> {
        if (auto exists = net::requireInterface(config, index); !exists)
            return fail(exists.error());
        net::removeInterfaceLines(config, index);
        return index;
    };
    return editInterface(m_settings, name, pick, {});
}

} // namespace berth
