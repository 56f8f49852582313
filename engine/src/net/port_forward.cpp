// PortForward and berth.net.forward (declared in net_spec.h).
#include "net/net_spec.h"

#include "config/values.h"

#include <cerrno>

namespace berth::net {

namespace {

// Two forwards catch the same packets when protocol and host port match and
// their host addresses can match the same destination.
bool clash(const PortForward& a, const PortForward& b)
{
    return a.protocol == b.protocol && a.hostPort == b.hostPort &&
           (!a.hostAddress || !b.hostAddress || *a.hostAddress == *b.hostAddress);
}

std::string forwardMessage(const model::ForwardError& error)
{
    switch (error.problem) {
    case model::ForwardProblem::Shape:
        return quoteForMessage(error.part) + " is not a port forward (tcp|udp:[host address:]host port:container port)";
    case model::ForwardProblem::Protocol:
        return "protocol " + quoteForMessage(error.part) + " is not tcp or udp";
    case model::ForwardProblem::HostAddress:
        return quoteForMessage(error.part) + " is not an IPv4 address";
    case model::ForwardProblem::Port:
        break;
    }
    return "port " + quoteForMessage(error.part) + " is not a number in 1..65535";
}

} // namespace

Result<PortForward> parsePortForward(std::string_view text)
{
    auto forward = model::parseForwardSpec(text);
    if (!forward)
        return failWith(EINVAL, forwardMessage(forward.error()));
    return *forward;
}

Result<std::vector<PortForward>> portForwardsFromConfig(const Config& config)
{
    std::vector<PortForward> forwards;
    std::vector<std::string> wheres;
    for (const ConfigEntry& entry : config.entries("berth.net.forward")) {
        const std::string prefix = entry.where() + ": " + entry.key + ": ";
        Result<PortForward> forward = parsePortForward(entry.value);
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
