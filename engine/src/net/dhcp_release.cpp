#include "net/dhcp_release.h"

#include "berth/unique_fd.h"
#include "net/mac.h"

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace berth::net {

namespace {

constexpr std::size_t kCiaddr = 12;
constexpr std::size_t kChaddr = 28;
constexpr std::size_t kCookie = 236;
constexpr std::uint16_t kServerPort = 67;

void putAddress(std::array<std::uint8_t, 300>& message, std::size_t at, Ipv4Address address)
{
    for (int i = 0; i < 4; ++i)
        message[at + i] = static_cast<std::uint8_t>(address.value >> (24 - 8 * i));
}

} // namespace

Result<std::array<std::uint8_t, 300>> dhcpReleaseMessage(Ipv4Address server, Ipv4Address lease, std::string_view mac,
                                                         std::uint32_t xid)
{
    auto parsed = parseMac(mac);
    if (!parsed)
        return fail(parsed.error());
    std::array<std::uint8_t, 300> message{};
    message[0] = 1; // BOOTREQUEST
    message[1] = 1; // Ethernet
    message[2] = 6; // hardware address length
    for (int i = 0; i < 4; ++i)
        message[4 + i] = static_cast<std::uint8_t>(xid >> (24 - 8 * i));
    putAddress(message, kCiaddr, lease);
    for (std::size_t i = 0; i < 6; ++i)
        message[kChaddr + i] = static_cast<std::uint8_t>(std::stoul(parsed->substr(3 * i, 2), nullptr, 16));
    const std::uint8_t cookie[] = {0x63, 0x82, 0x53, 0x63};
    std::memcpy(&message[kCookie], cookie, sizeof cookie);
    std::size_t at = kCookie + 4;
    message[at++] = 53; // message type
    message[at++] = 1;
    message[at++] = 7;  // DHCPRELEASE
    message[at++] = 54; // server identifier
    message[at++] = 4;
    putAddress(message, at, server);
    at += 4;
    message[at] = 255; // end
    return message;
}

Status sendDhcpRelease(const std::string& bridge, Ipv4Address server, Ipv4Address lease, std::string_view mac)
{
    std::uint32_t xid = 0;
    for (char c : std::string(mac) + lease.toString())
        xid = (xid ^ static_cast<unsigned char>(c)) * 16777619u;
    auto message = dhcpReleaseMessage(server, lease, mac, xid);
    if (!message)
        return fail(message.error());
    UniqueFd fd(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP));
    if (!fd)
        return failErrno(errno, "DHCP release socket");
    // Sent on the bridge: dnsmasq takes it for a packet of that interface.
    if (::setsockopt(fd.get(), SOL_SOCKET, SO_BINDTODEVICE, bridge.c_str(),
                     static_cast<socklen_t>(bridge.size() + 1)) != 0)
        return failErrno(errno, "DHCP release on '" + bridge + "'");
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(kServerPort);
    to.sin_addr.s_addr = htonl(server.value);
    if (::sendto(fd.get(), message->data(), message->size(), 0, reinterpret_cast<const sockaddr*>(&to), sizeof to) < 0)
        return failErrno(errno, "send a DHCP release to " + server.toString() + " on '" + bridge + "'");
    return {};
}

} // namespace berth::net
