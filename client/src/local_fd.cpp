#include "local_fd.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace berth::client {
namespace {

int openFlags(LocalFd::Mode mode)
{
    using Mode = LocalFd::Mode;
    switch (mode) {
    case Mode::Read:
        return O_RDONLY;
    case Mode::ReadDirectory:
        return O_RDONLY | O_DIRECTORY;
    case Mode::Create:
        return O_WRONLY | O_CREAT | O_TRUNC;
    case Mode::Append:
        return O_WRONLY | O_CREAT | O_APPEND | O_NOCTTY;
    }
    return O_RDONLY;
}

} // namespace

std::expected<LocalFd, int> LocalFd::open(const QString& path, Mode mode)
{
    const QByteArray local = QFile::encodeName(path);
    const int fd = ::open(local.constData(), openFlags(mode) | O_CLOEXEC, 0644);
    if (fd < 0)
        return std::unexpected(errno);
    return LocalFd(fd);
}

std::expected<LocalFd, int> LocalFd::duplicate(int fd)
{
    const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0)
        return std::unexpected(errno);
    return LocalFd(copy);
}

std::expected<std::pair<LocalFd, LocalFd>, int> LocalFd::pipe(int flags)
{
    int fds[2];
    if (::pipe2(fds, flags | O_CLOEXEC) != 0)
        return std::unexpected(errno);
    return std::pair{LocalFd(fds[0]), LocalFd(fds[1])};
}

void LocalFd::reset(int fd)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace berth::client
