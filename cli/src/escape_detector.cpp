#include "escape_detector.h"

namespace berth::cli {

QByteArray EscapeDetector::feed(const QByteArray& input, bool* detach)
{
    *detach = false;
    QByteArray out;
    for (const char byte : input) {
        if (!m_pending) {
            if (byte == kEscape)
                m_pending = true;
            else
                out += byte;
            continue;
        }
        m_pending = false;
        if (byte == 'q') {
            *detach = true;
            return out;
        }
        out += kEscape;
        if (byte != kEscape)
            out += byte;
    }
    return out;
}

} // namespace berth::cli
