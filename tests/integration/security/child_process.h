// A child in a new pid namespace for the security tests, killed and reaped
// if a test gives up on it, and a reader for its output.
#pragma once

#include <cerrno>
#include <csignal>
#include <sched.h>
#include <string>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

namespace berth::test {

class ChildProcess {
public:
    ChildProcess() = default;
    explicit ChildProcess(pid_t pid) : m_pid(pid) {}
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ChildProcess(ChildProcess&& other) noexcept : m_pid(std::exchange(other.m_pid, -1)) {}
    ChildProcess& operator=(ChildProcess&& other) noexcept
    {
        if (this != &other) {
            reset();
            m_pid = std::exchange(other.m_pid, -1);
        }
        return *this;
    }
    ~ChildProcess() { reset(); }

    [[nodiscard]] pid_t pid() const { return m_pid; }

    // Raw wait status, or -1.
    int wait()
    {
        int status = 0;
        pid_t r;
        do {
            r = ::waitpid(m_pid, &status, 0);
        } while (r < 0 && errno == EINTR);
        m_pid = -1;
        return r < 0 ? -1 : status;
    }

private:
    void reset()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        m_pid = -1;
    }

    pid_t m_pid = -1;
};

// fork() into new namespaces: the child is PID 1 of its own pid namespace.
// Returns 0 in the child, as fork does.
inline pid_t forkInto(unsigned long flags)
{
    return static_cast<pid_t>(::syscall(SYS_clone, flags | SIGCHLD, nullptr, nullptr, nullptr, nullptr));
}

// Everything until EOF.
inline std::string readAll(int fd)
{
    std::string out;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return out;
        out.append(buf, static_cast<std::size_t>(n));
    }
}

// One line (without the newline), or what came before EOF.
inline std::string readLine(int fd)
{
    std::string line;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        line.push_back(c);
    return line;
}

} // namespace berth::test
