// Line ends of console output for a pipe or a file.
#pragma once

#include <QByteArray>

namespace berth::cli {

// The console's pty ends lines with CR LF; a pipe or a file wants LF. A CR
// at the end of `data` is kept in `pending` until the next piece shows
// whether a LF follows it.
[[nodiscard]] QByteArray foldLineEnds(QByteArray& pending, const QByteArray& data);

} // namespace berth::cli
