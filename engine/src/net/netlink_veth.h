// Per-container links whose container end is created directly in the
// container's network namespace (IFLA_NET_NS_PID / IFLA_NET_NS_FD on the
// new link), as LXC's lxc_veth_create and nspawn's add_veth do: no move
// afterwards, and the name is free to be "eth0" even if the host has one.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

#include <sys/types.h>

namespace berth::net {

class NetlinkSocket;

// Which network namespace a new link goes into: that of a process, or one
// named by an open fd (/proc/PID/ns/net, a bind-mounted namespace file).
struct NetnsTarget {
    enum class Kind { Pid, Fd };
    Kind kind = Kind::Pid;
    int value = 0;

    [[nodiscard]] static NetnsTarget ofPid(pid_t pid) { return {Kind::Pid, pid}; }
    [[nodiscard]] static NetnsTarget ofFd(int fd) { return {Kind::Fd, fd}; }
};

// A veth pair: `hostName` in the caller's namespace, `peerName` created in
// the target namespace with `peerMac` ("" lets the kernel choose) and `mtu`
// on both ends (0: default). Both ends are down. Fails as a whole (EEXIST
// when either name is taken in its namespace): nothing is left behind.
[[nodiscard]] Status createVethPair(NetlinkSocket& sock, std::string_view hostName, std::string_view peerName,
                                    NetnsTarget peerNetns, const std::string& peerMac, unsigned mtu);
[[nodiscard]] Status createVethPair(NetlinkSocket& sock, std::string_view hostName, std::string_view peerName,
                                    pid_t peerNetnsPid, const std::string& peerMac, unsigned mtu);

// A macvlan `name` on `parent` (a link in the caller's namespace), created
// in the target namespace. `mode`: "private", "vepa", "bridge", "passthru".
[[nodiscard]] Status createMacvlan(NetlinkSocket& sock, std::string_view parent, std::string_view name,
                                   std::string_view mode, NetnsTarget netns, const std::string& mac, unsigned mtu);
[[nodiscard]] Status createMacvlan(NetlinkSocket& sock, std::string_view parent, std::string_view name,
                                   std::string_view mode, pid_t netnsPid, const std::string& mac, unsigned mtu);

} // namespace berth::net
