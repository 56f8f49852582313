#include "line_ends.h"

namespace berth::cli {

QByteArray foldLineEnds(QByteArray& pending, const QByteArray& data)
{
    QByteArray text = pending + data;
    pending.clear();
    if (text.endsWith('\r')) {
        pending = "\r";
        text.chop(1);
    }
    return text.replace("\r\n", "\n");
}

} // namespace berth::cli
