#include "runtime/fd_passing.h"

#include <array>
#include <cerrno>
#include <cstring>

#include <sys/socket.h>

namespace berth::runtime {

Status sendMessage(int socket, std::string_view text, int fd)
{
    iovec iov{const_cast<char*>(text.data()), text.size()};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    alignas(cmsghdr) std::array<char, CMSG_SPACE(sizeof(int))> control{};
    if (fd >= 0) {
        msg.msg_control = control.data();
        msg.msg_controllen = control.size();
        cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
        cmsg->cmsg_level = SOL_SOCKET;
        cmsg->cmsg_type = SCM_RIGHTS;
        cmsg->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    }
    ssize_t sent;
    do {
        sent = ::sendmsg(socket, &msg, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0)
        return failErrno(errno, "send message");
    if (static_cast<size_t>(sent) != text.size())
        return failWith(EMSGSIZE, "send message: short write");
    return {};
}

Result<Message> receiveMessage(int socket)
{
    std::string buffer(64 * 1024, '\0');
    iovec iov{buffer.data(), buffer.size()};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    alignas(cmsghdr) std::array<char, CMSG_SPACE(sizeof(int) * 4)> control{};
    msg.msg_control = control.data();
    msg.msg_controllen = control.size();
    ssize_t got;
    do {
        got = ::recvmsg(socket, &msg, MSG_CMSG_CLOEXEC);
    } while (got < 0 && errno == EINTR);
    if (got < 0)
        return failErrno(errno, "receive message");

    Message result;
    for (cmsghdr* cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
        if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS)
            continue;
        const size_t count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < count; ++i) {
            int fd;
            std::memcpy(&fd, CMSG_DATA(cmsg) + i * sizeof(int), sizeof(int));
            // Keep the first; close any extra a peer sent.
            if (!result.fd.valid())
                result.fd.reset(fd);
            else
                UniqueFd{fd};
        }
    }
    if (msg.msg_flags & MSG_CTRUNC)
        return failWith(EMSGSIZE, "receive message: control data truncated");
    buffer.resize(static_cast<size_t>(got));
    result.text = std::move(buffer);
    return result;
}

} // namespace berth::runtime
