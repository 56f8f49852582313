// A stand-in for a container's init in bench_net_attach: a forked child in
// a network namespace of its own that, when asked over a pipe, configures
// its interface itself (address, link up) with Berth's netlink layer, as
// berth-init does before it execs.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"
#include "net/ipv4.h"

#include <string>

#include <sys/types.h>

namespace berth::bench {

class NetnsHolder {
public:
    NetnsHolder() = default;
    NetnsHolder(const NetnsHolder&) = delete;
    NetnsHolder& operator=(const NetnsHolder&) = delete;
    ~NetnsHolder() { stop(); }

    // Forks the child and waits until its namespace exists.
    [[nodiscard]] Status start(std::string interface, net::Ipv4Cidr address);
    // Asks the child to configure its interface; waits for its answer.
    [[nodiscard]] Status configure();
    // Ends the child (its namespace goes with it) and reaps it.
    void stop();

    [[nodiscard]] pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    UniqueFd m_request; // parent -> child; closing it ends the child
    UniqueFd m_reply;   // child -> parent: one int, 0 or an errno
};

} // namespace berth::bench
