#include "berth/model/forward.h"

#include "berth/model/host_ports.h"

#include <charconv>
#include <vector>

namespace berth::model {
namespace {

// Digits only (no sign, no blanks), 1..65535.
std::optional<std::uint16_t> parsePort(std::string_view text)
{
    if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 1 || value > 65535)
        return std::nullopt;
    return static_cast<std::uint16_t>(value);
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

std::unexpected<ForwardError> error(ForwardProblem problem, std::string_view part)
{
    return std::unexpected(ForwardError{problem, std::string(part)});
}

} // namespace

std::string_view protocolName(ForwardSpec::Protocol protocol)
{
    return protocol == ForwardSpec::Protocol::Tcp ? "tcp" : "udp";
}

std::string ForwardSpec::toString() const
{
    std::string out(protocolName(protocol));
    if (hostAddress)
        out += ':' + hostAddress->toString();
    return out + ':' + std::to_string(hostPort) + ':' + std::to_string(containerPort);
}

bool ForwardSpec::needsAdmin() const
{
    return isPrivilegedPort(hostPort);
}

std::expected<ForwardSpec, ForwardError> parseForwardSpec(std::string_view text)
{
    const std::vector<std::string_view> parts = splitColons(text);
    if (parts.size() != 3 && parts.size() != 4)
        return error(ForwardProblem::Shape, text);
    ForwardSpec forward;
    if (parts[0] == "udp")
        forward.protocol = ForwardSpec::Protocol::Udp;
    else if (parts[0] != "tcp")
        return error(ForwardProblem::Protocol, parts[0]);
    if (parts.size() == 4) {
        const auto address = Ipv4Address::parse(parts[1]);
        if (!address)
            return error(ForwardProblem::HostAddress, parts[1]);
        forward.hostAddress = *address;
    }
    const std::string_view hostPort = parts[parts.size() - 2];
    const std::string_view containerPort = parts.back();
    const auto host = parsePort(hostPort);
    if (!host)
        return error(ForwardProblem::Port, hostPort);
    const auto container = parsePort(containerPort);
    if (!container)
        return error(ForwardProblem::Port, containerPort);
    forward.hostPort = *host;
    forward.containerPort = *container;
    return forward;
}

} // namespace berth::model
