// A second network namespace for netlink tests: a forked child that
// unshares CLONE_NEWNET and waits on a pipe until the holder goes away, and
// helpers that run code or a program inside that namespace from another
// forked child (setns), so the test process never leaves its own namespace.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <functional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace berth::test {

class NetnsChild {
public:
    NetnsChild() = default;
    NetnsChild(const NetnsChild&) = delete;
    NetnsChild& operator=(const NetnsChild&) = delete;
    // Closes the pipe (the child exits, its namespace and links vanish) and reaps it.
    ~NetnsChild();

    // Forks the holder and waits until its namespace exists.
    [[nodiscard]] Status start();
    [[nodiscard]] pid_t pid() const { return m_pid; }

    // Runs `body` in a forked child inside the namespace; its error comes
    // back as text. `body` may only use what is safe after fork (syscalls,
    // malloc, libnl).
    [[nodiscard]] Status run(const std::function<Status()>& body) const;
    // Runs a program inside the namespace; its exit status (-1 if it did not exit).
    [[nodiscard]] int exec(const std::vector<std::string>& argv) const;

private:
    pid_t m_pid = -1;
    UniqueFd m_keepAlive; // write end: the holder exits when it closes
};

} // namespace berth::test
