// PortForward and berth.net.forward (declared in net_spec.h).
#include "net/net_spec.h"

#include "config/values.h"

#include <cerrno>

namespace berth::net {

namespace {

Result<std::uint16_t> parsePort(std::string_view text)
{
    Result<std::uint64_t> port = parseUnsignedValue(text, 1, 65535);
    if (!port)
        return failWith(EINVAL, "port " + quoteForMessage(text) + " is not a number in 1..65535");
    return static_cast<std::uint16_t>(*port);
}

std::vector<std::string_view> splitColons(std::string_view text)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t colon = text.find(':'); colon != std::string_view::npos; colon = text.find(':', start)) {
        parts.push_back(text.substr(start, colon - start));
        start = colon + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

// Two forwards catch the same packets when protocol and host port match and
// their host addresses can match the same destination.
bool clash(const PortForward& a, const PortForward& b)
{
    return a.protocol == b.protocol && a.hostPort == b.hostPort &&
           (!a.hostAddress || !b.hostAddress || *a.hostAddress == *b.hostAddress);
}

} // namespace

std::string_view protocolName(PortForward::Protocol protocol)
{
    return protocol == PortForward::Protocol::Tcp ? "tcp" : "udp";
}

std::string PortForward::toConfigValue() const
{
    std::string out(protocolName(protocol));
    if (hostAddress)
        out += ':' + hostAddress->toString();
    return out + ':' + std::to_string(hostPort) + ':' + std::to_string(containerPort);
}

Result<PortForward> PortForward::parse(std::string_view text)
{
    const std::vector<std::string_view> parts = splitColons(text);
    if (parts.size() != 3 && parts.size() != 4)
        return failWith(EINVAL, quoteForMessage(text) +
                                    " is not a port forward (tcp|udp:[host address:]host port:container port)");
    PortForward forward;
    if (parts[0] == "udp")
        forward.protocol = Protocol::Udp;
    else if (parts[0] != "tcp")
        return failWith(EINVAL, "protocol " + quoteForMessage(parts[0]) + " is not tcp or udp");
    if (parts.size() == 4) {
        Result<Ipv4Address> address = Ipv4Address::parse(parts[1]);
        if (!address)
            return fail(address.error());
        forward.hostAddress = *address;
    }
    Result<std::uint16_t> hostPort = parsePort(parts[parts.size() - 2]);
    if (!hostPort)
        return fail(hostPort.error());
    Result<std::uint16_t> containerPort = parsePort(parts.back());
    if (!containerPort)
        return fail(containerPort.error());
    forward.hostPort = *hostPort;
    forward.containerPort = *containerPort;
    return forward;
}

Result<std::vector<PortForward>> portForwardsFromConfig(const Config& config)
{
    std::vector<PortForward> forwards;
    std::vector<std::string> wheres;
    for (const ConfigEntry& entry : config.entries("berth.net.forward")) {
        const std::string prefix = entry.where() + ": " + entry.key + ": ";
        Result<PortForward> forward = PortForward::parse(entry.value);
        if (!forward)
            return failWith(forward.error().code, prefix + forward.error().message, entry.where() + " " + entry.key);
        for (std::size_t i = 0; i < forwards.size(); ++i) {
            if (clash(forwards[i], *forward))
                return failWith(EEXIST,
                                prefix + std::string(protocolName(forward->protocol)) + " port " +
                                    std::to_string(forward->hostPort) + " is already forwarded (" + wheres[i] + ")",
                                entry.where() + " " + entry.key);
        }
        forwards.push_back(*forward);
        wheres.push_back(entry.where());
    }
    return forwards;
}

} // namespace berth::net
