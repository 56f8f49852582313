#include "input_file.h"

#include "tr.h"

#include <unistd.h>

namespace berth::cli {

Parsed<client::LocalFd> openInput(const QString& path)
{
    auto fd = path == QLatin1String("-") ? client::LocalFd::duplicate(STDIN_FILENO)
                                         : client::LocalFd::open(path, client::LocalFd::Mode::Read);
    if (!fd)
        return std::unexpected(Cli::tr("cannot open '%1': %2").arg(path, client::errnoText(fd.error())));
    return std::move(*fd);
}

} // namespace berth::cli
