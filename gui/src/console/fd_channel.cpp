#include "fd_channel.h"

#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace berth::gui {

FdChannel::FdChannel(int fd, QObject* parent) : QObject(parent), m_fd(fd)
{
    ::fcntl(m_fd.get(), F_SETFL, ::fcntl(m_fd.get(), F_GETFL) | O_NONBLOCK);
    ::fcntl(m_fd.get(), F_SETFD, FD_CLOEXEC);
    m_reader = new QSocketNotifier(m_fd.get(), QSocketNotifier::Read, this);
    connect(m_reader, &QSocketNotifier::activated, this, &FdChannel::readAvailable);
    m_writer = new QSocketNotifier(m_fd.get(), QSocketNotifier::Write, this);
    m_writer->setEnabled(false);
    connect(m_writer, &QSocketNotifier::activated, this, &FdChannel::flush);
}

FdChannel::~FdChannel()
{
    close();
}

void FdChannel::close()
{
    if (!m_fd.isValid())
        return;
    m_reader->setEnabled(false);
    m_writer->setEnabled(false);
    m_fd.reset();
}

void FdChannel::readAvailable()
{
    char buffer[16384];
    const ssize_t n = ::read(m_fd.get(), buffer, sizeof buffer);
    if (n > 0) {
        Q_EMIT received(QByteArray(buffer, qsizetype(n)));
        return;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    close();
    Q_EMIT closed();
}

void FdChannel::write(const QByteArray& bytes)
{
    if (!m_fd.isValid())
        return;
    m_pending += bytes;
    flush();
}

void FdChannel::flush()
{
    while (!m_pending.isEmpty() && m_fd.isValid()) {
        const ssize_t n = ::write(m_fd.get(), m_pending.constData(), std::size_t(m_pending.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            break; // the rest when the descriptor can take it
        if (n < 0) {
            m_pending.clear(); // the reader sees the end and reports it
            break;
        }
        m_pending.remove(0, qsizetype(n));
    }
    if (m_fd.isValid())
        m_writer->setEnabled(!m_pending.isEmpty());
}

bool FdChannel::isTerminal() const
{
    return m_fd.isValid() && ::isatty(m_fd.get()) == 1;
}

bool FdChannel::setWindowSize(int rows, int columns)
{
    if (!isTerminal())
        return false;
    winsize size{};
    size.ws_row = static_cast<unsigned short>(rows);
    size.ws_col = static_cast<unsigned short>(columns);
    return ::ioctl(m_fd.get(), TIOCSWINSZ, &size) == 0;
}

} // namespace berth::gui
