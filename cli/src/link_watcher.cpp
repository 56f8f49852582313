#include "link_watcher.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace berth::cli {

LinkState linkState(const QString& name)
{
    const QByteArray ifname = name.toLocal8Bit();
    if (ifname.isEmpty() || ifname.size() >= IFNAMSIZ || ::if_nametoindex(ifname.constData()) == 0)
        return LinkState::Missing;
    // Any socket answers SIOCGIFFLAGS for links of its network namespace.
    const client::LocalFd sock(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!sock.isValid())
        return LinkState::Down;
    ifreq request{};
    std::memcpy(request.ifr_name, ifname.constData(), size_t(ifname.size()));
    const int rc = ::ioctl(sock.get(), SIOCGIFFLAGS, &request);
    const int err = errno;
    if (rc != 0)
        return err == ENODEV ? LinkState::Missing : LinkState::Down;
    return (request.ifr_flags & IFF_UP) ? LinkState::Up : LinkState::Down;
}

LinkWatcher::LinkWatcher() = default;

LinkWatcher::~LinkWatcher()
{
    m_notifier.reset();
}

QString LinkWatcher::start(std::function<void()> onChange)
{
    m_fd.reset(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE));
    if (!m_fd.isValid())
        return QString::fromLocal8Bit(std::strerror(errno));
    sockaddr_nl address{};
    address.nl_family = AF_NETLINK;
    address.nl_groups = RTMGRP_LINK;
    if (::bind(m_fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0)
        return QString::fromLocal8Bit(std::strerror(errno));
    m_onChange = std::move(onChange);
    m_notifier = std::make_unique<QSocketNotifier>(m_fd.get(), QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this] { drain(); });
    return {};
}

// The messages themselves are not parsed: the caller asks for the state of
// the links it waits for, which also covers events lost to a full buffer
// (ENOBUFS).
void LinkWatcher::drain()
{
    char buffer[8192];
    for (;;) {
        const ssize_t got = ::recv(m_fd.get(), buffer, sizeof(buffer), 0);
        if (got > 0 || (got < 0 && (errno == ENOBUFS || errno == EINTR)))
            continue;
        break;
    }
    if (m_onChange)
        m_onChange();
}

} // namespace berth::cli
