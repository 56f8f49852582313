#include "netns_holder.h"

#include "net/netlink_address.h"
#include "net/netlink_socket.h"

#include <cerrno>

#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::bench {

namespace {

bool writeInt(int fd, int value)
{
    return ::write(fd, &value, sizeof value) == static_cast<ssize_t>(sizeof value);
}

bool readInt(int fd, int& value)
{
    ssize_t n = 0;
    while ((n = ::read(fd, &value, sizeof value)) < 0 && errno == EINTR) {}
    return n == static_cast<ssize_t>(sizeof value);
}

int configureHere(const std::string& interface, net::Ipv4Cidr address)
{
    Result<net::NetlinkSocket> sock = net::NetlinkSocket::open();
    if (!sock)
        return sock.error().code;
    Status ok = net::configureInterface(*sock, interface, address, std::nullopt, true);
    return ok ? 0 : ok.error().code;
}

// Answers each request byte until the parent closes the pipe.
[[noreturn]] void childMain(int requestFd, int replyFd, const std::string& interface, net::Ipv4Cidr address)
{
    if (!writeInt(replyFd, ::unshare(CLONE_NEWNET) == 0 ? 0 : errno))
        ::_exit(1);
    char byte;
    while (::read(requestFd, &byte, 1) == 1)
        if (!writeInt(replyFd, configureHere(interface, address)))
            ::_exit(1);
    ::_exit(0);
}

} // namespace

Status NetnsHolder::start(std::string interface, net::Ipv4Cidr address)
{
    int request[2], reply[2];
    if (::pipe2(request, O_CLOEXEC) != 0 || ::pipe2(reply, O_CLOEXEC) != 0)
        return failErrno(errno, "pipe");
    UniqueFd requestRead(request[0]), replyWrite(reply[1]);
    m_request.reset(request[1]);
    m_reply.reset(reply[0]);
    m_pid = ::fork();
    if (m_pid < 0)
        return failErrno(errno, "fork namespace holder");
    if (m_pid == 0) {
        m_request.reset();
        childMain(requestRead.get(), replyWrite.get(), interface, address);
    }
    int result = 0;
    if (!readInt(m_reply.get(), result))
        return failWith(EIO, "namespace holder died");
    if (result != 0)
        return failErrno(result, "namespace holder: unshare(CLONE_NEWNET)");
    return {};
}

Status NetnsHolder::configure()
{
    int result = 0;
    if (::write(m_request.get(), "c", 1) != 1 || !readInt(m_reply.get(), result))
        return failWith(EIO, "namespace holder did not answer");
    if (result != 0)
        return failErrno(result, "configure the interface inside the namespace");
    return {};
}

void NetnsHolder::stop()
{
    m_request.reset();
    m_reply.reset();
    if (m_pid > 0)
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {}
    m_pid = -1;
}

} // namespace berth::bench
