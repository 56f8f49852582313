#include "runtime/console_mux.h"

#include "runtime/console_log.h"

#include <algorithm>
#include <cerrno>

#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

constexpr auto kHangupPause = std::chrono::milliseconds(50);

void writeFully(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t put = ::write(fd, data, size);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return;
        data += put;
        size -= static_cast<std::size_t>(put);
    }
}

} // namespace

ConsoleMux::ConsoleMux(UniqueFd master, std::size_t ringSize, ConsoleLog* log)
    : m_master(std::move(master)), m_ringSize(ringSize), m_log(log)
{}

bool ConsoleMux::readMaster()
{
    char buffer[16384];
    const ssize_t got = ::read(m_master.get(), buffer, sizeof(buffer));
    if (got > 0) {
        if (m_log)
            m_log->write(buffer, static_cast<std::size_t>(got));
        remember(buffer, static_cast<std::size_t>(got));
        broadcast(buffer, static_cast<std::size_t>(got));
        return true;
    }
    if (got < 0 && (errno == EAGAIN || errno == EINTR))
        return true;
    // EIO: every slave is closed for now. Keep the master and look again later.
    m_pausedUntil = std::chrono::steady_clock::now() + kHangupPause;
    return false;
}

void ConsoleMux::drainMaster()
{
    m_pausedUntil = {};
    for (int i = 0; i < 64; ++i) {
        char buffer[16384];
        const ssize_t got = ::read(m_master.get(), buffer, sizeof(buffer));
        if (got <= 0)
            return;
        if (m_log)
            m_log->write(buffer, static_cast<std::size_t>(got));
        remember(buffer, static_cast<std::size_t>(got));
        broadcast(buffer, static_cast<std::size_t>(got));
    }
}

void ConsoleMux::remember(const char* data, std::size_t size)
{
    m_ring.insert(m_ring.end(), data, data + size);
    if (m_ring.size() > m_ringSize)
        m_ring.erase(m_ring.begin(), m_ring.begin() + static_cast<std::ptrdiff_t>(m_ring.size() - m_ringSize));
}

void ConsoleMux::broadcast(const char* data, std::size_t size)
{
    // A client that cannot keep up loses output rather than stalling the
    // container's console: the socket is non-blocking.
    for (const UniqueFd& client : m_clients)
        (void)!::send(client.get(), data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
}

void ConsoleMux::addClient(UniqueFd client)
{
    const std::string recent(m_ring.begin(), m_ring.end());
    if (!recent.empty())
        (void)!::send(client.get(), recent.data(), recent.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    m_clients.push_back(std::move(client));
}

std::vector<int> ConsoleMux::clientFds() const
{
    std::vector<int> fds;
    for (const UniqueFd& client : m_clients)
        fds.push_back(client.get());
    return fds;
}

bool ConsoleMux::readClient(int fd)
{
    char buffer[4096];
    const ssize_t got = ::recv(fd, buffer, sizeof(buffer), MSG_DONTWAIT);
    if (got < 0 && (errno == EAGAIN || errno == EINTR))
        return true;
    if (got <= 0)
        return false;
    writeFully(m_master.get(), buffer, static_cast<std::size_t>(got));
    return true;
}

void ConsoleMux::removeClient(int fd)
{
    std::erase_if(m_clients, [fd](const UniqueFd& client) { return client.get() == fd; });
}

void ConsoleMux::setWindowSize(unsigned short rows, unsigned short cols)
{
    winsize size{};
    size.ws_row = rows;
    size.ws_col = cols;
    ::ioctl(m_master.get(), TIOCSWINSZ, &size);
}

} // namespace berth::runtime
