#include "runtime/monitor_client.h"

#include "runtime/fd_passing.h"

#include <cstring>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

namespace berth::runtime {

namespace {

Result<UniqueFd> connectTo(const std::filesystem::path& path)
{
    UniqueFd sock(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!sock)
        return failErrno(errno, "socket");
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string& text = path.native();
    if (text.size() >= sizeof(addr.sun_path))
        return failWith(ENAMETOOLONG, "monitor socket path is too long: " + text);
    std::memcpy(addr.sun_path, text.c_str(), text.size() + 1);
    if (::connect(sock.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0)
        return failErrno(errno, "connect to monitor " + text);
    return sock;
}

Status waitReadable(int fd, std::chrono::milliseconds timeout)
{
    pollfd pfd{fd, POLLIN, 0};
    int ready;
    do {
        ready = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
    } while (ready < 0 && errno == EINTR);
    if (ready < 0)
        return failErrno(errno, "wait for monitor");
    if (ready == 0)
        return failWith(ETIMEDOUT, "the monitor did not answer in time");
    return {};
}

Result<MonitorReply> exchange(int sock, const MonitorRequest& request, std::chrono::milliseconds timeout)
{
    if (auto sent = sendMessage(sock, encodeMessage(request)); !sent)
        return fail(sent.error());
    if (auto ready = waitReadable(sock, timeout); !ready)
        return fail(ready.error());
    auto message = receiveMessage(sock);
    if (!message)
        return fail(message.error());
    if (message->text.empty())
        return failWith(ECONNRESET, "the monitor closed the connection without answering");

    auto answer = decodeAnswer(message->text);
    if (!answer)
        return fail(answer.error());
    if (answer->error)
        return fail(std::move(*answer->error));
    return MonitorReply{answer->exit, std::move(message->fd)};
}

} // namespace

Result<MonitorReply> askMonitor(const std::filesystem::path& socket, const MonitorRequest& request,
                                std::chrono::milliseconds timeout)
{
    auto sock = connectTo(socket);
    if (!sock)
        return fail(sock.error());
    return exchange(sock->get(), request, timeout);
}

Result<MonitorReply> askMonitorAndWaitExit(const std::filesystem::path& socket, const MonitorRequest& request,
                                           std::chrono::milliseconds timeout)
{
    auto sock = connectTo(socket);
    if (!sock)
        return fail(sock.error());
    auto reply = exchange(sock->get(), request, timeout);
    if (!reply)
        return reply;
    // EOF (or a reset) means the monitor has exited; the caller still checks its lock.
    if (waitReadable(sock->get(), timeout)) {
        char byte;
        (void)!::recv(sock->get(), &byte, 1, MSG_DONTWAIT);
    }
    return reply;
}

} // namespace berth::runtime
