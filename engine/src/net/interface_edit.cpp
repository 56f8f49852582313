#include "net/interface_edit.h"

#include "net/net_spec.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <string_view>

namespace berth::net {

namespace {

std::string keyOf(unsigned index, std::string_view subkey)
{
    return "lxc.net." + std::to_string(index) + "." + std::string(subkey);
}

Status setOrUnset(Config& config, unsigned index, std::string_view subkey, const std::string& value)
{
    if (value.empty()) {
        config.unset(keyOf(index, subkey));
        return {};
    }
    return config.set(keyOf(index, subkey), value);
}

// The keys an interface of `type` has no meaning for (net_spec's rule).
void dropKeysOfOtherTypes(Config& config, unsigned index, std::string_view type)
{
    static constexpr std::array kAddressed = {"link", "name", "hwaddr", "mtu", "ipv4.address", "ipv4.gateway"};
    if (type == "empty" || type == "none")
        for (const char* subkey : kAddressed)
            config.unset(keyOf(index, subkey));
    if (type != "veth")
        config.unset(keyOf(index, "veth.pair"));
    if (type != "macvlan")
        config.unset(keyOf(index, "macvlan.mode"));
}

Status writeAddresses(Config& config, unsigned index, const std::vector<std::string>& ipv4)
{
    if (ipv4.size() > 1)
        return failWith(EINVAL, "an interface takes one static IPv4 address, not " + std::to_string(ipv4.size()));
    return setOrUnset(config, index, "ipv4.address", ipv4.empty() ? std::string() : ipv4.front());
}

} // namespace

Result<unsigned> nextInterfaceIndex(const Config& config)
{
    auto interfaces = netInterfacesFromConfig(config);
    if (!interfaces)
        return fail(interfaces.error());
    unsigned next = 0;
    for (const NetInterfaceSpec& iface : *interfaces)
        next = std::max(next, iface.index + 1);
    return next;
}

Status requireInterface(const Config& config, unsigned index)
{
    auto interfaces = netInterfacesFromConfig(config);
    if (!interfaces)
        return fail(interfaces.error());
    if (std::ranges::none_of(*interfaces, [index](const NetInterfaceSpec& i) { return i.index == index; }))
        return failWith(EINVAL, "the container has no interface " + std::to_string(index) + " (lxc.net." +
                                    std::to_string(index) + ")");
    return {};
}

Status writeInterfaceChange(Config& config, unsigned index, const InterfaceChange& change)
{
    if (change.type) {
        if (auto set = config.set(keyOf(index, "type"), *change.type); !set)
            return set;
        dropKeysOfOtherTypes(config, index, *change.type);
    }
    const std::pair<std::string_view, const std::optional<std::string>*> texts[] = {
        {"link", &change.link}, {"name", &change.name}, {"hwaddr", &change.hwaddr}};
    for (const auto& [subkey, value] : texts)
        if (*value)
            if (auto set = setOrUnset(config, index, subkey, **value); !set)
                return set;
    if (change.mtu)
        if (auto set = setOrUnset(config, index, "mtu", *change.mtu ? std::to_string(*change.mtu) : ""); !set)
            return set;
    if (change.ipv4)
        return writeAddresses(config, index, *change.ipv4);
    return {};
}

void removeInterfaceLines(Config& config, unsigned index)
{
    const std::string own = "lxc.net." + std::to_string(index);
    for (const ConfigEntry& entry : config.allEntries())
        if (entry.key == own || entry.key.starts_with(own + "."))
            config.unset(entry.key);
}

} // namespace berth::net
