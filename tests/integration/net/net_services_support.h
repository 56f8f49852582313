// Helpers of the network service tests (nftables, dnsmasq): namespaces
// standing for containers and "the outside", commands run inside them, and
// one-shot TCP client/server children that report what they saw.
#pragma once

#include <QtCore/QProcess>
#include <QtCore/QStringList>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <string>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::test::netsvc {

struct CommandResult {
    int exitCode = -1; // -1 when it did not start or did not exit normally
    QString output;    // stdout and stderr
};

// No time bound of its own: ctest's timeout bounds a hung command.
inline CommandResult runCommand(const QStringList& argv)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(argv.first(), argv.mid(1));
    if (!process.waitForStarted(-1))
        return {-1, "cannot start " + argv.first()};
    process.waitForFinished(-1);
    const int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return {code, QString::fromLocal8Bit(process.readAll())};
}

// Waits for a child and returns its exit code, or -1 if it did not exit.
inline int waitExitCode(pid_t pid)
{
    int status = 0;
    pid_t r;
    do {
        r = ::waitpid(pid, &status, 0);
    } while (r < 0 && errno == EINTR);
    return r == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A forked child that only holds a new network namespace; killed and
// reaped on destruction, which ends the namespace and the links in it.
class NetnsHolder {
public:
    NetnsHolder() = default;
    NetnsHolder(const NetnsHolder&) = delete;
    NetnsHolder& operator=(const NetnsHolder&) = delete;
    ~NetnsHolder()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }

    bool start()
    {
        int ready[2];
        if (::pipe2(ready, O_CLOEXEC) != 0)
            return false;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            const char ok = ::unshare(CLONE_NEWNET) == 0 ? '1' : '0';
            [[maybe_unused]] const ssize_t w = ::write(ready[1], &ok, 1);
            for (;;)
                ::pause();
        }
        ::close(ready[1]);
        char ok = '0';
        const bool started = m_pid > 0 && ::read(ready[0], &ok, 1) == 1 && ok == '1';
        ::close(ready[0]);
        return started && exec({"ip", "link", "set", "lo", "up"}).exitCode == 0;
    }

    [[nodiscard]] pid_t pid() const { return m_pid; }
    [[nodiscard]] QString nsPath() const { return QStringLiteral("/proc/%1/ns/net").arg(m_pid); }

    // Runs a program inside the namespace.
    CommandResult exec(const QStringList& argv) const
    {
        return runCommand(QStringList{"nsenter", "--net=" + nsPath()} + argv);
    }

    // Forks a child that joins the namespace and _exits with body()'s
    // result (127 if it cannot join). `body` may only make system calls.
    template <class Body> pid_t fork(Body body) const
    {
        const std::string path = nsPath().toStdString();
        const pid_t pid = ::fork();
        if (pid != 0)
            return pid;
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::setns(fd, CLONE_NEWNET) != 0)
            ::_exit(127);
        ::_exit(body());
    }

private:
    pid_t m_pid = -1;
};

// Child body: accepts one TCP connection on `port`, reads one byte, and
// writes the peer's address (dotted quad) to `resultFd`. Writes 'r' to
// `readyFd` once listening.
inline int serveOnce(unsigned short port, int readyFd, int resultFd)
{
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (s < 0 || ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(s, 1) != 0)
        return 1;
    if (::write(readyFd, "r", 1) != 1)
        return 2;
    sockaddr_in peer{};
    socklen_t len = sizeof peer;
    const int c = ::accept(s, reinterpret_cast<sockaddr*>(&peer), &len);
    char byte = 0;
    if (c < 0 || ::read(c, &byte, 1) != 1)
        return 3;
    char text[INET_ADDRSTRLEN + 1] = {};
    ::inet_ntop(AF_INET, &peer.sin_addr, text, sizeof text);
    text[::strlen(text)] = '\n';
    return ::write(resultFd, text, ::strlen(text)) > 0 ? 0 : 4;
}

// Child body: connects to address:port and sends one byte; 0 or the errno.
inline int connectOnce(const char* address, unsigned short port)
{
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (s < 0 || ::inet_pton(AF_INET, address, &addr.sin_addr) != 1)
        return 100;
    if (::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        return errno;
    return ::write(s, "x", 1) == 1 ? 0 : errno;
}

} // namespace berth::test::netsvc
