// Opening what --file names, as berthctl's user: the helper never opens a
// caller's path, it gets the descriptor.
#pragma once

#include "local_fd.h"
#include "value_parsers.h"

#include <QString>

namespace berth::cli {

// A file or a directory (OCI layouts, LXC containers), read-only; "-" is a
// duplicate of stdin.
[[nodiscard]] Parsed<client::LocalFd> openInput(const QString& path);

} // namespace berth::cli
