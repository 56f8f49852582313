#include "net/host_listeners.h"

#include "berth/unique_fd.h"
#include "fs/file_io.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <optional>

#include <fcntl.h>

namespace berth::net {

namespace {

constexpr std::string_view kTcpListen = "0A";      // TCP_LISTEN
constexpr std::string_view kUdpUnconnected = "07"; // TCP_CLOSE: a bound, unconnected UDP socket

// The whitespace-separated fields of one line.
std::vector<std::string_view> fields(std::string_view line)
{
    std::vector<std::string_view> out;
    std::size_t at = line.find_first_not_of(" \t");
    while (at != std::string_view::npos) {
        const std::size_t end = line.find_first_of(" \t", at);
        out.push_back(line.substr(at, end == std::string_view::npos ? end : end - at));
        at = line.find_first_not_of(" \t", end);
    }
    return out;
}

// "0100007F:0016" or a 32-digit IPv6 address and ":0016": the port.
std::optional<std::uint16_t> portOf(std::string_view local)
{
    const std::size_t colon = local.rfind(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    const std::string_view hex = local.substr(colon + 1);
    std::uint16_t port = 0;
    const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), port, 16);
    if (ec != std::errc{} || end != hex.data() + hex.size() || hex.empty())
        return std::nullopt;
    return port;
}

Result<std::string> readTable(const std::filesystem::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "read " + file.string());
    return fs::readAll(fd.get(), 64 * 1024 * 1024);
}

} // namespace

std::vector<std::uint16_t> listeningPorts(std::string_view text, bool tcp)
{
    std::vector<std::uint16_t> ports;
    const std::string_view wanted = tcp ? kTcpListen : kUdpUnconnected;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::vector<std::string_view> parts = fields(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        // "sl local_address rem_address st ...": the header has no ':' in field 0.
        if (parts.size() < 4 || !parts[0].ends_with(':') || parts[3] != wanted)
            continue;
        if (auto port = portOf(parts[1]))
            ports.push_back(*port);
    }
    return ports;
}

Status checkHostPortFree(const PortForward& forward, const std::filesystem::path& procNet)
{
    const bool tcp = forward.protocol == PortForward::Protocol::Tcp;
    const std::string protocol(protocolName(forward.protocol));
    for (const std::string& table : {protocol, protocol + "6"}) {
        auto text = readTable(procNet / table);
        if (!text) {
            if (text.error().code == ENOENT)
                continue; // a kernel without IPv6
            return fail(text.error());
        }
        const std::vector<std::uint16_t> ports = listeningPorts(*text, tcp);
        if (std::ranges::find(ports, forward.hostPort) != ports.end())
            return failWith(EADDRINUSE, protocol + " port " + std::to_string(forward.hostPort) +
                                            " has a listening socket on the host (a host service uses it): a forward "
                                            "would take that service's traffic, so it is refused");
    }
    return {};
}

} // namespace berth::net
