// Printing a container's console log, once or while it grows.
#pragma once

#include <QByteArray>
#include <QString>

namespace berth::cli {

// Writes the log to stdout. follow: keeps printing as it grows until the
// container has stopped and all of it is out, and returns the exit status
// of the container's command; else prints what there is and returns 0.
// Output the log's cap dropped before it was read is said on stderr, once.
int printLog(const QString& name, bool follow);

} // namespace berth::cli
