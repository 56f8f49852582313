// lxc.net.N.* -> NetInterfaceSpec.
#include "net/net_spec.h"

#include "config/values.h"
#include "net/bridge_host.h"
#include "net/ifname.h"
#include "net/interface_view.h"
#include "net/mac.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <map>

namespace berth::net {

namespace {

using Type = NetInterfaceSpec::Type;
constexpr unsigned kMaxIndex = 1023;

// One lxc.net.N as collected: the last entry of each subkey, and its first entry.
struct Pending {
    std::map<std::string, ConfigEntry, std::less<>> keys;
    ConfigEntry first;
};

Error at(const ConfigEntry& entry, int code, const std::string& message)
{
    return Error::make(code, entry.where() + ": " + entry.key + ": " + message, entry.where() + " " + entry.key);
}

// "lxc.net.3.ipv4.address" -> index 3 and subkey "ipv4.address" (empty for "lxc.net.3").
bool splitNetKey(std::string_view key, unsigned& index, std::string_view& subkey)
{
    const std::string_view rest = key.substr(std::string_view("lxc.net.").size());
    const std::size_t dot = rest.find('.');
    const std::string_view digits = rest.substr(0, dot);
    if (digits.empty() || (digits.size() > 1 && digits[0] == '0'))
        return false;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    if (ec != std::errc{} || end != digits.data() + digits.size() || index > kMaxIndex)
        return false;
    subkey = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    return true;
}

// Sorts the config's lxc.net entries by interface, applying LXC's clearing rules.
Result<std::map<unsigned, Pending>> collect(const Config& config)
{
    std::map<unsigned, Pending> pending;
    for (const ConfigEntry& entry : config.allEntries()) {
        if (entry.key == "lxc.net") {
            if (!entry.value.empty())
                return fail(at(entry, EINVAL, "only an empty value (clear every interface) is allowed"));
            pending.clear();
            continue;
        }
        if (entry.key.starts_with("lxc.network."))
            return fail(at(entry, EINVAL, "the pre-LXC 3 network keys are not supported; use lxc.net.N.*"));
        if (!entry.key.starts_with("lxc.net."))
            continue;
        unsigned index = 0;
        std::string_view subkey;
        if (!splitNetKey(entry.key, index, subkey))
            return fail(at(entry, EINVAL, "not a key of the form lxc.net.N.<key> with N in 0..1023"));
        if (subkey.empty()) {
            if (!entry.value.empty())
                return fail(at(entry, EINVAL, "only an empty value (clear this interface) is allowed"));
            pending.erase(index);
            continue;
        }
        Pending& item = pending[index];
        if (item.keys.empty())
            item.first = entry;
        item.keys.insert_or_assign(std::string(subkey), entry);
    }
    return pending;
}

Result<Type> parseType(std::string_view value)
{
    if (value == "veth")
        return Type::Veth;
    if (value == "macvlan")
        return Type::Macvlan;
    if (value == "empty")
        return Type::Empty;
    if (value == "none")
        return Type::None;
    return failWith(EINVAL, quoteForMessage(value) + " is not veth, macvlan, empty or none");
}

Status setIpv4(NetInterfaceSpec& spec, std::string_view value)
{
    Result<Ipv4Cidr> cidr = parseIpv4Cidr(value);
    if (!cidr)
        return fail(cidr.error());
    if (cidr->prefix == 0)
        return failWith(EINVAL, quoteForMessage(value) + ": the prefix length must be 1..32");
    if (cidr->prefix <= 30 && (cidr->address == cidr->network() || cidr->address == cidr->broadcast()))
        return failWith(EINVAL, quoteForMessage(value) + " is the network or broadcast address of its subnet");
    spec.ipv4 = *cidr;
    return {};
}

Status setGateway(NetInterfaceSpec& spec, std::string_view value)
{
    if (value == "auto") {
        spec.gatewayAuto = true;
        return {};
    }
    Result<Ipv4Address> gateway = parseIpv4Address(value);
    if (!gateway)
        return failWith(EINVAL, quoteForMessage(value) + " is not an IPv4 address or 'auto'");
    spec.gateway = *gateway;
    return {};
}

Status setMacvlanMode(NetInterfaceSpec& spec, std::string_view value)
{
    if (value != "private" && value != "vepa" && value != "bridge" && value != "passthru")
        return failWith(EINVAL, quoteForMessage(value) + " is not private, vepa, bridge or passthru");
    spec.macvlanMode = std::string(value);
    return {};
}

Status setFlags(NetInterfaceSpec& spec, std::string_view value)
{
    if (value != "up" && !value.empty())
        return failWith(EINVAL, quoteForMessage(value) + " is not 'up' (or empty for down)");
    spec.up = value == "up";
    return {};
}

Status setName(std::string& field, std::string_view value)
{
    if (Status valid = validateInterfaceName(value, "interface name"); !valid)
        return valid;
    field = std::string(value);
    return {};
}

// Applies one subkey other than type to `spec`.
Status applyKey(NetInterfaceSpec& spec, std::string_view subkey, std::string_view value)
{
    if (subkey == "link")
        return setName(spec.link, value);
    if (subkey == "name")
        return setName(spec.name, value);
    if (subkey == "veth.pair")
        return setName(spec.vethPair, value);
    if (subkey == "flags")
        return setFlags(spec, value);
    if (subkey == "ipv4.address")
        return setIpv4(spec, value);
    if (subkey == "ipv4.gateway")
        return setGateway(spec, value);
    if (subkey == "macvlan.mode")
        return setMacvlanMode(spec, value);
    if (subkey == "hwaddr") {
        Result<std::string> mac = parseMac(value);
        if (!mac)
            return fail(mac.error());
        spec.hwaddr = *mac;
        return {};
    }
    if (subkey == "mtu") {
        Result<std::uint64_t> mtu = parseUnsignedValue(value, 68, 65535);
        if (!mtu)
            return failWith(EINVAL, quoteForMessage(value) + " is not an MTU in 68..65535");
        spec.mtu = static_cast<unsigned>(*mtu);
        return {};
    }
    return failWith(EINVAL, "this key is not supported by Berth");
}

// Whether a subkey makes sense for the interface type.
bool keyFitsType(std::string_view subkey, Type type)
{
    if (subkey == "type" || subkey == "flags")
        return true;
    if (type == Type::Empty || type == Type::None)
        return false;
    if (subkey == "veth.pair")
        return type == Type::Veth;
    if (subkey == "macvlan.mode")
        return type == Type::Macvlan;
    return true;
}

std::string_view typeName(Type type)
{
    switch (type) {
    case Type::Veth:
        return "veth";
    case Type::Macvlan:
        return "macvlan";
    case Type::Empty:
        return "empty";
    case Type::None:
        return "none";
    }
    return "?";
}

// What only the keys together can tell.
Status checkInterface(const NetInterfaceSpec& spec, const Pending& item)
{
    if (spec.type == Type::Macvlan && spec.link.empty())
        return fail(at(item.keys.at("type"), EINVAL,
                       "macvlan needs lxc.net." + std::to_string(spec.index) + ".link (the parent link)"));
    if (spec.gateway && spec.ipv4 && !spec.ipv4->contains(*spec.gateway))
        return fail(at(item.keys.at("ipv4.gateway"), EINVAL,
                       "gateway " + spec.gateway->toString() + " is outside " + spec.ipv4->toString()));
    return {};
}

Result<NetInterfaceSpec> buildInterface(unsigned index, const Pending& item)
{
    const auto type = item.keys.find("type");
    if (type == item.keys.end())
        return fail(at(item.first, EINVAL, "lxc.net." + std::to_string(index) + ".type is missing"));
    Result<Type> parsedType = parseType(type->second.value);
    if (!parsedType)
        return fail(at(type->second, parsedType.error().code, parsedType.error().message));
    NetInterfaceSpec spec;
    spec.type = *parsedType;
    spec.index = index;
    spec.name.clear(); // filled in later with the lowest free ethK
    spec.where = item.first.where();
    for (const auto& [subkey, entry] : item.keys) {
        if (subkey == "type")
            continue;
        if (!keyFitsType(subkey, spec.type))
            return fail(
                at(entry, EINVAL, "has no meaning for an interface of type " + std::string(typeName(spec.type))));
        if (Status applied = applyKey(spec, subkey, entry.value); !applied)
            return fail(at(entry, applied.error().code, applied.error().message));
    }
    if (Status consistent = checkInterface(spec, item); !consistent)
        return fail(consistent.error());
    return spec;
}

// The first interface before `upTo` whose `field` equals a non-empty `value`.
template <class F>
const NetInterfaceSpec* findSame(const std::vector<NetInterfaceSpec>& specs, std::size_t upTo, F field)
{
    for (std::size_t i = 0; i < upTo; ++i) {
        if (field(specs[i]) && field(specs[i]) == field(specs[upTo]))
            return &specs[i];
    }
    return nullptr;
}

std::optional<std::string> nonEmpty(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// Duplicate names, MACs, addresses and host ends across interfaces.
Status checkDistinct(const std::vector<NetInterfaceSpec>& specs, const std::map<unsigned, Pending>& pending)
{
    using Field = std::optional<std::string> (*)(const NetInterfaceSpec&);
    static const std::pair<std::string_view, Field> fields[] = {
        {"name", [](const NetInterfaceSpec& s) { return nonEmpty(s.name); }},
        {"hwaddr", [](const NetInterfaceSpec& s) { return nonEmpty(s.hwaddr); }},
        {"veth.pair", [](const NetInterfaceSpec& s) { return nonEmpty(s.vethPair); }},
        {"ipv4.address",
         [](const NetInterfaceSpec& s) {
             return s.ipv4 ? std::optional<std::string>(s.ipv4->address.toString()) : std::nullopt;
         }},
    };
    for (std::size_t i = 0; i < specs.size(); ++i) {
        for (const auto& [subkey, field] : fields) {
            if (const NetInterfaceSpec* same = findSame(specs, i, field)) {
                const ConfigEntry& entry = pending.at(specs[i].index).keys.find(subkey)->second;
                return fail(at(entry, EINVAL,
                               quoteForMessage(*field(specs[i])) + " is also used by lxc.net." +
                                   std::to_string(same->index) + " (" + same->where + ")"));
            }
        }
    }
    return {};
}

// Interfaces without lxc.net.N.name get eth0, eth1, ... skipping names in use.
void assignDefaultNames(std::vector<NetInterfaceSpec>& specs)
{
    unsigned next = 0;
    for (NetInterfaceSpec& spec : specs) {
        if (!spec.name.empty() || spec.type == Type::Empty || spec.type == Type::None)
            continue;
        const auto taken = [&](const std::string& name) {
            return std::ranges::any_of(specs, [&](const NetInterfaceSpec& s) { return s.name == name; });
        };
        while (taken("eth" + std::to_string(next)))
            ++next;
        spec.name = "eth" + std::to_string(next++);
    }
}

} // namespace

Result<std::vector<NetInterfaceSpec>> netInterfacesFromConfig(const Config& config)
{
    Result<std::map<unsigned, Pending>> pending = collect(config);
    if (!pending)
        return fail(pending.error());
    std::vector<NetInterfaceSpec> specs;
    for (const auto& [index, item] : *pending) {
        Result<NetInterfaceSpec> spec = buildInterface(index, item);
        if (!spec)
            return fail(spec.error());
        specs.push_back(std::move(*spec));
    }
    for (const NetInterfaceSpec& spec : specs) {
        if (spec.type == Type::None && specs.size() > 1)
            return fail(at(pending->at(spec.index).keys.at("type"), EINVAL,
                           "none (the host's network) cannot be combined with other interfaces"));
    }
    if (Status distinct = checkDistinct(specs, *pending); !distinct)
        return fail(distinct.error());
    assignDefaultNames(specs);
    return specs;
}

std::optional<std::string_view> interfaceSubkey(std::string_view key)
{
    unsigned index = 0;
    std::string_view subkey;
    if (!key.starts_with("lxc.net.") || !splitNetKey(key, index, subkey) || subkey.empty())
        return std::nullopt;
    return subkey;
}

bool isInterfaceIdentity(std::string_view subkey)
{
    return subkey == "ipv4.address" || subkey == "ipv6.address" || subkey == "hwaddr" || subkey == "veth.pair";
}

std::string bridgeNameOf(const NetInterfaceSpec& iface)
{
    return iface.link.empty() ? kDefaultBridge : iface.link;
}

bool attachesToBridge(const std::vector<NetInterfaceSpec>& interfaces, std::string_view bridge)
{
    return std::ranges::any_of(interfaces, [bridge](const NetInterfaceSpec& iface) {
        return iface.type == NetInterfaceSpec::Type::Veth && bridgeNameOf(iface) == bridge;
    });
}

model::NetInterface describeInterface(const NetInterfaceSpec& iface)
{
    model::NetInterface out;
    out.index = iface.index;
    out.type = std::string(typeName(iface.type));
    out.link = iface.type == NetInterfaceSpec::Type::Veth ? bridgeNameOf(iface) : iface.link;
    out.hwaddr = iface.hwaddr;
    out.name = iface.name;
    if (iface.ipv4)
        out.ipv4.push_back(*iface.ipv4);
    out.mtu = iface.mtu;
    return out;
}

} // namespace berth::net
