// Opening what --file names, as berthctl's user: the helper never opens a
// caller's path, it gets the descriptor.
#pragma once

#include "value_parsers.h"

#include <QString>

namespace berth::cli {

// A directory is opened O_DIRECTORY (OCI layouts, LXC containers), anything
// else read-only; "-" is stdin. The caller closes the result unless it is 0.
[[nodiscard]] Parsed<int> openInput(const QString& path);

} // namespace berth::cli
