// A connected NETLINK_ROUTE socket (libnl), in the network namespace of the
// thread that opens it; it stays bound to that namespace.
#pragma once

#include "berth/error.h"

#include <memory>

struct nl_sock;

namespace berth::net {

class NetlinkSocket {
public:
    // Allocates and connects; the fd is close-on-exec.
    [[nodiscard]] static Result<NetlinkSocket> open();

    NetlinkSocket(NetlinkSocket&&) noexcept;
    NetlinkSocket& operator=(NetlinkSocket&&) noexcept;
    ~NetlinkSocket();

    [[nodiscard]] nl_sock* get() const noexcept { return m_sock.get(); }

private:
    struct Free {
        void operator()(nl_sock* sock) const;
    };
    explicit NetlinkSocket(std::unique_ptr<nl_sock, Free> sock) : m_sock(std::move(sock)) {}

    std::unique_ptr<nl_sock, Free> m_sock;
};

} // namespace berth::net
