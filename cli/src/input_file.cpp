#include "input_file.h"

#include "tr.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::cli {

Parsed<int> openInput(const QString& path)
{
    if (path == QLatin1String("-"))
        return STDIN_FILENO;
    const QByteArray local = path.toLocal8Bit();
    struct stat st {};
    if (::stat(local.constData(), &st) != 0)
        return std::unexpected(Cli::tr("cannot open '%1': %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    const int flags = O_RDONLY | O_CLOEXEC | (S_ISDIR(st.st_mode) ? O_DIRECTORY : 0);
    const int fd = ::open(local.constData(), flags);
    if (fd < 0)
        return std::unexpected(Cli::tr("cannot open '%1': %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    return fd;
}

} // namespace berth::cli
